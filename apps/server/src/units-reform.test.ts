import { createPolCenter, SYSTEM_ACTOR } from '@polcenter/core';
import { testDatabase } from '@polcenter/testing/database';
import { startServerProcess } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

/**
 * A new installation, as its first administrator meets it: `polcenter start` without the demo, on
 * an empty database, then everything over HTTP with a sign-in session, as the console does it — the
 * first units, a merger of two communes (the 2025 reform), and the new commune's coordinator
 * finding a person of one of the old communes.
 */
const database = await testDatabase();
const server = await startServerProcess({ DATABASE_URL: database.url, POLCENTER_LOG: '0', POLCENTER_DEMO: '0' });
const polcenter = await createPolCenter({ databaseUrl: database.url, poolSize: 2 });
test.after(async () => {
  await polcenter.close();
  await server.stop();
  await database.drop();
});

const PASSWORD = 'mat-khau-quan-tri-2026';
await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'quantri',
  displayName: 'Quản trị',
  password: PASSWORD,
  roles: [{ role: 'admin', unitId: null }],
});

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, read as each test expects them.
  data: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above, tRPC's error envelope.
  error: any;
}

/** A signed-in browser tab, reduced to its cookie: tRPC calls over HTTP with it. */
async function signIn(username: string, password = PASSWORD) {
  const response = await fetch(`${server.url}/trpc/auth.startSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  assert.is(response.status, 200, await response.clone().text());
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  assert.match(cookie, /^pc_session=/);
  const call = async (path: string, input: unknown, mutation: boolean): Promise<Answer> => {
    const answer = await fetch(
      mutation
        ? `${server.url}/trpc/${path}`
        : `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
      {
        method: mutation ? 'POST' : 'GET',
        headers: {
          cookie,
          'accept-language': 'vi',
          ...(mutation ? { 'content-type': 'application/json', origin: server.url } : {}),
        },
        ...(mutation ? { body: JSON.stringify(input) } : {}),
      },
    );
    const body = (await answer.json()) as { result?: { data: unknown }; error?: unknown };
    return { status: answer.status, data: body.result?.data, error: body.error };
  };
  return {
    query: (path: string, input: unknown = {}) => call(path, input, false),
    mutate: (path: string, input: unknown) => call(path, input, true),
  };
}

test('an empty database without the demo has its unit levels, and its first unit is created over HTTP', async () => {
  const admin = await signIn('quantri');
  const levels = await admin.query('reference.list', { list: 'unit_level' });
  assert.equal(
    levels.data.map((l: { code: string }) => l.code),
    ['province', 'district', 'commune', 'village'],
  );
  assert.equal((await admin.query('units.list', {})).data, []);
  const first = await admin.mutate('units.create', { code: '19', name: 'Tỉnh Thái Nguyên', level: 'province' });
  assert.is(first.status, 200, JSON.stringify(first.error));
  assert.is(first.data.levelName.vi, 'Tỉnh');
});

test('merging two communes over HTTP: the coordinator of the new commune finds a person of an old one', async () => {
  const admin = await signIn('quantri');
  const [province] = (await admin.query('units.list', {})).data as { id: string }[];
  const create = async (code: string, name: string, level: string, parentId: string) => {
    const created = await admin.mutate('units.create', { code, name, level, parentId, validFrom: '2020-01-01' });
    assert.is(created.status, 200, JSON.stringify(created.error));
    return created.data as { id: string; version: number; name: string };
  };
  const yenPhong = await create('02068', 'Xã Yên Phong', 'commune', province?.id as string);
  const nghiaTa = await create('02071', 'Xã Nghĩa Tá', 'commune', province?.id as string);
  const naDau = await create('02068-01', 'Thôn Nà Đấu', 'village', yenPhong.id);
  const person = await admin.mutate('people.create', {
    fullName: 'Hoàng Thị Mận',
    birthDate: '1988-03-14',
    gender: 'female',
    ethnicity: 'tay',
    unitId: naDau.id,
  });
  assert.is(person.status, 200, JSON.stringify(person.error));

  // A stale screen is refused with the reason, in Vietnamese, and changes nothing.
  const stale = await admin.mutate('units.merge', {
    units: [
      { id: yenPhong.id, version: yenPhong.version + 1 },
      { id: nghiaTa.id, version: nghiaTa.version },
    ],
    successor: { code: 'TN-YENPHONG', name: 'Xã Yên Phong' },
    effectiveOn: '01/07/2025',
  });
  assert.is(stale.status, 409);
  assert.is(stale.error.data.domainCode, 'UNIT.STALE');
  assert.match(stale.error.message, 'người khác');

  const merged = await admin.mutate('units.merge', {
    units: [
      { id: yenPhong.id, version: yenPhong.version },
      { id: nghiaTa.id, version: nghiaTa.version },
    ],
    successor: { code: 'TN-YENPHONG', name: 'Xã Yên Phong' },
    effectiveOn: '01/07/2025',
    decision: 'Nghị quyết 1683/NQ-UBTVQH15',
  });
  assert.is(merged.status, 200, JSON.stringify(merged.error));
  const villages = await admin.query('units.list', { under: merged.data.id, at: '2025-07-01' });
  assert.equal(
    villages.data.map((v: { name: string }) => v.name),
    ['Thôn Nà Đấu'],
  );

  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.yenphong',
    displayName: 'Cán bộ xã Yên Phong',
    password: PASSWORD,
    roles: [{ role: 'unit_coordinator', unitId: merged.data.id }],
  });
  const coordinator = await signIn('canbo.yenphong');
  const found = await coordinator.query('people.search', { query: 'man' });
  assert.is(found.status, 200, JSON.stringify(found.error));
  assert.equal(
    found.data.items.map((p: { fullName: string }) => p.fullName),
    ['Hoàng Thị Mận'],
  );
  const opened = await coordinator.query('people.get', { id: person.data.id });
  assert.is(opened.status, 200, JSON.stringify(opened.error));

  // A coordinator of a commune beside it, in no merger with them, finds nobody there.
  const other = await create('02074', 'Xã Bình Trung', 'commune', province?.id as string);
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.binhtrung',
    displayName: 'Cán bộ xã Bình Trung',
    password: PASSWORD,
    roles: [{ role: 'unit_coordinator', unitId: other.id }],
  });
  const neighbour = await signIn('canbo.binhtrung');
  assert.equal((await neighbour.query('people.search', { query: 'man' })).data.items, []);
  assert.is((await neighbour.query('people.get', { id: person.data.id })).status, 403);
});

test.run();
