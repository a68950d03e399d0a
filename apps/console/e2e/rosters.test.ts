import { SYSTEM_ACTOR } from '@polcenter/core';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

/**
 * The rapporteurs' side of the console: rosters by level and term, the roster at a date and the
 * decisions that made it, decisions entered with their number, date and signer, corrections, a
 * member's page, obligations and who falls short — as the district's propaganda department uses
 * them, and read-only for the district's center staff.
 */
const rig = await startConsole();
test.after(() => rig.stop());

const [district] = await rig.sql<{ id: string }>("SELECT id FROM unit WHERE code = '064'");
const districtId = district?.id as string;
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'tuyengiao.chodon',
  displayName: 'Ma Văn Tuyên',
  password: 'mat-khau-trung-tam-2026',
  roles: [{ role: 'propaganda_staff', unitId: districtId }],
});
await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'trungtam.huyen',
  displayName: 'Lục Thị Hằng',
  password: 'mat-khau-trung-tam-2026',
  roles: [{ role: 'center_staff', unitId: districtId }],
});
const PROPAGANDA = 'tuyengiao.chodon';
const CENTER = 'trungtam.huyen';
// Two new rapporteurs, of a family name no one else in the demo has.
for (const [fullName, gender] of [
  ['Khổng Thị Ngân', 'female'],
  ['Khổng Văn Đạt', 'male'],
] as const) {
  await rig.polcenter.people.create(SYSTEM_ACTOR, {
    fullName,
    birthDate: '1985-03-02',
    gender,
    ethnicity: 'tay',
    unitId: districtId,
    position: 'Chuyên viên Ban Tuyên giáo',
  });
}
const [roster] = await rig.sql<{ id: string }>("SELECT id FROM roster WHERE name = 'Báo cáo viên Huyện ủy Chợ Đồn'");
const rosterId = roster?.id as string;
const NEWCOMERS = ['Khổng Thị Ngân', 'Khổng Văn Đạt'];

const membersShown = (page: Page) =>
  page.locator('pc-roster-page table.members tbody tr td:first-child').allInnerTexts();

/** Shows the roster at `typed` (dd/mm/yyyy) and waits for its heading to name that day. */
async function rosterOn(page: Page, typed: string): Promise<string[]> {
  const view = page.locator('pc-roster-page');
  await view.getByLabel('Danh sách tại ngày').fill(typed);
  await view.getByRole('button', { name: 'Xem', exact: true }).click();
  await view.getByRole('heading', { name: new RegExp(`Thành viên ngày ${typed}`) }).waitFor();
  return membersShown(page);
}

test('a decision adds two rapporteurs: the roster the day before and the day after differ by them, and the portal shows them', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, PROPAGANDA);
  await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo viên', exact: true }).click();
  const list = page.locator('pc-rosters-page');
  await list.getByRole('heading', { name: 'Danh sách báo cáo viên', level: 1 }).waitFor();
  await list.getByLabel('Cấp').selectOption({ label: 'Báo cáo viên cấp huyện' });
  await list.getByLabel('Nhiệm kỳ').selectOption('2020–2025');
  assert.match(page.url(), /level=district&term=2020/);
  assert.is(await list.locator('tbody tr').count(), 1, 'one district roster for 2020–2025');
  await list.getByRole('link', { name: 'Báo cáo viên Huyện ủy Chợ Đồn' }).click();
  const view = page.locator('pc-roster-page');
  await view.getByRole('heading', { name: 'Báo cáo viên Huyện ủy Chợ Đồn', level: 1 }).waitFor();
  // The history: the establishing decision first, the annulled mistake of 2022 marked.
  await view.locator('table.decisions tbody tr').first().waitFor();
  assert.match((await view.locator('table.decisions tbody tr').first().textContent()) ?? '', /Thành lập/);
  assert.match(
    (await view.locator('tr[data-decision="301-QĐ/HU"]').textContent()) ?? '',
    /Đã bị hủy bởi quyết định 315-QĐ\/HU/,
  );

  await view.getByRole('link', { name: 'Nhập quyết định' }).click();
  const form = page.locator('pc-decision-form-page');
  await form.getByRole('heading', { name: 'Nhập quyết định', level: 1 }).waitFor();
  // Sent with a date that does not exist and nobody on it: each refusal under its field, in Vietnamese.
  await form.getByLabel('Số quyết định').fill('401-QĐ/HU');
  await form.getByLabel('Ngày hiệu lực').fill('31/09/2022');
  await form.getByLabel('Người ký').fill('Bí thư Huyện ủy');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await form.locator('#f-date-error').waitFor();
  assert.match((await form.locator('#f-date-error').textContent()) ?? '', /ngày/i);
  assert.is(await form.getByLabel('Ngày hiệu lực').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Ngày hiệu lực').fill('01/10/2022');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await form.getByText('Cần ít nhất một người.').waitFor();
  assert.is(await form.locator('#f-date-error').count(), 0);
  // The same refusal in English, after a language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await form.getByText('List at least one person.').waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // People found without diacritics, each picked with their fields of expertise.
  await form.getByLabel('Tìm người theo tên (không cần dấu)').fill('khong');
  await form.getByRole('button', { name: 'Tìm', exact: true }).click();
  for (const name of NEWCOMERS) await form.getByRole('button', { name: `Chọn ${name}` }).click();
  assert.equal(await form.locator('fieldset[data-line] > legend').allInnerTexts(), [
    'Khổng Thị Ngân · Huyện Chợ Đồn',
    'Khổng Văn Đạt · Huyện Chợ Đồn',
  ]);
  // Without fields: refused under the person's fields.
  await form.getByLabel('Ngày hiệu lực').fill('01/10/2022');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await form.locator('#f-items-0-fields-error').waitFor();
  assert.is((await form.locator('#f-items-0-fields-error').textContent()) ?? '', 'Cần ít nhất một lĩnh vực.');
  await form.getByRole('group', { name: 'Lĩnh vực của Khổng Thị Ngân' }).getByLabel('Kinh tế').check();
  await form.getByRole('group', { name: 'Lĩnh vực của Khổng Văn Đạt' }).getByLabel('Pháp luật').check();
  await form.getByLabel('Chức vụ của Khổng Văn Đạt').fill('Phó Trưởng Ban Tuyên giáo');
  assert.equal(await accessibilityViolations(page), [], 'the decision form with two people');
  await form.getByRole('button', { name: 'Ghi quyết định' }).dblclick();

  await view.getByText('Đã ghi quyết định.').waitFor();
  assert.match(page.url(), /\/rosters\/[0-9a-f-]+\?date=2022-10-01&saved=decision$/);
  const decisions = await rig.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM roster_decision WHERE number = '401-QĐ/HU'",
  );
  assert.is(decisions[0]?.n, 1, 'recorded once despite a double click');
  const after = await rosterOn(page, '02/10/2022');
  const before = await rosterOn(page, '30/09/2022');
  assert.equal(after.filter((n) => !before.includes(n)).sort(), [...NEWCOMERS].sort());
  assert.equal(
    before.filter((n) => !after.includes(n)),
    [],
  );
  await rosterOn(page, '02/10/2022');
  const cells = await view.locator('table.members tr', { hasText: 'Khổng Văn Đạt' }).locator('td').allTextContents();
  assert.equal(cells.slice(2), ['Pháp luật', 'Phó Trưởng Ban Tuyên giáo', '01/10/2022', '401-QĐ/HU']);
  const [audit] = await rig.sql<{ actor_label: string }>(
    "SELECT actor_label FROM audit_log WHERE action = 'roster.decision.record' AND after->>'number' = '401-QĐ/HU'",
  );
  assert.is(audit?.actor_label, 'Ma Văn Tuyên');

  // The district portal's roster widget (as of 15/10/2022) lists them, with their fields.
  const portal = await rig.page();
  await portal.goto(`${rig.url}/`);
  const widget = portal.locator('pc-rapporteur-roster');
  await widget.locator('tbody tr', { hasText: 'Khổng Thị Ngân' }).waitFor();
  assert.match((await widget.locator('tbody tr', { hasText: 'Khổng Văn Đạt' }).textContent()) ?? '', /Pháp luật/);
  await portal.close();
  await page.close();
});

test('annulling the decision, removing a member: the roster follows, history stays', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, PROPAGANDA, undefined, `/rosters/${rosterId}`);
  const view = page.locator('pc-roster-page');
  await view.getByRole('link', { name: 'Hủy quyết định này 401-QĐ/HU' }).click();
  const form = page.locator('pc-decision-form-page');
  await form.getByLabel('Quyết định bị hủy').waitFor();
  assert.is(await form.getByLabel('Loại quyết định').inputValue(), 'annul');
  assert.match(
    (await form.getByLabel('Quyết định bị hủy').locator('option:checked').textContent()) ?? '',
    /^401-QĐ\/HU/,
  );
  await form.getByLabel('Số quyết định').fill('405-QĐ/HU');
  // An annulment dated before the decision it annuls: refused under the date.
  await form.getByLabel('Ngày hiệu lực').fill('20/09/2022');
  await form.getByLabel('Người ký').fill('Bí thư Huyện ủy');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await form.getByText('Quyết định hủy không thể có trước quyết định bị hủy.').first().waitFor();
  await form.getByLabel('Ngày hiệu lực').fill('05/10/2022');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await view.getByText('Đã ghi quyết định.').waitFor();
  assert.match(
    (await view.locator('tr[data-decision="401-QĐ/HU"]').textContent()) ?? '',
    /Đã bị hủy bởi quyết định 405-QĐ\/HU ngày 05\/10\/2022/,
  );
  // As known now, the annulled decision never applied.
  const members = await rosterOn(page, '02/10/2022');
  assert.ok(!members.some((n) => NEWCOMERS.includes(n)), members.join());

  // A member leaves: picked among the members, not typed.
  const leaving = members[0] as string;
  await view.getByRole('link', { name: 'Nhập quyết định' }).click();
  await form.getByLabel('Loại quyết định').selectOption({ label: 'Thôi tham gia' });
  await form.getByRole('button', { name: `Chọn ${leaving}` }).click();
  await form.getByLabel('Số quyết định').fill('410-QĐ/HU');
  await form.getByLabel('Ngày hiệu lực').fill('01/11/2022');
  await form.getByLabel('Người ký').fill('Bí thư Huyện ủy');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await view.getByText('Đã ghi quyết định.').waitFor();
  assert.ok((await rosterOn(page, '31/10/2022')).includes(leaving));
  assert.ok(!(await rosterOn(page, '01/11/2022')).includes(leaving));
  // The same number again is refused under the number.
  await view.getByRole('link', { name: 'Nhập quyết định' }).click();
  await form.getByLabel('Loại quyết định').selectOption({ label: 'Thôi tham gia' });
  await form.locator('ul.people button').first().click();
  await form.getByLabel('Số quyết định').fill('410-QĐ/HU');
  await form.getByLabel('Ngày hiệu lực').fill('01/12/2022');
  await form.getByLabel('Người ký').fill('Bí thư Huyện ủy');
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  await form.locator('#f-number-error', { hasText: 'Số đã được dùng.' }).waitFor();
  await page.close();
});

test('a roster’s own fields are corrected; a correction on a stale screen is refused with a way to reload', async () => {
  const first = await rig.page();
  const second = await rig.page();
  await signIn(first, rig.url, PROPAGANDA, undefined, '/rosters/new');
  const form = first.locator('pc-roster-form-page');
  await form.getByRole('heading', { name: 'Lập danh sách báo cáo viên', level: 1 }).waitFor();
  await form.getByLabel('Cấp').selectOption({ label: 'Báo cáo viên cấp huyện' });
  await form.getByLabel('Năm bắt đầu nhiệm kỳ').fill('2062');
  await form.getByLabel('Năm kết thúc nhiệm kỳ').fill('2030');
  await form.getByLabel('Tên danh sách (không bắt buộc)').fill('Báo cáo viên nhiệm kỳ mới');
  await form.getByRole('button', { name: 'Lập danh sách' }).click();
  await form.locator('#f-termEndYear-error', { hasText: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.' }).waitFor();
  // Mistyped 2062 goes in as typed (the end fixed only), then is corrected.
  await form.getByLabel('Năm kết thúc nhiệm kỳ').fill('2066');
  await form.getByRole('button', { name: 'Lập danh sách' }).click();
  const view = first.locator('pc-roster-page');
  await view.getByText('Đã lưu thông tin danh sách.').waitFor();
  const id = first.url().match(/rosters\/([0-9a-f-]+)/)?.[1] as string;
  await second.goto(`${rig.url}/console/rosters/${id}/edit`);
  const stale = second.locator('pc-roster-form-page');
  await stale.getByLabel('Năm bắt đầu nhiệm kỳ').waitFor();
  await view.getByRole('link', { name: 'Sửa thông tin danh sách' }).click();
  await form.getByLabel('Năm bắt đầu nhiệm kỳ').fill('2026');
  await form.getByLabel('Năm kết thúc nhiệm kỳ').fill('2030');
  await form.getByRole('button', { name: 'Lưu', exact: true }).click();
  await view.getByText('Đã lưu thông tin danh sách.').waitFor();
  assert.match((await view.locator('dl.facts').textContent()) ?? '', /2026–2030/);
  // The second tab still shows version 1: refused, not overwritten.
  await stale.getByLabel('Tên danh sách (không bắt buộc)').fill('Tên khác');
  await stale.getByRole('button', { name: 'Lưu', exact: true }).click();
  await stale.getByText(/đã được người khác sửa sau khi bạn mở/).waitFor();
  await stale.getByRole('button', { name: 'Tải lại thông tin mới nhất' }).click();
  await stale.getByLabel('Năm bắt đầu nhiệm kỳ').waitFor();
  assert.is(await stale.getByLabel('Năm bắt đầu nhiệm kỳ').inputValue(), '2026');
  const [row] = await rig.sql<{ term_start_year: number; version: number; name: string }>(
    'SELECT term_start_year, version, name FROM roster WHERE id = ?',
    [id],
  );
  assert.equal(row, { term_start_year: 2026, version: 2, name: 'Báo cáo viên nhiệm kỳ mới' });
  const [audit] = await rig.sql<{ before: { termStartYear: number }; after: { termStartYear: number } }>(
    "SELECT before, after FROM audit_log WHERE action = 'roster.update' AND entity_id = ?",
    [id],
  );
  assert.equal([audit?.before.termStartYear, audit?.after.termStartYear], [2062, 2026]);
  await first.close();
  await second.close();
});

test('obligations by level, who falls short in 2022, and a member’s page with their fields, briefings and standing', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, PROPAGANDA, undefined, '/obligations?year=2022');
  const view = page.locator('pc-obligations-page');
  await view.getByRole('heading', { name: /Người chưa đạt năm 2022/ }).waitFor();
  await view.locator('tr[data-code="BRIEFINGS-6"]').first().waitFor();
  const report = await rig.polcenter.obligations.shortfalls({ year: 2022, unitId: districtId });
  const rows = view.locator('table.shortfalls tbody tr');
  assert.is(await rows.count(), report.shortfalls.length);
  const top = report.shortfalls[0];
  assert.ok(top);
  const topCells = await rows.first().locator('td').allTextContents();
  assert.equal([topCells[0], topCells.at(-1)], [top.fullName, String(top.shortBy)]);
  // Counted up to a date typed dd/mm/yyyy: a shorter period, more people short.
  await view.getByLabel('Tính đến ngày (không bắt buộc)').fill('30/06/2022');
  await view.getByRole('button', { name: 'Xem', exact: true }).click();
  await view.getByRole('heading', { name: 'Người chưa đạt năm 2022 (tính đến 30/06/2022)' }).waitFor();
  const half = await rig.polcenter.obligations.shortfalls({ year: 2022, unitId: districtId, asOf: '2022-06-30' });
  await rows.nth(half.shortfalls.length - 1).waitFor();
  assert.is(await rows.count(), half.shortfalls.length);

  await rows.first().getByRole('link').click();
  const member = page.locator('pc-member-page');
  const first = half.shortfalls[0];
  await member.getByRole('heading', { name: first?.fullName, level: 1 }).waitFor();
  const record = await rig.polcenter.rosters.member({
    personId: first?.personId as string,
    date: '2026-01-01',
    year: 2022,
  });
  await member
    .getByRole('heading', { name: new RegExp(`Buổi tuyên truyền miệng năm 2022: ${record.briefings.length} buổi`) })
    .waitFor();
  assert.is(await member.locator('table.briefings tbody tr').count(), record.briefings.length);
  await member.locator('table.standing tbody tr').first().waitFor();
  const standing = await rig.polcenter.obligations.standing({ personId: first?.personId as string, year: 2022 });
  assert.is(await member.locator('table.standing tbody tr').count(), standing.lines.length);
  const short = standing.lines.find((l) => l.shortBy > 0);
  assert.ok(short);
  const shortCells = await member
    .locator(`table.standing tr[data-code="${short.code}"]`)
    .first()
    .locator('td')
    .allTextContents();
  assert.is(shortCells.at(-1), String(short.shortBy));
  assert.ok((await member.locator('table.decisions tbody tr').count()) >= 1, 'the decisions that named them');

  // A rule corrected (6 briefings a year became 8): the list is counted again by it.
  await page.goto(`${rig.url}/console/obligations?year=2022`);
  await view.getByRole('button', { name: 'Sửa BRIEFINGS-6' }).click();
  await view.getByRole('heading', { name: 'Sửa nghĩa vụ BRIEFINGS-6' }).waitFor();
  assert.is(await view.getByLabel('Số tối thiểu mỗi năm').inputValue(), '6');
  await view.getByLabel('Số tối thiểu mỗi năm').fill('8');
  await view.getByLabel('Hoặc tỷ lệ hội nghị (%)').fill('50');
  await view.getByRole('button', { name: 'Lưu', exact: true }).click();
  await view.locator('#f-minShare-error', { hasText: 'Tỷ lệ chỉ dùng cho dự hội nghị.' }).waitFor();
  await view.getByLabel('Hoặc tỷ lệ hội nghị (%)').fill('');
  await view.getByRole('button', { name: 'Lưu', exact: true }).click();
  await view.getByText('Đã lưu nghĩa vụ.').waitFor();
  const stricter = await rig.polcenter.obligations.shortfalls({ year: 2022, unitId: districtId });
  assert.ok(stricter.shortfalls.length > report.shortfalls.length);
  await view
    .locator('table.shortfalls tbody tr')
    .nth(stricter.shortfalls.length - 1)
    .waitFor();
  assert.is(await view.locator('table.shortfalls tbody tr').count(), stricter.shortfalls.length);
  assert.ok(stricter.shortfalls.filter((s) => s.code === 'BRIEFINGS-6').every((s) => s.required === 8));
  await page.close();
});

test('the district’s center staff read rosters and shortfalls, and are offered no change', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, CENTER, undefined, `/rosters/${rosterId}`);
  const view = page.locator('pc-roster-page');
  await view.locator('table.members tbody tr').first().waitFor();
  assert.is(await view.getByRole('link', { name: 'Nhập quyết định' }).count(), 0);
  assert.is(await view.getByRole('link', { name: /^Hủy quyết định này/ }).count(), 0);
  await page.goto(`${rig.url}/console/rosters`);
  await page.locator('pc-rosters-page tbody tr').first().waitFor();
  assert.is(await page.getByRole('link', { name: 'Lập danh sách mới' }).count(), 0);
  await page.goto(`${rig.url}/console/obligations?year=2022`);
  await page.locator('pc-obligations-page table.shortfalls').waitFor();
  assert.is(await page.getByRole('heading', { name: 'Thêm nghĩa vụ' }).count(), 0);
  await page.close();
});

test('every page of rosters and obligations: no serious or critical axe violation, nothing wider than 360 px', async () => {
  const [someone] = await rig.sql<{ person_id: string }>(
    `SELECT i.person_id FROM roster_decision_item i JOIN roster_decision d ON d.id = i.decision_id
      WHERE d.roster_id = ? LIMIT 1`,
    [rosterId],
  );
  const pages: [string, string][] = [
    ['/rosters', 'pc-rosters-page tbody tr'],
    [`/rosters/${rosterId}?date=2022-10-15`, 'pc-roster-page table.decisions'],
    ['/rosters/new', 'pc-roster-form-page select#f-ownerUnitId option'],
    [`/rosters/${rosterId}/edit`, 'pc-roster-form-page #f-termStartYear'],
    [`/rosters/${rosterId}/decisions/new`, 'pc-decision-form-page #f-query'],
    [`/rapporteurs/${someone?.person_id}?year=2022`, 'pc-member-page table.standing'],
    ['/obligations?year=2022', 'pc-obligations-page table.shortfalls'],
  ];
  for (const width of [undefined, 360]) {
    const page = await rig.page(width);
    await signIn(page, rig.url, PROPAGANDA);
    for (const [path, ready] of pages) {
      await page.goto(`${rig.url}/console${path}`);
      await page.locator(ready).first().waitFor({ state: 'attached' });
      assert.equal(await accessibilityViolations(page), [], `${path} at ${width ?? 'full'} width`);
      if (width) assert.not.ok(await overflowsSideways(page), `${path}: nothing wider than 360 px`);
    }
    await page.close();
  }
});

test.run();
