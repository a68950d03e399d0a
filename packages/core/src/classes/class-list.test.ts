import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixtureClass, fixtureProgram, fixtureUnit } from '../testing/fixtures.js';
import { createTestPolCenter, expectDomainError, readableTest as it } from '../testing/index.js';
import type { ClassScope } from './class-list.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());
const orm = polcenter.orm;

/** A province with two districts; the first has two communes. */
const unit = async (name: string, parentId: string | null) => {
  const id = await fixtureUnit(orm, name);
  await orm.em.fork().execute('UPDATE unit SET parent_id = ? WHERE id = ?', [parentId, id]);
  return id;
};
const province = await unit('Tỉnh Bắc Kạn', null);
const district = await unit('Huyện Chợ Đồn', province);
const phuongVien = await unit('Xã Phương Viên', district);
const dongLac = await unit('Xã Đồng Lạc', district);
const otherDistrict = await unit('Huyện Ba Bể', province);
const ntd = await fixtureProgram(orm, 'NTĐ'); // "Bồi dưỡng nhận thức về Đảng"
const bdnv = await fixtureProgram(orm, 'BDNV'); // "Bồi dưỡng nghiệp vụ"

const at = (date: string) => [{ date, start: '07:30', end: '11:30' }];
const classes = {
  provinceOld: await fixtureClass(orm, { programId: ntd.id, unitId: province, sessions: at('2024-05-06') }),
  district: await fixtureClass(orm, { programId: ntd.id, unitId: district, sessions: at('2026-03-02') }),
  districtSameDay: await fixtureClass(orm, { programId: bdnv.id, unitId: district, sessions: at('2026-03-02') }),
  phuongVien: await fixtureClass(orm, {
    programId: bdnv.id,
    unitId: phuongVien,
    status: 'draft',
    sessions: at('2026-04-06'),
  }),
  dongLac: await fixtureClass(orm, { programId: ntd.id, unitId: dongLac, sessions: at('2025-09-08') }),
  otherDistrict: await fixtureClass(orm, { programId: ntd.id, unitId: otherDistrict, sessions: at('2026-05-04') }),
};
type Name = keyof typeof classes;
const nameOf = new Map(Object.entries(classes).map(([name, c]) => [c.id, name]));
const codes = new Map(Object.entries(classes).map(([name, c]) => [name, c.code]));
await orm.em
  .fork()
  .execute("UPDATE training_class SET title = 'Lớp cảm tình Đảng, thôn Bản Tát' WHERE id = ?", [classes.dongLac.id]);

const list = async (scope: ClassScope, input: Parameters<typeof polcenter.classes.list>[1] = {}) =>
  (await polcenter.classes.list(scope, input)).items.map((c) => nameOf.get(c.id) as Name);

it('list: a commune sees its own classes, those of the units above it, never a neighbour’s or another district’s', async () => {
  const sameDay = [codes.get('district'), codes.get('districtSameDay')].sort((a, b) =>
    (a as string).localeCompare(b as string, 'vi'),
  );
  const byDate = sameDay.map((code) => [...codes].find(([, c]) => c === code)?.[0]);
  // Newest start first; the two classes of 02/03/2026 in Vietnamese order of their codes.
  assert.equal(await list({ unitIds: [phuongVien] }), ['phuongVien', ...byDate, 'provinceOld']);
  assert.equal(await list({ unitIds: [district] }), ['phuongVien', ...byDate, 'dongLac', 'provinceOld']);
  assert.equal((await list({ all: true })).length, 6);
  assert.equal(await list({ unitIds: [] }), []);
});

it('list filters: status, program, organiser (and below), year, date range', async () => {
  const all = { all: true } as const;
  assert.equal(await list(all, { status: 'draft' }), ['phuongVien']);
  assert.equal((await list(all, { programId: bdnv.id })).sort(), ['districtSameDay', 'phuongVien']);
  assert.equal((await list(all, { organiserUnitId: district })).length, 4);
  assert.equal(await list(all, { year: 2025 }), ['dongLac']);
  assert.equal(await list(all, { from: '2026-04-01', to: '30/04/2026' }), ['phuongVien']);
  const refused = await expectDomainError(polcenter.classes.list(all, { from: '2026-04-01', to: '2026-03-01' }));
  assert.is(refused.fields[0]?.field, 'to');
});

it('list search ignores diacritics and case, over code, title and program name', async () => {
  const all = { all: true } as const;
  assert.equal((await list(all, { search: 'boi duong nghiep' })).sort(), ['districtSameDay', 'phuongVien']);
  assert.equal(await list(all, { search: 'ban tat' }), ['dongLac']);
  assert.equal(await list(all, { search: 'CẢM TÌNH' }), ['dongLac']);
  const code = codes.get('otherDistrict') as string; // FX-<n>/2026
  assert.equal(await list(all, { search: code.toLowerCase() }), ['otherDistrict']);
  assert.equal(await list(all, { search: code.split('-')[1] }), ['otherDistrict']);
  // Words start words: "uong" is inside "dưỡng", not the start of one.
  assert.equal(await list(all, { search: 'uong' }), []);
  assert.equal(await list(all, { search: '100%_' }), []);
});

it('list pages with a cursor: every class once, in order, whatever the page size', async () => {
  const everything = await list({ all: true }, { limit: 100 });
  for (const limit of [1, 2, 4]) {
    const seen: Name[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await polcenter.classes.list({ all: true }, { limit, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => nameOf.get(c.id) as Name));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    assert.equal(seen, everything, `limit ${limit}`);
  }
  const doctored = await expectDomainError(polcenter.classes.list({ all: true }, { cursor: 'bm90IGEgY3Vyc29y' }));
  assert.is(doctored.fields[0]?.field, 'cursor');
});

test.run();
