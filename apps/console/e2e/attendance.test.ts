import { SYSTEM_ACTOR } from '@polcenter/core';
import { fixtureClass, fixtureEnrolments, fixturePeople, fixtureProgram, unitIdByCode } from '@polcenter/core/testing';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accessibilityViolations, overflowsSideways, signIn, startConsole } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

const orm = rig.polcenter.orm;
const chodon = await unitIdByCode(orm, 'TN-CHODON');
const program = await fixtureProgram(orm, 'CNKT');
const days = ['2026-03-09', '2026-03-10', '2026-03-11'];
/** A running class of 50 trainees of Chợ Đồn, three sessions. */
const cls = await fixtureClass(orm, {
  programId: program.id,
  unitId: chodon,
  capacity: 50,
  status: 'running',
  sessions: days.map((date) => ({ date, start: '07:30', end: '11:30', periods: 4 })),
});
const enrolments = await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 50), 'approved');
const [first, second, third] = cls.sessionIds as [string, string, string];
const sheetPath = (sessionId: string) => `/classes/${cls.id}/attendance/${sessionId}`;

const marksOf = async (sessionId: string) =>
  new Map(
    (
      await rig.sql<{ enrolment_id: string; mark: string }>(
        'SELECT enrolment_id, mark FROM attendance WHERE session_id = ?',
        [sessionId],
      )
    ).map((r) => [r.enrolment_id, r.mark]),
  );

async function openSheet(page: Page, sessionId: string): Promise<void> {
  await signIn(page, rig.url, rig.users.staff, undefined, sheetPath(sessionId));
  await page.locator('pc-attendance-page tbody tr').nth(49).waitFor();
}

/** Where the keyboard's focus is: the row of the focused mark. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return Number((el?.closest('tr') as HTMLElement | null)?.dataset.row ?? -1);
  });

test('50 trainees marked by keyboard alone: one key a mark, on to the next; arrows go back; all saved', async () => {
  const page = await rig.page();
  await openSheet(page, first);
  const rows = page.locator('pc-attendance-page tbody tr');
  assert.is(await rows.count(), 50);
  // Into the sheet by Tab, as a keyboard user gets there.
  for (let i = 0; i < 40 && (await focusedRow(page)) !== 0; i++) await page.keyboard.press('Tab');
  assert.is(await focusedRow(page), 0, 'Tab reaches the first trainee');
  const keys = Array.from({ length: 50 }, (_, i) => (i % 10 === 3 ? 'P' : i % 10 === 7 ? 'k' : 'c'));
  for (const key of keys) await page.keyboard.press(key);
  assert.is(await focusedRow(page), 49, 'the last key left the focus on the last trainee');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.is(await focusedRow(page), 47);
  await page.keyboard.press('p'); // 47 was "k": corrected
  await page.getByText('Mọi dấu đã được lưu.').waitFor({ timeout: 30_000 });
  assert.match((await page.locator('pc-attendance-page .overall').textContent()) ?? '', 'Đã điểm danh 50/50');
  const saved = await marksOf(first);
  const expected = keys.map((k, i) =>
    i === 47 ? 'excused' : { c: 'present', p: 'excused', k: 'absent' }[k.toLowerCase()],
  );
  assert.equal(
    enrolments.map((id) => saved.get(id)),
    expected,
  );
  assert.is(await rows.filter({ hasText: 'Đã lưu' }).count(), 50, 'every row says it is saved');
  // A reload shows what the server holds.
  await page.reload();
  await rows.nth(49).waitFor();
  assert.ok(await rows.nth(3).locator('input[value=excused]').isChecked());
  await page.close();
});

test('a mark whose answer is lost on the way is sent again with the same key and recorded once', async () => {
  const page = await rig.page();
  await openSheet(page, second);
  const keys: string[] = [];
  let dropped = 0;
  await page.route('**/trpc/attendance.recordMark**', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (dropped++ === 0) {
      // The server records the mark, but its answer never reaches the browser.
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  const row = page.locator('pc-attendance-page tbody tr').first();
  await row.locator('input[value=absent]').focus();
  await page.keyboard.press('k');
  await page.getByText('Mọi dấu đã được lưu.').waitFor({ timeout: 30_000 });
  assert.ok(keys.length >= 2, 'sent again after the lost answer');
  assert.ok(
    keys.every((k) => k && k === keys[0]),
    `one Idempotency-Key for every try: ${keys.join(', ')}`,
  );
  assert.is((await marksOf(second)).get(enrolments[0] as string), 'absent');
  const audited = await rig.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'attendance.record' AND entity_id = ?",
    [second],
  );
  assert.is(audited[0]?.n, 1, 'recorded once, not twice');
  await page.close();
});

test('offline: marks wait, visibly not saved, survive a reload, and are saved when the network is back', async () => {
  const page = await rig.page();
  await openSheet(page, third);
  const rows = page.locator('pc-attendance-page tbody tr');
  await rig.browser.context.setOffline(true);
  await rows.nth(0).locator('input').first().focus();
  await page.keyboard.press('c');
  await page.keyboard.press('p');
  await page.locator('pc-attendance-page tr[data-state=waiting]').nth(1).waitFor({ timeout: 15_000 });
  assert.match((await rows.nth(0).textContent()) ?? '', 'Chưa lưu');
  assert.match((await page.locator('pc-attendance-page .overall').textContent()) ?? '', '2 dấu chưa lưu');
  assert.is((await marksOf(third)).size, 0, 'nothing reached the server');
  // The tab is closed while offline; the marks are kept in the browser.
  await page.close();
  await rig.browser.context.setOffline(false);
  const again = await rig.page();
  await signIn(again, rig.url, rig.users.staff, undefined, sheetPath(third));
  await again.getByText('Mọi dấu đã được lưu.').waitFor({ timeout: 30_000 });
  const saved = await marksOf(third);
  assert.is(saved.get(enrolments[0] as string), 'present');
  assert.is(saved.get(enrolments[1] as string), 'excused');

  // Offline again on an open sheet: the mark goes out when the browser is back online.
  await rig.browser.context.setOffline(true);
  await again.locator('pc-attendance-page tbody tr').nth(2).locator('input').first().focus();
  await again.keyboard.press('k');
  await again.locator('pc-attendance-page tr[data-state=waiting]').waitFor({ timeout: 15_000 });
  await rig.browser.context.setOffline(false);
  await again.getByText('Mọi dấu đã được lưu.').waitFor({ timeout: 30_000 });
  assert.is((await marksOf(third)).get(enrolments[2] as string), 'absent');
  await again.close();
});

test('the sheet and the session list: no serious or critical accessibility violation, usable at 360 px', async () => {
  for (const path of [sheetPath(first), `/classes/${cls.id}/attendance`]) {
    const page = await rig.page(360);
    await signIn(page, rig.url, rig.users.staff, undefined, path);
    await page.getByRole('heading', { name: /Điểm danh/, level: 1 }).waitFor();
    await page.locator('pc-attendance-page :is(tbody tr, li)').first().waitFor();
    assert.equal(await accessibilityViolations(page), [], path);
    assert.not.ok(await overflowsSideways(page), `${path}: nothing wider than 360 px`);
    await page.close();
  }
});

test('a unit coordinator of a commune is refused the sheet by the API, and the page says so', async () => {
  const commune = await unitIdByCode(orm, '02035'); // Xã Bản Thi: a commune, not the organiser
  await rig.polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'dieuphoi.xa',
    displayName: 'Lục Văn Xã',
    password: 'mat-khau-trung-tam-2026',
    roles: [{ role: 'unit_coordinator', unitId: commune }],
  });
  const page = await rig.page();
  await signIn(page, rig.url, 'dieuphoi.xa', undefined, sheetPath(first));
  await page.locator('pc-attendance-page [role=alert]').first().waitFor();
  assert.is(await page.locator('pc-attendance-page tbody tr').count(), 0);
  await page.close();
});

test.run();
