import { SYSTEM_ACTOR } from '@polcenter/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

/**
 * The department's other records in the console: public-opinion reports (sensitive ones kept from
 * everyone but the department, by the API), conferences with their sites' headcounts and named
 * attendance, and a contest run through its three rounds to published results.
 */
const rig = await startConsole();
test.after(() => rig.stop());

const one = async <T>(text: string, values: unknown[] = []) => (await rig.sql<T>(text, values))[0] as T;
const district = await one<{ id: string }>("SELECT id FROM unit WHERE code = '064'");
const village = await one<{ id: string }>("SELECT id FROM unit WHERE code = '02050-01'");
/** Since 01/07/2025 Phương Viên's villages are xã Chợ Đồn's (they moved with the merger). */
const choDon = await one<{ id: string }>("SELECT id FROM unit WHERE code = 'TN-CHODON'");
const people = await rig.sql<{ full_name: string }>(
  `SELECT DISTINCT p.full_name FROM briefing_person bp JOIN person p ON p.id = bp.person_id
    JOIN unit u ON u.id = p.unit_id WHERE u.code = '02050' ORDER BY p.full_name LIMIT 4`,
);
const names = people.map((p) => p.full_name);
const PASSWORD = 'mat-khau-tuyen-giao-2026';
for (const [username, role] of [
  ['tuyengiao.huyen', 'propaganda_staff'],
  ['trungtam.huyen', 'center_staff'],
] as const)
  await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
    username,
    displayName: username,
    password: PASSWORD,
    // They also work for the new commune, which the villages are under today.
    roles: [
      { role, unitId: district.id },
      { role, unitId: choDon.id },
    ],
  });

const plain = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

test('a sensitive opinion report: recorded by the department, out of the center staff’s list and refused by address', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, 'tuyengiao.huyen', PASSWORD, '/opinions/new');
  const form = page.locator('pc-opinion-page');
  await form.getByRole('heading', { name: 'Ghi báo cáo dư luận xã hội', level: 1 }).waitFor();
  await form.getByLabel('Ngày nắm bắt').fill('20/04/2024');
  await form.locator(`select[name=unitId] option[value="${village.id}"]`).waitFor({ state: 'attached' });
  await form.getByLabel('Đơn vị nơi có dư luận').selectOption(village.id);
  await form.getByLabel('Chủ đề').fill('Tranh chấp đất rừng giáp ranh');
  await form.getByLabel('Mức độ').selectOption('sensitive');
  // Sent without what people said: refused under that field, in Vietnamese.
  await form.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await form.locator('#f-summary-error').waitFor();
  await form.getByLabel('Nội dung dư luận (người dân nói gì)').fill('Hai thôn tranh chấp ranh giới đất rừng.');
  await form.getByLabel('Tìm người báo cáo theo tên (không cần dấu)').fill(plain(names[0] as string));
  await form.getByRole('button', { name: 'Tìm', exact: true }).click();
  await form
    .getByRole('button', { name: `Chọn ${names[0]}` })
    .first()
    .click();
  assert.equal(await accessibilityViolations(page), []);
  await form.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await form.getByRole('link', { name: 'Mở báo cáo' }).click();
  await form.getByRole('heading', { name: 'Tranh chấp đất rừng giáp ranh', level: 1 }).waitFor();
  const address = page.url();
  await form.getByLabel('Tình trạng').selectOption('forwarded');
  await form.getByRole('button', { name: 'Lưu tình trạng' }).click();
  await form.getByText('Đã lưu.').waitFor();
  assert.equal(await accessibilityViolations(page), []);
  await page.goto(`${rig.url}/console/opinions?from=2024-01-01&to=2024-12-31&search=dat+rung`);
  await page.locator('pc-opinions-page tr[data-sensitivity=sensitive]').waitFor();
  assert.equal(await accessibilityViolations(page), []);

  // The center staff of the same district: not in their list, and its address refused.
  await signIn(page, rig.url, 'trungtam.huyen', PASSWORD, '/opinions?from=2024-01-01&to=2024-12-31');
  await page.getByText('Đang hiển thị 0 báo cáo.').waitFor();
  await page.goto(address);
  await page.locator('pc-opinion-page [role=alert]').waitFor();
  assert.not.match(await page.locator('pc-opinion-page').innerText(), 'Hai thôn tranh chấp');
  await page.close();
});

test('a resolution-study conference: sites with headcounts, named attendance, counted in the report', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, 'tuyengiao.huyen', PASSWORD, '/conferences/new');
  const view = page.locator('pc-conference-page');
  await view.getByLabel('Ngày họp').fill('10/05/2024');
  await view.getByLabel('Tên hội nghị').fill('Hội nghị học tập, quán triệt Nghị quyết Trung ương 8');
  await view.locator(`select[name=ownerUnitId] option[value="${district.id}"]`).waitFor({ state: 'attached' });
  await view.getByLabel('Đơn vị tổ chức').selectOption(district.id);
  await view.getByLabel('Hình thức').selectOption('online');
  for (const [i, [name, count]] of [
    ['Hội trường Huyện ủy', '180'],
    ['Điểm cầu xã Phương Viên', '95'],
  ].entries()) {
    await view.getByRole('button', { name: 'Thêm điểm cầu' }).click();
    await view.getByLabel(`Tên điểm cầu ${i + 1}`).fill(name as string);
    await view.getByLabel(`Số người dự ở điểm cầu ${i + 1}`).fill(count as string);
  }
  assert.equal(await accessibilityViolations(page), []);
  await view.getByRole('button', { name: 'Tạo hội nghị' }).click();
  await view.getByRole('heading', { name: 'Hội nghị học tập, quán triệt Nghị quyết Trung ương 8', level: 1 }).waitFor();
  assert.is(await view.locator('[data-figure=headcount]').innerText(), '275');
  await view.getByLabel('Tìm người dự theo tên (không cần dấu)').fill(plain(names[1] as string));
  await view.getByRole('button', { name: 'Tìm', exact: true }).click();
  await view
    .getByRole('button', { name: `Chọn ${names[1]}` })
    .first()
    .click();
  await view.getByLabel(`Điểm cầu của ${names[1]}`).selectOption({ label: 'Điểm cầu xã Phương Viên' });
  await view.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await view.getByText('Đã lưu.').first().waitFor();
  const [stored] = await rig.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM conference_attendance a JOIN conference_site s ON s.id = a.site_id
      WHERE s.name = 'Điểm cầu xã Phương Viên' AND a.status = 'present'`,
  );
  assert.is(stored?.n, 1);
  assert.equal(await accessibilityViolations(page), []);
  await page.goto(`${rig.url}/console/conferences?from=2024-01-01&to=2024-12-31&search=nghi+quyet`);
  await page.locator('pc-conferences-page tbody tr').first().waitFor();
  assert.is(await page.locator('pc-conferences-page tbody tr').count(), 1);
  assert.equal(await accessibilityViolations(page), []);
  await page.goto(`${rig.url}/console/propaganda-report?from=2024-01-01&to=2024-12-31&unitId=${district.id}`);
  await page.locator('pc-propaganda-report-page [data-figure=attendees]').waitFor();
  // The headcount counts at each site; the one named attendee is within Phương Viên's 95.
  assert.is(await page.locator('pc-propaganda-report-page [data-figure=attendees]').innerText(), '275');
  await page.close();
});

test('a contest in three rounds: jury, entrants, scores, a tie explained in words, awards, published and closed', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, 'tuyengiao.huyen', PASSWORD, '/contests/new');
  const view = page.locator('pc-contest-page');
  await view.getByLabel('Tên hội thi').fill('Hội thi báo cáo viên giỏi năm 2024');
  await view.locator(`select[name=ownerUnitId] option[value="${district.id}"]`).waitFor({ state: 'attached' });
  await view.getByLabel('Đơn vị tổ chức', { exact: true }).selectOption(district.id);
  await view.getByLabel('Ngày thi').fill('22/08/2024');
  assert.equal(await accessibilityViolations(page), []);
  await view.getByRole('button', { name: 'Tạo hội thi' }).click();
  await view.getByRole('heading', { name: 'Hội thi báo cáo viên giỏi năm 2024', level: 1 }).waitFor();
  const contestId = page.url().split('/').at(-1) as string;

  for (const judge of [names[2], names[3]] as string[]) {
    await view.getByLabel('Tìm giám khảo theo tên (không cần dấu)').fill(plain(judge));
    await view.locator('#judge-query + button').click();
    await view
      .getByRole('button', { name: `Chọn ${judge}` })
      .first()
      .click();
    await view.locator('ul.picked li', { hasText: judge }).waitFor();
  }
  for (const entrant of [names[0], names[1]] as string[]) {
    await view.getByLabel('Tìm thí sinh theo tên (không cần dấu)').fill(plain(entrant));
    await view.locator('#entrant-query + button').click();
    await view
      .getByRole('button', { name: `Chọn ${entrant}` })
      .first()
      .click();
    await view.getByLabel('Chủ đề bài dự thi').fill('Nghị quyết Đại hội XIII của Đảng');
    await view.getByRole('button', { name: 'Thêm thí sinh' }).click();
    await view.locator('tr[data-entrant]', { hasText: entrant }).waitFor();
  }
  // Both judges give equal totals (18 + 40 + 25 and 17 + 42 + 24 = 83); the talk decides.
  const sheet: Record<string, [string, string, string]> = {
    [names[0] as string]: ['18', '40', '25'],
    [names[1] as string]: ['17', '42', '24'],
  };
  for (const judge of [names[2], names[3]] as string[]) {
    await view.getByLabel('Giám khảo chấm').selectOption({ label: judge });
    for (const [entrant, scores] of Object.entries(sheet))
      for (const [i, round] of ['Đề cương', 'Trình bày', 'Trả lời câu hỏi của Ban Giám khảo'].entries())
        await view.getByLabel(`Điểm ${round.toLowerCase()} của ${entrant}`, { exact: true }).fill(scores[i] as string);
    await view.getByRole('button', { name: 'Lưu điểm của giám khảo' }).click();
    await view.getByText('Đã lưu.').first().waitFor();
  }
  const second = view.locator('tr[data-entrant]', { hasText: names[0] as string });
  await second.getByText('thứ hạng xét theo điểm phần trình bày', { exact: false }).waitFor();
  const first = view.locator('tr[data-entrant]', { hasText: names[1] as string });
  assert.match(await first.innerText(), 'Giải Nhất');
  assert.match(await second.innerText(), 'Giải Nhì');
  assert.equal(await accessibilityViolations(page), []);

  await view.getByRole('button', { name: 'Công bố kết quả' }).click();
  await view.getByRole('dialog').getByRole('button', { name: 'Công bố', exact: true }).click();
  await view.getByText('Kết quả đã được công bố', { exact: false }).waitFor();
  assert.is(await view.getByRole('button', { name: 'Lưu điểm của giám khảo' }).count(), 0);
  assert.is(await view.getByRole('button', { name: 'Thêm thí sinh' }).count(), 0);
  const [awarded] = await rig.sql<{ award: string }>(
    'SELECT award FROM contest_entrant e JOIN person p ON p.id = e.person_id WHERE e.contest_id = ? AND p.full_name = ?',
    [contestId, names[1]],
  );
  assert.is(awarded?.award, 'first');
  assert.equal(await accessibilityViolations(page), []);
  await page.goto(`${rig.url}/console/contests?from=2024-01-01&to=2024-12-31&search=bao+cao+vien+gioi`);
  await page.locator('pc-contests-page tbody tr', { hasText: 'Đã công bố' }).waitFor();
  assert.equal(await accessibilityViolations(page), []);
  await page.close();
});

test('the record pages at 360 px: nothing scrolls sideways', async () => {
  const page = await rig.page(360);
  await signIn(page, rig.url, 'tuyengiao.huyen', PASSWORD);
  const [conference] = await rig.sql<{ id: string }>('SELECT id FROM conference ORDER BY date DESC LIMIT 1');
  const [contest] = await rig.sql<{ id: string }>('SELECT id FROM contest ORDER BY held_on DESC LIMIT 1');
  const [opinion] = await rig.sql<{ id: string }>('SELECT id FROM opinion_report ORDER BY date DESC LIMIT 1');
  for (const path of [
    '/opinions?from=2022-01-01&to=2022-12-31',
    '/opinions/new',
    `/opinions/${opinion?.id}`,
    '/conferences?from=2022-01-01&to=2022-12-31',
    '/conferences/new',
    `/conferences/${conference?.id}`,
    '/contests?from=2022-01-01&to=2024-12-31',
    '/contests/new',
    `/contests/${contest?.id}`,
  ]) {
    await page.goto(`${rig.url}/console${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    assert.is(await overflowsSideways(page), false, path);
  }
  await page.close();
});

test.run();
