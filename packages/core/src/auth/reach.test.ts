import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createPolCenter } from '../polcenter.js';
import { createTestPolCenter, readableTest } from '../testing/index.js';

// Two library instances on one database, as two server processes behind one address: each keeps
// its own copy of the unit tree (ADR 0035), and a change made through one must tell in the other
// at its very next call.
const one = await createTestPolCenter();
const two = await createPolCenter({ databaseUrl: one.url, migrate: false });
test.after(async () => {
  await two.close();
  await one.close();
});

const staff = { id: null, label: 'Ban Tổ chức' };
const PASSWORD = 'mat-khau-du-dai-1';

/** A province with two communes of one village each, valid from 2020. */
async function province(prefix: string) {
  const top = await one.units.create(SYSTEM_ACTOR, {
    code: prefix,
    name: `Tỉnh ${prefix}`,
    level: 'province',
    validFrom: '2020-01-01',
  });
  const commune = async (code: string, name: string) => {
    const unit = await one.units.create(SYSTEM_ACTOR, {
      code: `${prefix}-${code}`,
      name,
      level: 'commune',
      parentId: top.id,
      validFrom: '2020-01-01',
    });
    const village = await one.units.create(SYSTEM_ACTOR, {
      code: `${prefix}-${code}-1`,
      name: `Thôn Nà Pài (${name})`,
      level: 'village',
      parentId: unit.id,
      validFrom: '2020-01-01',
    });
    return { unit, village };
  };
  return { top, a: await commune('A', 'Xã Bằng Phúc'), b: await commune('B', 'Xã Đồng Lạc') };
}

/** An account holding one role, signed in: its token. */
async function signedIn(username: string, role: 'unit_coordinator' | 'center_staff', unitId: string) {
  await one.auth.createUser(SYSTEM_ACTOR, {
    username,
    displayName: username,
    password: PASSWORD,
    roles: [{ role, unitId }],
  });
  return (await one.auth.signIn({ username, password: PASSWORD })).token;
}

async function reachThrough(instance: typeof two, token: string) {
  const check = await instance.auth.check(token);
  if (!check || !('reach' in check)) throw new Error('the token should sign in');
  return check.reach;
}

readableTest('a merger made through one instance changes reach in the other at its next call', async () => {
  const { top, a, b } = await province('R1');
  const provinceToken = await signedIn('tinh.r1', 'center_staff', top.id);
  const villageToken = await signedIn('thon.r1', 'unit_coordinator', a.village.id);
  // Instance two has read the tree: the village's coordinator sees its commune's business.
  assert.ok((await reachThrough(two, villageToken)).sees(a.unit.id));

  const merged = await one.units.merge(staff, {
    units: [
      { id: a.unit.id, version: a.unit.version },
      { id: b.unit.id, version: b.unit.version },
    ],
    successor: { code: 'R1-AB', name: 'Xã Bằng Lạc' },
    effectiveOn: '2025-07-01',
  });
  const mergedToken = await signedIn('xa.r1.moi', 'unit_coordinator', merged.id);

  // Through instance two, at once: the village moved with the merger, so the commune above it is
  // the new one; the new commune is under the province; its coordinator reaches both old communes
  // and their villages.
  const village = await reachThrough(two, villageToken);
  assert.ok(village.sees(merged.id));
  assert.not.ok(village.sees(a.unit.id));
  assert.ok((await reachThrough(two, provinceToken)).reaches(merged.id, ['center_staff']));
  const successor = await reachThrough(two, mergedToken);
  assert.ok(successor.reachesAll([merged.id, a.unit.id, a.village.id, b.unit.id, b.village.id], ['unit_coordinator']));
  assert.not.ok(successor.reaches(top.id));
  assert.ok(successor.sees(top.id));
  // A principal made without a token (a script) gets the same answer from either instance.
  const principal = await one.auth.principal((await one.auth.userIdOf('xa.r1.moi')) as string);
  assert.equal((await two.auth.reachOf(principal)).units(), successor.units());
});

readableTest('a unit added or moved through one instance is in reach through the other at its next call', async () => {
  const { a, b } = await province('R2');
  const token = await signedIn('xa.r2', 'unit_coordinator', a.unit.id);
  const before = await reachThrough(two, token);
  assert.not.ok(before.reaches(b.village.id));

  const hamlet = await one.units.create(SYSTEM_ACTOR, {
    code: 'R2-A-2',
    name: 'Thôn Bản Cuôn',
    level: 'village',
    parentId: a.unit.id,
    validFrom: '2020-01-01',
  });
  assert.ok((await reachThrough(two, token)).reaches(hamlet.id));

  const village = await one.units.get(b.village.id);
  await one.units.move(staff, {
    id: village.id,
    version: village.version,
    parentId: a.unit.id,
    effectiveOn: '2025-07-01',
  });
  assert.ok((await reachThrough(two, token)).reaches(b.village.id));
  // What was worked out before the change is not rewritten: it answered for its own call.
  assert.not.ok(before.reaches(b.village.id));
});

readableTest('the stamp changes with the tree and only with it: a rename keeps it', async () => {
  const { a } = await province('R3');
  const stamp = async () =>
    (await one.orm.em.fork().execute<{ stamp: string }[]>('SELECT stamp FROM unit_tree_stamp'))[0]?.stamp;
  const first = await stamp();
  const unit = await one.units.get(a.unit.id);
  await one.units.rename(staff, { id: unit.id, version: unit.version, name: 'Xã Bằng Phúc Mới' });
  assert.is(await stamp(), first);
  await one.units.create(SYSTEM_ACTOR, {
    code: 'R3-A-2',
    name: 'Thôn Khuổi Chủ',
    level: 'village',
    parentId: a.unit.id,
    validFrom: '2020-01-01',
  });
  assert.is.not(await stamp(), first);
});

test.run();
