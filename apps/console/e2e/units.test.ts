import { SYSTEM_ACTOR } from '@polcenter/core';
import { foldDiacritics as fold } from '@polcenter/domain';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, PASSWORD, signIn, startConsole, waitShown } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const idOf = async (code: string) =>
  (await rig.sql<{ id: string }>('SELECT id FROM unit WHERE code = ?', [code]))[0]?.id as string;

async function accessible(page: Page, what: string): Promise<void> {
  assert.equal(await accessibilityViolations(page), [], `${what}: axe`);
  await page.setViewportSize({ width: 360, height: 800 });
  assert.not.ok(await overflowsSideways(page), `${what}: sideways at 360 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A tRPC query from the page, with its session cookie: what the console's people page would ask. */
function askFromPage(page: Page, path: string, input: unknown) {
  return page.evaluate(
    async ([p, i]) => {
      const answer = await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`);
      return { status: answer.status, body: await answer.json() };
    },
    [path, input] as const,
  );
}

test('the tree at a date: Chợ Đồn and its communes in 2022, Thái Nguyên after the reform', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị', exact: true }).click();
  await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
  await page.locator('li[data-code="19"]').waitFor();
  assert.not.ok(await page.locator('li[data-code="064"]').isVisible());
  await page.getByLabel('Cây đơn vị tại ngày').fill('2022-06-01');
  await page.getByRole('button', { name: 'Xem' }).click();
  await page.locator('li[data-code="064"]').waitFor();
  assert.match(page.url(), /\?at=2022-06-01$/);
  assert.match((await page.getByRole('status').first().textContent()) ?? '', /01\/06\/2022/);
  // The villages of a 2022 commune are folded under it.
  const phuongVien = page.locator('li[data-code="02050"]');
  await phuongVien.locator('summary').click();
  assert.ok(await phuongVien.locator('li').first().isVisible());
  await accessible(page, 'units tree');
  // Reload keeps the date (it is in the address).
  await page.reload();
  await page.locator('li[data-code="064"]').waitFor();
});

test('merging two communes in the console: the coordinator of the new commune finds a person of an old one', async () => {
  const [person] = await rig.sql<{ id: string; full_name: string }>(
    `SELECT p.id, p.full_name FROM person p JOIN unit u ON u.id = p.unit_id
      WHERE u.code = '02059' ORDER BY p.full_name LIMIT 1`,
  );
  assert.ok(person, 'a person of Đồng Thắng (2022), carried on by xã Bạch Thông in 2025');
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin, PASSWORD, `/units/${await idOf('TN-BACHTHONG')}`);
  await page.getByRole('heading', { name: 'Xã Bạch Thông', level: 1 }).waitFor();
  // Its predecessor is named, with the decision.
  await page.locator('tr[data-link="predecessor"]').first().waitFor();
  assert.match((await page.locator('tr[data-link="predecessor"]').first().textContent()) ?? '', /Đồng Thắng/);
  await accessible(page, 'unit page');

  await page.getByRole('button', { name: 'Sáp nhập' }).click();
  await page.getByLabel('Xã Nghĩa Tá (TN-NGHIATA)').check();
  await page.getByLabel('Mã đơn vị mới').fill('TN-BTNT');
  await page.getByLabel('Tên đơn vị mới').fill('Xã Bạch Thông Nghĩa Tá');
  await page.getByLabel('Có hiệu lực từ ngày').fill('2026-12-01');
  await page.getByLabel('Căn cứ (nghị quyết, quyết định)').fill('Nghị quyết thử nghiệm 1/2026');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(
    (await dialog.textContent()) ?? '',
    /Sáp nhập Xã Bạch Thông, Xã Nghĩa Tá thành Xã Bạch Thông Nghĩa Tá \(TN-BTNT\) từ ngày 01\/12\/2026/,
  );
  await accessible(page, 'merge confirmation');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: 'Xã Bạch Thông Nghĩa Tá', level: 1 }).waitFor();
  assert.match(page.url(), new RegExp(`/console/units/${await idOf('TN-BTNT')}$`));
  const predecessors = page.locator('tr[data-link="predecessor"]');
  await predecessors.nth(1).waitFor();
  assert.is(await predecessors.count(), 2);
  assert.match((await predecessors.first().textContent()) ?? '', /Sáp nhập/);
  assert.match((await page.locator('div.table-wrap[aria-labelledby="history-h"]').textContent()) ?? '', /Tạo đơn vị/);
  const [closed] = await rig.sql<{ valid_to: string }>(
    "SELECT to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM unit WHERE code = 'TN-NGHIATA'",
  );
  assert.is(closed?.valid_to, '2026-11-30');

  // The new commune's coordinator, signed in, finds the person of Đồng Thắng through the API.
  await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'canbo.btnt',
    displayName: 'Cán bộ xã Bạch Thông Nghĩa Tá',
    password: PASSWORD,
    roles: [{ role: 'unit_coordinator', unitId: await idOf('TN-BTNT') }],
  });
  const coordinator = await rig.page();
  await signIn(coordinator, rig.url, 'canbo.btnt');
  const found = await askFromPage(coordinator, 'people.search', { query: person?.full_name });
  assert.is(found.status, 200, JSON.stringify(found.body));
  assert.ok(
    (found.body.result.data.items as { id: string }[]).some((p) => p.id === person?.id),
    'the coordinator of the merged commune finds a person of its predecessor',
  );
  assert.is((await askFromPage(coordinator, 'people.get', { id: person?.id })).status, 200);
  // …and on the console's people page, searched without diacritics.
  await coordinator.goto(`${rig.url}/console/people`);
  await coordinator.getByLabel('Tìm theo họ tên (không cần dấu)').fill(fold(person?.full_name ?? ''));
  await coordinator.getByRole('button', { name: 'Tìm', exact: true }).click();
  await coordinator
    .getByRole('link', { name: person?.full_name ?? '', exact: true })
    .first()
    .waitFor();
});

test('a change the unit cannot take is refused on the page with the reason, in Vietnamese', async () => {
  const page = await rig.page();
  // Xã Chợ Đồn organises the demo's classes and the staff's account holds a role for it.
  await signIn(page, rig.url, rig.users.admin, PASSWORD, `/units/${await idOf('TN-CHODON')}`);
  await page.getByRole('heading', { name: 'Xã Chợ Đồn', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Chấm dứt hiệu lực' }).click();
  await page.getByLabel('Ngày cuối cùng còn hiệu lực').fill('2026-12-31');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(
    (await alert.textContent()) ?? '',
    /Chưa thể kết thúc đơn vị: Xã Chợ Đồn còn \d+ lớp chưa kết thúc, 1 tài khoản/,
  );
  const [open] = await rig.sql<{ valid_to: string | null }>("SELECT valid_to FROM unit WHERE code = 'TN-CHODON'");
  assert.is(open?.valid_to, null);

  // Moving the province under one of its own communes would loop: refused under the field.
  await page.goto(`${rig.url}/console/units/${await idOf('19')}`);
  await page.getByRole('heading', { name: 'Tỉnh Thái Nguyên', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Chuyển đơn vị cấp trên' }).click();
  await page.getByLabel('Đơn vị cấp trên mới').selectOption({ label: 'Xã Chợ Đồn (Xã, thị trấn, TN-CHODON)' });
  await page.getByLabel('Có hiệu lực từ ngày').fill('2027-01-01');
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Không thể đặt đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.').waitFor();
  assert.match((await page.getByRole('alert').textContent()) ?? '', /vòng/);
});

test('reference data: an administrator renames an ethnic group and adds a unit level; staff see no such page', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Danh mục dùng chung', exact: true }).click();
  await page.getByRole('heading', { name: 'Danh mục dùng chung', level: 1 }).waitFor();
  await page.locator('form[data-code="province"]').waitFor();
  await accessible(page, 'reference data');

  await page.getByRole('button', { name: 'Dân tộc' }).click();
  const tay = page.locator('form[data-code="tay"]');
  await tay.getByLabel('Tên tiếng Việt').fill('Tày (Thổ)');
  await tay.getByRole('button', { name: 'Lưu' }).click();
  await tay.getByText('Đã lưu.').waitFor();
  const [row] = await rig.sql<{ name_vi: string; version: number }>(
    "SELECT name_vi, version FROM reference_value WHERE list = 'ethnicity' AND code = 'tay'",
  );
  assert.equal(row, { name_vi: 'Tày (Thổ)', version: 2 });
  assert.not.ok(await page.locator('form[data-code="+"]').isVisible(), 'a fixed list takes no new entry');
  // From then on the console names the code as the administrator did: a Tày person's record says so.
  const [tayPerson] = await rig.sql<{ id: string }>(
    "SELECT id FROM person WHERE ethnicity = 'tay' ORDER BY id LIMIT 1",
  );
  await page.goto(`${rig.url}/console/people/${tayPerson?.id}`);
  await waitShown(
    page.locator('pc-person-page dd', { hasText: 'Tày (Thổ)' }),
    "the person's ethnic group by its new name",
  );
  await page.goto(`${rig.url}/console/reference`);
  await page.locator('form[data-code="province"]').waitFor();

  await page.getByRole('button', { name: 'Cấp đơn vị' }).click();
  const add = page.locator('form[data-code="+"]');
  await add.getByLabel('Mã').fill('Cụm');
  await add.getByLabel('Thứ tự').fill('50');
  await add.getByLabel('Tên tiếng Việt').fill('Cụm dân cư');
  await add.getByLabel('Tên tiếng Anh').fill('Hamlet group');
  await add.getByRole('button', { name: 'Thêm' }).click();
  await add.getByText('Mã chỉ gồm chữ thường không dấu').waitFor();
  await add.getByLabel('Mã').fill('cum');
  await add.getByRole('button', { name: 'Thêm' }).click();
  await page.locator('form[data-code="cum"]').waitFor();
  await accessible(page, 'reference data after a refusal and an addition');

  const staff = await rig.page();
  await signIn(staff, rig.url, rig.users.staff);
  assert.not.ok(
    await staff.getByRole('navigation').getByRole('link', { name: 'Danh mục dùng chung', exact: true }).isVisible(),
  );
  assert.ok(await staff.getByRole('navigation').getByRole('link', { name: 'Đơn vị', exact: true }).isVisible());
});

test.run();
