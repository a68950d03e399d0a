import { windows1258 } from '@polcenter/testing/legacy-encoding';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import {
  countRows,
  createTestPolCenter,
  expectDomainError,
  readableTest as it,
  unitIdByCode,
} from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
const { importJobs, orm } = polcenter;
const chodon = await unitIdByCode(orm, 'TN-CHODON');
const account = async (username: string) =>
  polcenter.auth.createUser(SYSTEM_ACTOR, {
    username,
    displayName: 'Hoàng Thị Lan',
    password: 'mat-khau-trung-tam-2026',
    roles: [{ role: 'center_staff', unitId: chodon }],
  });
const lan = await account('canbo.lan');
const other = await account('canbo.khac');
const actor = { id: lan.userId, label: lan.displayName };

const csv = (lines: readonly string[]) => windows1258(lines.join('\r\n'));
const HEADER = 'Họ và tên,Ngày sinh,Giới tính,Dân tộc,Đơn vị';

/** The job once its worker is done. */
async function finished(id: string) {
  await importJobs.settled();
  return importJobs.get(lan.userId, id);
}

it('a file goes through upload, a dry run and the import; its progress and report are kept for the page', async () => {
  const before = await countRows(orm, 'person');
  const job = await importJobs.upload(lan.userId, {
    kind: 'people',
    fileName: 'C:\\Danh sach\\thon Na Pai.csv',
    data: csv([
      'DANH SÁCH ĐOÀN VIÊN THÔN NÀ PÀI',
      HEADER,
      'Lò Thị Nhất,05/03/1990,Nữ,Tày,02020',
      'Ma Văn Nhì,12/11/1984,Nam,Dao,02020',
    ]),
  });
  assert.is(job.fileName, 'thon Na Pai.csv');
  assert.is(job.encoding, 'windows-1258');
  assert.is(job.headerLine, 2);
  assert.equal(job.preview[0], { line: 3, cells: ['Lò Thị Nhất', '05/03/1990', 'Nữ', 'Tày', '02020'] });
  assert.is(job.state, 'uploaded');
  // Importing before a clean dry run is refused.
  assert.is((await expectDomainError(importJobs.start(actor, job.id, false))).code, 'IMPORT.NOT_READY');

  const checking = await importJobs.start(actor, job.id, true);
  assert.is(checking.state, 'checking');
  const checked = await finished(job.id);
  assert.is(checked.state, 'checked');
  assert.equal([checked.done, checked.total], [2, 2]);
  assert.equal(checked.report?.errors, []);
  assert.is(checked.report?.created, 2);
  assert.is(await countRows(orm, 'person'), before, 'a dry run writes nothing');

  await importJobs.start(actor, job.id, false);
  const done = await finished(job.id);
  assert.is(done.state, 'done');
  assert.is(done.report?.written, true);
  assert.is(await countRows(orm, 'person'), before + 2);
  assert.is((await expectDomainError(importJobs.start(actor, job.id, true))).code, 'IMPORT.NOT_READY');
  // A job is its uploader's alone.
  assert.is((await expectDomainError(importJobs.get(other.userId, job.id))).code, 'IMPORT.NOT_FOUND');
});

it('two bad rows: both reported by row and by the file’s own header, accepted values in Vietnamese; nothing written', async () => {
  const before = await countRows(orm, 'person');
  const job = await importJobs.upload(lan.userId, {
    kind: 'people',
    fileName: 'xau.csv',
    data: csv([
      'STT,HỌ VÀ TÊN,Sinh ngày,Giới tính,Dân tộc,Đơn vị',
      '1,Lò Thị Ba,05/03/1990,Nữ,Tày,02020',
      '2,Ma Văn Tư,31/02/1984,Nam,Dao,02020',
      '3,Nông Thị Năm,01/01/1991,Nữ,Mán,02020',
    ]),
  });
  await importJobs.start(actor, job.id, true);
  const checked = await finished(job.id);
  assert.equal(
    checked.report?.errors.map((e) => [e.line, e.column]),
    [
      [3, 'Sinh ngày'],
      [4, 'Dân tộc'],
    ],
  );
  assert.match(checked.report?.errors[1]?.message.vi ?? '', 'Không nhận ra "Mán"; dùng một trong: Kinh, Tày, Dao');
  assert.is((await expectDomainError(importJobs.start(actor, job.id, false))).code, 'IMPORT.NOT_READY');
  assert.is(await countRows(orm, 'person'), before);
});

it('a unit outside the person’s scope is refused on its row', async () => {
  const job = await importJobs.upload(lan.userId, {
    kind: 'people',
    fileName: 'xa-khac.csv',
    data: csv([HEADER, 'Lò Thị Sáu,05/03/1990,Nữ,Tày,02020']),
  });
  await importJobs.start(actor, job.id, true, () => false);
  const checked = await finished(job.id);
  assert.equal(
    checked.report?.errors.map((e) => [e.line, e.column]),
    [[2, 'Đơn vị']],
  );
  assert.match(checked.report?.errors[0]?.message.vi ?? '', 'không thuộc các đơn vị bạn quản lý');
});

it('the same file imported twice at once: one job writes each person, the other skips them; a double start runs once', async () => {
  const lines = [HEADER, ...['Bảy', 'Tám', 'Chín'].map((n) => `Hà Thị ${n},01/02/1993,Nữ,Tày,02020`)];
  const a = await importJobs.upload(lan.userId, { kind: 'people', fileName: 'a.csv', data: csv(lines) });
  const b = await importJobs.upload(lan.userId, { kind: 'people', fileName: 'b.csv', data: csv(lines) });
  for (const job of [a, b]) await importJobs.start(actor, job.id, true);
  await importJobs.settled();
  const before = await countRows(orm, 'person');
  const starts = await Promise.allSettled([
    importJobs.start(actor, a.id, false),
    importJobs.start(actor, a.id, false),
    importJobs.start(actor, b.id, false),
  ]);
  // Either start of `a` may be the one that runs; exactly one does, and `b` runs too.
  assert.equal(starts.map((s) => s.status).sort(), ['fulfilled', 'fulfilled', 'rejected']);
  assert.is(starts[2]?.status, 'fulfilled');
  await importJobs.settled();
  const [ra, rb] = [await importJobs.get(lan.userId, a.id), await importJobs.get(lan.userId, b.id)];
  assert.equal([ra.state, rb.state], ['done', 'done']);
  assert.equal((ra.report?.created ?? 0) + (rb.report?.created ?? 0), 3);
  assert.equal((ra.report?.skippedCount ?? 0) + (rb.report?.skippedCount ?? 0), 3);
  assert.is(await countRows(orm, 'person'), before + 3);
});

it('files that cannot be read are refused at upload, with what to do', async () => {
  const refused = await expectDomainError(
    importJobs.upload(lan.userId, { kind: 'people', fileName: 'cu.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }),
  );
  assert.equal(
    refused.fields.map((f) => f.field),
    ['file'],
  );
  assert.match(refused.text.vi, '.xlsx');
});

test.after(() => polcenter.close());
test.run();
