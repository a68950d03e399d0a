import { SYSTEM_ACTOR } from '@polcenter/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

/**
 * Propaganda work in the console, as the district's propaganda department does it: a briefing
 * recorded in a village with its audience by people and gender, found again without diacritics,
 * and counted in the period report's totals.
 */
const rig = await startConsole();
test.after(() => rig.stop());

const one = async <T>(text: string, values: unknown[] = []) => (await rig.sql<T>(text, values))[0] as T;
const district = await one<{ id: string }>("SELECT id FROM unit WHERE code = '064'");
const commune = await one<{ id: string; name: string }>("SELECT id, name FROM unit WHERE code = '02050'");
const village = await one<{ id: string; name: string }>("SELECT id, name FROM unit WHERE code = '02050-01'");
/** Since 01/07/2025 Phương Viên's villages are xã Chợ Đồn's (they moved with the merger). */
const choDon = await one<{ id: string }>("SELECT id FROM unit WHERE code = 'TN-CHODON'");
/** A propagandist of the commune who has briefed before. */
const rapporteur = await one<{ full_name: string }>(
  `SELECT p.full_name FROM briefing_person bp JOIN person p ON p.id = bp.person_id
    JOIN unit u ON u.id = p.unit_id WHERE u.code = '02050' ORDER BY p.full_name LIMIT 1`,
);
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'tuyengiao.chodon',
  displayName: 'Ma Thị Hoa',
  password: 'mat-khau-tuyen-giao-2026',
  // The department's staff also work for the new commune, which the villages are under today.
  roles: [
    { role: 'propaganda_staff', unitId: district.id },
    { role: 'propaganda_staff', unitId: choDon.id },
  ],
});
const PROPAGANDA = ['tuyengiao.chodon', 'mat-khau-tuyen-giao-2026'] as const;

/** The name typed as people type it in a hurry: no diacritics, lower case. */
const plain = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

test('a briefing recorded with its audience by people and gender appears in the period report’s totals', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, PROPAGANDA[0], PROPAGANDA[1]);
  await page.getByRole('navigation').getByRole('link', { name: 'Tuyên truyền miệng' }).click();
  const list = page.locator('pc-briefings-page');
  await list.getByRole('heading', { name: 'Tuyên truyền miệng', level: 1 }).waitFor();
  await list.getByRole('link', { name: 'Ghi buổi tuyên truyền' }).click();
  const form = page.locator('pc-briefing-form-page');
  await form.getByRole('heading', { name: 'Ghi buổi tuyên truyền miệng', level: 1 }).waitFor();

  await form.getByLabel('Ngày tổ chức').fill('15/03/2024');
  await form.locator(`select[name=unitId] option[value="${village.id}"]`).waitFor({ state: 'attached' });
  await form.getByLabel('Thôn, bản, tổ dân phố (đơn vị)').selectOption(village.id);
  await form.getByLabel('Địa điểm cụ thể').fill('Nhà văn hoá thôn');
  await form.getByLabel('Chủ đề').fill('Phòng chống cháy rừng mùa khô');
  assert.is(await form.getByLabel('Thực hiện theo chỉ thị').inputValue(), 'Chỉ thị 17-CT/TW');
  await form.getByLabel('Tìm báo cáo viên theo tên (không cần dấu)').fill(plain(rapporteur.full_name));
  await form.getByRole('button', { name: 'Tìm', exact: true }).click();
  await form
    .getByRole('button', { name: `Chọn ${rapporteur.full_name}` })
    .first()
    .click();
  const counts: [string, number][] = [
    ['Số người Tày, nữ', 21],
    ['Số người Tày, nam', 18],
    ['Số người Dao, nữ', 7],
    ["Số người H'Mông (Mông), nam", 4],
  ];
  for (const [label, n] of counts) await form.getByLabel(label, { exact: true }).fill(String(n));
  await form.getByText('Cộng theo dân tộc và giới tính: 50').waitFor();
  // A total that disagrees with the groups is refused under its own field, in Vietnamese.
  await form.getByLabel('Tổng số người nghe (khi không chia theo dân tộc)').fill('60');
  await form.getByRole('button', { name: 'Lưu buổi tuyên truyền' }).click();
  await form
    .locator('#f-audienceSize-error', { hasText: 'Tổng số người nghe (60) khác tổng theo dân tộc và giới tính (50).' })
    .waitFor();
  assert.is(
    await form.getByLabel('Tổng số người nghe (khi không chia theo dân tộc)').getAttribute('aria-invalid'),
    'true',
  );
  assert.is(
    (await rig.sql<{ n: number }>("SELECT count(*)::int AS n FROM briefing WHERE date = '2024-03-15'"))[0]?.n,
    0,
  );
  assert.equal(await accessibilityViolations(page), []);
  await form.getByLabel('Tổng số người nghe (khi không chia theo dân tộc)').fill('');
  await form.getByRole('button', { name: 'Lưu buổi tuyên truyền' }).click();
  await form.getByText('Đã lưu buổi tuyên truyền.').first().waitFor();
  const [stored] = await rig.sql<{ audience_size: number; groups: number; directive: string }>(
    `SELECT b.audience_size, b.directive, (SELECT count(*)::int FROM briefing_audience a WHERE a.briefing_id = b.id) AS groups
       FROM briefing b WHERE b.date = '2024-03-15'`,
  );
  assert.equal(stored, { audience_size: 50, groups: 4, directive: 'Chỉ thị 17-CT/TW' });

  // Found in the list without diacritics, with its audience by group.
  await page.goto(`${rig.url}/console/briefings?from=2024-01-01&to=2024-12-31`);
  await list.getByLabel('Tìm theo chủ đề, nơi, báo cáo viên (không cần dấu)').fill('chay rung');
  await list.getByRole('button', { name: 'Lọc' }).click();
  await list.getByText('Đang hiển thị 1 buổi.').waitFor();
  const row = list.locator('tbody tr');
  await row.getByText('Tày nữ 21').waitFor();
  assert.match(await row.innerText(), village.name);
  assert.equal(await accessibilityViolations(page), []);

  // The period report of the commune counts it: 1 briefing, 50 listeners, by people and gender.
  await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo tuyên truyền' }).click();
  const report = page.locator('pc-propaganda-report-page');
  await report.getByRole('heading', { name: 'Báo cáo công tác tuyên truyền', level: 1 }).waitFor();
  await report.getByLabel('Từ ngày').fill('01/01/2024');
  await report.getByLabel('Đến ngày').fill('30/06/2024');
  // The communes offered are those of the period's end (Phương Viên was merged in 2025).
  await report.getByRole('button', { name: 'Lọc' }).click();
  await report.locator(`select[name=unitId] option[value="${commune.id}"]`).waitFor({ state: 'attached' });
  await report.getByLabel('Đơn vị (gồm cả đơn vị trực thuộc)').selectOption(commune.id);
  await report.getByRole('button', { name: 'Lọc' }).click();
  await report
    .getByText('06 tháng đầu năm 2024, đã tổ chức 01 buổi tuyên truyền miệng cho 50 lượt người nghe', { exact: false })
    .waitFor();
  assert.is(await report.locator('[data-figure=briefings]').innerText(), '1');
  assert.is(await report.locator('[data-figure=audience]').innerText(), '50');
  assert.is(await report.locator('[data-figure=unclassified]').innerText(), '0');
  const cells = async (ethnicity: string) =>
    (await report.locator(`tr[data-ethnicity=${ethnicity}] td`).allInnerTexts()).map((t) => t.trim());
  // Columns: men, women, both.
  assert.equal(await cells('tay'), ['18', '21', '39']);
  assert.equal(await cells('dao'), ['0', '7', '7']);
  assert.equal(await cells('hmong'), ['4', '0', '4']);
  assert.equal(await cells('total'), ['22', '28', '50']);
  assert.match(page.url(), /unitId=/);
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test('a briefing corrected on the version read; a stale screen is told, not overwritten', async () => {
  const [b] = await rig.sql<{ id: string }>("SELECT id FROM briefing WHERE date = '2024-03-15'");
  const page = await rig.page();
  await signIn(page, rig.url, PROPAGANDA[0], PROPAGANDA[1], `/briefings/${b?.id}/edit`);
  const form = page.locator('pc-briefing-form-page');
  await form.getByRole('heading', { name: 'Sửa buổi tuyên truyền miệng', level: 1 }).waitFor();
  assert.is(await form.getByLabel('Số người Tày, nữ', { exact: true }).inputValue(), '21');
  assert.equal(await accessibilityViolations(page), []);
  await form.getByLabel('Số người Kinh, nam', { exact: true }).fill('5');
  await form.getByRole('button', { name: 'Lưu buổi tuyên truyền' }).click();
  await form.getByText('Đã lưu buổi tuyên truyền.').first().waitFor();
  assert.is(
    (await rig.sql<{ audience_size: number }>('SELECT audience_size FROM briefing WHERE id = ?', [b?.id]))[0]
      ?.audience_size,
    55,
  );
  // Someone else saves meanwhile: this screen's next save is refused with the reason and a way on.
  await rig.sql('UPDATE briefing SET version = version + 1 WHERE id = ?', [b?.id]);
  await form.getByLabel('Chủ đề').fill('Phòng chống cháy rừng');
  await form.getByRole('button', { name: 'Lưu buổi tuyên truyền' }).click();
  await form.getByText('Buổi tuyên truyền đã được người khác sửa', { exact: false }).waitFor();
  await form.getByRole('button', { name: 'Tải bản mới nhất' }).click();
  assert.is(
    (await rig.sql<{ topic: string }>('SELECT topic FROM briefing WHERE id = ?', [b?.id]))[0]?.topic,
    'Phòng chống cháy rừng mùa khô',
  );
  await page.close();
});

test('the propaganda pages at 360 px: nothing scrolls sideways', async () => {
  const page = await rig.page(360);
  await signIn(page, rig.url, PROPAGANDA[0], PROPAGANDA[1], '/briefings/new');
  for (const path of [
    '/briefings/new',
    '/briefings?from=2022-01-01&to=2022-12-31',
    '/propaganda-report?from=2022-01-01&to=2022-12-31',
  ]) {
    await page.goto(`${rig.url}/console${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    assert.is(await overflowsSideways(page), false, path);
  }
  await page.close();
});

test.run();
