import { readFile } from 'node:fs/promises';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { unitIdByCode } from '@polcenter/core/testing';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultDates, PERIOD_KINDS } from '../src/reports/period-choice.js';
import { accessibilityViolations, overflowsSideways, PASSWORD, signIn, startConsole, waitShown } from './testing.js';

/**
 * The reports pages (issue #14) over the demo's Chợ Đồn: the district's center staff read the first
 * half of 2022 as the article tells it, set a 2022 plan target and see its % in the report, record
 * propaganda output and see it counted, download the workbook; a lecturer is told the pages are
 * not theirs.
 */
const rig = await startConsole();
test.after(() => rig.stop());

const district = await unitIdByCode(rig.polcenter.orm, '064');
const STAFF = 'canbo.huyen';
const LECTURER = 'giangvien.huyen';
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: STAFF,
  displayName: 'Triệu Thị Hà',
  password: PASSWORD,
  roles: [{ role: 'center_staff', unitId: district }],
});
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: LECTURER,
  displayName: 'Hà Văn Giảng',
  password: PASSWORD,
  roles: [{ role: 'lecturer', unitId: district }],
});
const COORDINATOR = 'dieuphoi.chodon';
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: COORDINATOR,
  displayName: 'Ma Văn Điều',
  password: PASSWORD,
  roles: [{ role: 'unit_coordinator', unitId: await unitIdByCode(rig.polcenter.orm, 'TN-CHODON') }],
});
// The plan this file enters is its own: whatever the demo planned for the district's 2022 is set aside.
await rig.sql('DELETE FROM plan_target WHERE unit_id = ? AND year = 2022', [district]);

const HALF = `from=2022-01-01&to=2022-06-30&unitId=${district}`;
const half = { from: '2022-01-01', to: '2022-06-30', unitId: district };

const planTargets = async () =>
  (await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM plan_target WHERE unit_id = ?', [district]))[0]?.n;

/** Clicks a download button and reads the workbook the browser saved. */
async function downloadWorkbook(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; book: ExcelJS.Workbook }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await file.path()) as string)) as unknown as ArrayBuffer);
  return { name: file.suggestedFilename(), book };
}

test('staff read the first half of 2022 for the district by keyboard alone, and download it as Excel', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, STAFF);
  await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo', exact: true }).click();
  const view = page.locator('pc-report-page');
  await view.getByRole('heading', { name: 'Báo cáo', level: 1 }).waitFor();
  // The chooser opens on the report being written now (in December, this year); arrows on the
  // chooser pick the first half, the year is typed, Enter sends.
  const kind = view.getByLabel('Kỳ báo cáo', { exact: true });
  const opened = await kind.inputValue();
  const today = defaultDates();
  assert.is(opened, today.to.slice(5) === '06-30' ? 'half1' : 'year', 'the default period');
  assert.match(await view.getByLabel('Năm', { exact: true }).inputValue(), today.from.slice(0, 4));
  await kind.focus();
  const steps = PERIOD_KINDS.indexOf(opened as 'half1') - PERIOD_KINDS.indexOf('half1');
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowUp' : 'ArrowDown');
  assert.is(await kind.inputValue(), 'half1');
  await view.getByLabel('Năm', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2022');
  await page.keyboard.press('Enter');
  const training = view.locator('[data-sentence=training]');
  await waitShown(training.getByText('06 tháng đầu năm 2022', { exact: false }), 'the half-year sentence');
  const sentence = await training.innerText();
  assert.match(sentence, 'Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên');
  assert.match(page.url(), 'from=2022-01-01&to=2022-06-30');
  // Each section as the API answers it: trainees by program add up to what the sentence says.
  const api = await rig.polcenter.reports.period(half, 'staff');
  assert.is(await view.locator('[data-table=training-plan] [data-measure=trainees] [data-actual]').innerText(), '211');
  assert.is(await view.locator('[data-table=by-program] tbody tr').count(), api.training.byProgram.length);
  assert.is(await view.locator('[data-figure=passed]').innerText(), String(api.training.passed));
  assert.ok(await view.locator('[data-section=rapporteurs]').isVisible());
  assert.ok(await view.locator('[data-section=directive17]').isVisible());

  // Tab from the button that sent the chooser reaches the downloads; Enter downloads.
  await view.getByRole('button', { name: 'Xem báo cáo' }).focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent?.trim() ?? null;
  });
  assert.is(focused, 'Tải Excel');
  const { name, book } = await downloadWorkbook(page, () => page.keyboard.press('Enter'));
  assert.is(name, 'bao-cao-064-2022-01-01-2022-06-30.xlsx');
  const summary = book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
  assert.is(summary.getCell('A5').value, 'Số học viên');
  assert.is(summary.getCell('B5').value, 211);
  await view.getByText(`Đã tải ${name}.`).waitFor();
  await page.close();
});

test('a 2022 plan target: a negative or missing one refused under its field with nothing written, then set and shown as % of plan', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, STAFF, PASSWORD, `/reports/plan?year=2022&unitId=${district}`);
  const view = page.locator('pc-plan-page');
  await waitShown(view.locator('[data-empty]'), 'the empty plan of 2022');
  const before = await planTargets();
  const add = view.locator('form', { has: page.getByRole('heading', { name: 'Giao chỉ tiêu mới' }) });
  await add.getByLabel('Chỉ tiêu', { exact: true }).selectOption('trainees');
  await add.getByLabel('Kế hoạch', { exact: true }).fill('-5');
  await add.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  const error = add.locator('#f-target-error');
  await waitShown(error, 'the negative target refused');
  assert.is(await error.innerText(), 'Phải từ 0 trở lên.');
  assert.is(await add.getByLabel('Kế hoạch', { exact: true }).getAttribute('aria-invalid'), 'true');
  await add.getByLabel('Kế hoạch', { exact: true }).fill('');
  await add.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await waitShown(add.locator('#f-target-error', { hasText: 'Bắt buộc phải có.' }), 'the missing target refused');
  assert.is(await planTargets(), before, 'nothing written');

  await add.getByLabel('Kế hoạch', { exact: true }).fill('422');
  await add.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
  await add.getByText('Đã giao chỉ tiêu.').waitFor();
  const row = view.locator('[data-table=targets] tbody tr');
  await row.filter({ hasText: '422' }).waitFor();
  assert.match(await row.innerText(), 'Số học viên');
  assert.is(await planTargets(), (before ?? 0) + 1);

  // The report beside it: 211 of 422, 50%.
  await page.goto(`${rig.url}/console/reports?${HALF}`);
  const trainees = page.locator('pc-report-page [data-table=training-plan] [data-measure=trainees]');
  await waitShown(trainees.locator('[data-percent]', { hasText: '50%' }), 'the % of plan');
  assert.is(await trainees.locator('[data-plan]').innerText(), '422');
  assert.match(await page.locator('pc-report-page [data-sentence=training]').innerText(), 'đạt 50% kế hoạch năm');
  const { book } = await downloadWorkbook(page, () =>
    page.locator('pc-report-page').getByRole('button', { name: 'Tải Excel' }).click(),
  );
  const summary = book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
  assert.equal([summary.getCell('B5').value, summary.getCell('C5').value, summary.getCell('D5').value], [211, 422, 50]);
  await page.close();
});

test('a target corrected on a stale screen: the API’s conflict sentence, the latest loaded, then saved', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, STAFF, PASSWORD, `/reports/plan?year=2022&unitId=${district}`);
  const view = page.locator('pc-plan-page');
  await waitShown(view.locator('[data-table=targets] tbody tr'), 'the plan');
  await view.getByRole('button', { name: /^Sửa chỉ tiêu Số học viên/ }).click();
  // Meanwhile someone else corrects it.
  const [target] = await rig.polcenter.plans.list({ unitId: district, year: 2022 });
  await rig.polcenter.plans.update(SYSTEM_ACTOR, {
    id: target?.id ?? '',
    expectedVersion: target?.version ?? 1,
    target: 400,
  });
  const edit = view.locator('form', { has: page.getByRole('heading', { name: /^Sửa chỉ tiêu/ }) });
  // The cursor is in the form that opened, below the list: typing goes there.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('430');
  assert.is(await edit.getByLabel('Kế hoạch', { exact: true }).inputValue(), '430');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await waitShown(edit.locator('[role=alert]'), 'the stale edit refused');
  assert.match(
    await edit.locator('[role=alert]').innerText(),
    'Chỉ tiêu kế hoạch đã được người khác sửa sau khi bạn mở',
  );
  await edit.getByRole('button', { name: 'Tải bản mới nhất' }).click();
  await waitShown(view.locator('[data-table=targets] td', { hasText: '400' }), 'the latest version');
  assert.is(await edit.getByLabel('Kế hoạch', { exact: true }).inputValue(), '400');
  await edit.getByLabel('Kế hoạch', { exact: true }).fill('422');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await waitShown(view.locator('[data-table=targets] td', { hasText: '422' }), 'the corrected target');
  await page.close();
});

test('propaganda output recorded, counted in the report, then corrected', async () => {
  const banners = async () =>
    (await rig.polcenter.reports.period(half, 'staff')).output.byKind.find((k) => k.kind === 'banners')?.count.actual ??
    0;
  const before = await banners();
  const page = await rig.page();
  await signIn(page, rig.url, STAFF, PASSWORD, `/reports/outputs?${HALF}`);
  const view = page.locator('pc-outputs-page');
  const record = view.locator('form', { has: page.getByRole('heading', { name: 'Ghi số liệu mới' }) });
  await waitShown(record, 'the record form');
  await record.getByLabel('Loại sản phẩm').selectOption('banners');
  assert.is(await record.getByLabel('Từ ngày').inputValue(), '01/01/2022');
  assert.is(await record.getByLabel('Đến ngày').inputValue(), '30/06/2022');
  await record.getByLabel('Số lượng').fill('35');
  await record.getByLabel('Ghi chú').fill('Băng rôn chào mừng Đại hội');
  await record.getByRole('button', { name: 'Ghi số liệu' }).click();
  await record.getByText('Đã ghi.').waitFor();
  const row = view.locator('[data-table=outputs] tbody tr', { hasText: 'Băng rôn chào mừng Đại hội' });
  await row.waitFor();
  assert.match(await row.innerText(), '35');
  assert.is(await banners(), before + 35);

  await page.goto(`${rig.url}/console/reports?${HALF}`);
  const cell = page.locator('pc-report-page [data-table=output] [data-kind=banners] [data-actual]');
  await waitShown(cell, 'the output section');
  assert.is(await cell.innerText(), String(before + 35));

  await page.goto(`${rig.url}/console/reports/outputs?${HALF}`);
  await row.getByRole('button', { name: /^Sửa số liệu/ }).click();
  const edit = view.locator('form', { has: page.getByRole('heading', { name: /^Sửa số liệu/ }) });
  await edit.getByLabel('Số lượng').fill('40');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await waitShown(row.locator('td', { hasText: /^40$/ }), 'the corrected count');
  assert.is(await banners(), before + 40);
  await page.close();
});

test('the report in English: the sentences, headings and downloads in the reader’s language', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, STAFF, PASSWORD, `/reports?${HALF}`);
  const view = page.locator('pc-report-page');
  await waitShown(view.locator('[data-sentence=training]'), 'the sentence');
  await page.getByRole('button', { name: 'English' }).click();
  await waitShown(view.getByRole('heading', { name: 'Reports', level: 1 }), 'the English heading');
  assert.match(
    await view.locator('[data-sentence=training]').innerText(),
    /^In the first half of 2022, the political center of Huyện Chợ Đồn opened 4 training classes for 211 trainees/,
  );
  assert.ok(await view.getByRole('button', { name: 'Download Excel' }).isVisible());
  assert.ok(await view.getByRole('heading', { name: 'Propaganda output' }).isVisible());
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.close();
});

test('a period typed wrong is refused under its field; the print view downloads with the sentence in it', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, STAFF, PASSWORD, `/reports?${HALF}`);
  const view = page.locator('pc-report-page');
  await waitShown(view.locator('[data-sentence=training]'), 'the sentence');
  await view.getByLabel('Năm', { exact: true }).fill('20x2');
  await view.getByRole('button', { name: 'Xem báo cáo' }).click();
  await waitShown(view.locator('#p-year-error'), 'the year refused');
  assert.is(await view.locator('#p-year-error').innerText(), 'Hãy nhập năm gồm 4 chữ số, ví dụ 2022.');
  assert.match(page.url(), 'from=2022-01-01&to=2022-06-30', 'the report shown is still the one asked for');
  await view.getByLabel('Kỳ báo cáo', { exact: true }).selectOption('range');
  await view.getByLabel('Từ ngày').fill('01/03/2022');
  await view.getByLabel('Đến ngày').fill('15/02/2022');
  await view.getByRole('button', { name: 'Xem báo cáo' }).click();
  await waitShown(view.locator('#p-to-error', { hasText: 'Ngày cuối phải sau ngày đầu.' }), 'the range refused');
  await view.getByLabel('Đến ngày').fill('15/05/2022');
  await view.getByRole('button', { name: 'Xem báo cáo' }).click();
  await waitShown(
    view.locator('[data-sentence=training]', { hasText: 'Từ ngày 01/03/2022 đến ngày 15/05/2022' }),
    'the range',
  );

  await page.goto(`${rig.url}/console/reports?${HALF}`);
  await waitShown(view.locator('[data-sentence=training]'), 'the sentence');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Tải bản in (A4)' }).click(),
  ]);
  assert.is(file.suggestedFilename(), 'bao-cao-064-2022-01-01-2022-06-30.html');
  const printed = await readFile((await file.path()) as string, 'utf8');
  assert.match(printed, 'Trung tâm Chính trị huyện Chợ Đồn đã mở 04 lớp đào tạo, bồi dưỡng cho 211 học viên');
  // JSON and CSV: the same report, read back.
  const saved = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile((await download.path()) as string, 'utf8') };
  };
  const json = await saved('Tải JSON');
  assert.is(json.name, 'bao-cao-064-2022-01-01-2022-06-30.json');
  const parsed = JSON.parse(json.text) as { training: { trainees: { actual: number } } };
  assert.is(parsed.training.trainees.actual, 211);
  const csv = await saved('Tải CSV');
  assert.is(csv.name, 'bao-cao-064-2022-01-01-2022-06-30.csv');
  assert.ok(csv.text.startsWith('\ufeff'), 'a BOM, for Excel');
  assert.match(csv.text, '04 lớp đào tạo, bồi dưỡng cho 211 học viên');
  await page.close();
});

test('a unit coordinator reads the report, plan and output of the commune without any form to change them', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, COORDINATOR);
  for (const name of ['Báo cáo', 'Chỉ tiêu kế hoạch năm', 'Sản phẩm tuyên truyền']) {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).first().waitFor();
  }
  await page.goto(`${rig.url}/console/reports?from=2022-01-01&to=2022-06-30`);
  await waitShown(
    page.locator('pc-report-page [data-sentence=training]', { hasText: 'Đảng ủy xã Chợ Đồn' }),
    'the commune’s report',
  );
  for (const [path, tag] of [
    ['/reports/plan?year=2022', 'pc-plan-page'],
    ['/reports/outputs?from=2022-01-01&to=2022-06-30', 'pc-outputs-page'],
  ] as const) {
    await page.goto(`${rig.url}/console${path}`);
    await waitShown(page.locator(`${tag} p.muted`, { hasText: 'mới' }), `the read-only note on ${path}`);
    assert.is(await page.locator(`${tag} form`).count(), 1, 'the chooser only');
    assert.is(await page.locator(`${tag} [role=alert]`).count(), 0);
    assert.is(await page.locator(`${tag} button`, { hasText: 'Sửa' }).count(), 0);
  }
  await page.close();
});

test('an administrator reads every unit at once, and picks one unit for a plan', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, PASSWORD, '/reports?from=2022-01-01&to=2022-06-30');
  const title = page.locator('pc-report-page [data-report-title]');
  await waitShown(title, 'the report of every unit');
  assert.is(await title.innerText(), 'Báo cáo 06 tháng đầu năm 2022 — mọi đơn vị');
  assert.is(await page.locator('pc-report-page #r-unitId').inputValue(), '');
  await page.goto(`${rig.url}/console/reports/plan?year=2022&unitId=${district}`);
  await waitShown(page.locator('pc-plan-page [data-table=targets]'), 'the district’s plan');
  assert.is(await page.locator('pc-plan-page #r-unitId option[value=""]').count(), 0, 'no “every unit” for a plan');
  await page.close();
});

test('a lecturer, whom the reports API refuses, is told so on each page and finds no menu entry', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, LECTURER);
  assert.is(await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo', exact: true }).count(), 0);
  for (const path of ['/reports', '/reports/plan', '/reports/outputs']) {
    await page.goto(`${rig.url}/console${path}`);
    await waitShown(page.locator('[data-refused]'), `the refusal on ${path}`);
    assert.match(await page.locator('[data-refused]').innerText(), 'không có vai trò này');
  }
  await page.close();
});

for (const [path, ready] of [
  [`/reports?${HALF}`, '[data-section=output]'],
  [`/reports/plan?year=2022&unitId=${district}`, '[data-table=targets]'],
  [`/reports/outputs?${HALF}`, '[data-table=outputs]'],
] as const) {
  test(`${path.split('?')[0]}: no serious or critical accessibility violation, nothing wider than 360 px`, async () => {
    const page = await rig.page(360);
    await signIn(page, rig.url, STAFF, PASSWORD, path);
    await waitShown(page.locator(ready), 'the page with its data');
    assert.equal(await accessibilityViolations(page), []);
    assert.not.ok(await overflowsSideways(page), 'nothing wider than 360 px');
    await page.close();
  });
}

test.run();
