import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PASSWORD, signIn, startConsole, waitUntil } from './testing.js';

const rig = await startConsole();
test.after(() => rig.stop());

test('staff sign in at /console, the session cookie is HttpOnly and SameSite=Strict (no script reads it), and sign out ends it', async () => {
  const page = await rig.page();
  await page.goto(`${rig.url}/console/`);
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

  // A wrong password is refused in words, on the page.
  await page.getByLabel('Tên đăng nhập').fill(rig.users.staff);
  await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
  // The refusal on screen follows a language switch, as the rest of the page does.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('alert').getByText('Wrong username or password.').waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();

  await signIn(page, rig.url, rig.users.staff);
  assert.ok(await page.getByText('Hoàng Thị Lan', { exact: true }).isVisible());

  const cookies = await rig.browser.context.cookies(`${rig.url}/trpc/`);
  const session = cookies.find((c) => c.name === 'pc_session');
  assert.ok(session, 'a session cookie');
  assert.is(session?.httpOnly, true);
  assert.is(session?.sameSite, 'Strict');
  assert.is(session?.path, '/trpc');
  assert.is(session?.secure, false, 'plain http: not Secure (it could not be sent back)');
  // No script on the page can see it, and the sign-in answer never carried the token.
  assert.not.match(await page.evaluate(() => document.cookie), 'pc_session');
  const [row] = await rig.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM auth_token WHERE kind = 'session' AND token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
    [decodeURIComponent(session?.value ?? '')],
  );
  assert.is(row?.n, 1, 'the database keeps only the hash of the cookie');

  // Reload keeps the session; Back and Forward move between console addresses.
  await page.reload();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByText('Bạn đã đăng xuất.').waitFor();
  assert.not.ok((await rig.browser.context.cookies(`${rig.url}/trpc/`)).some((c) => c.name === 'pc_session'));
  // The revoked token no longer signs in, even sent by hand.
  const replay = await fetch(`${rig.url}/trpc/auth.me`, { headers: { cookie: `pc_session=${session?.value}` } });
  assert.is(replay.status, 401);
  await page.close();
});

test('a session idle too long ends: the console goes back to sign-in and says why', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  // The session's first use is recorded by whichever of the console's first calls comes first (NULL
  // until then): backdate after it, or a call still under way records its use over the backdating.
  await waitUntil(async () => {
    const [fresh] = await rig.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM auth_token WHERE kind = 'session' AND revoked_at IS NULL AND last_used_at IS NULL",
    );
    return fresh?.n === 0;
  }, 'the session’s first use recorded');
  // 31 minutes without a call, as the database sees it (the idle limit is 30).
  await rig.sql(
    "UPDATE auth_token SET last_used_at = now() - interval '31 minutes', created_at = now() - interval '1 hour' WHERE kind = 'session' AND revoked_at IS NULL",
  );
  await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await page.reload();
  await page
    .getByRole('alert')
    .getByText('Phiên làm việc đã kết thúc vì không hoạt động quá 30 phút. Vui lòng đăng nhập lại.')
    .waitFor();
  assert.ok(await page.getByRole('heading', { name: 'Đăng nhập' }).isVisible());
  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByRole('alert')
    .getByText('Your session ended after 30 minutes without activity. Please sign in again.')
    .waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  // Signing in again lands on the page the person was on.
  await page.getByLabel('Tên đăng nhập').fill(rig.users.staff);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
  assert.match(page.url(), /\/console\/password$/);
  await page.close();
});

test('a cookie session is refused to a mutation from another origin, and an API client still signs in with a bearer token', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  const cookie = (await rig.browser.context.cookies(`${rig.url}/trpc/`)).find((c) => c.name === 'pc_session');
  const forged = await fetch(`${rig.url}/trpc/auth.signOut`, {
    method: 'POST',
    headers: {
      cookie: `pc_session=${cookie?.value}`,
      'content-type': 'application/json',
      origin: 'http://evil.example',
    },
    body: '{}',
  });
  assert.is(forged.status, 403, 'cross-site posts are refused');
  const sibling = await fetch(`${rig.url}/trpc/auth.signOut`, {
    method: 'POST',
    headers: { cookie: `pc_session=${cookie?.value}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.is(sibling.status, 401, 'a cookie-signed mutation without an Origin is not signed in');
  assert.ok(
    await page
      .reload()
      .then(() => page.getByRole('button', { name: 'Đăng xuất' }).waitFor())
      .then(() => true),
  );

  const signedIn = await fetch(`${rig.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: rig.users.staff, password: PASSWORD }),
  });
  const token = ((await signedIn.json()) as { result: { data: { token: string } } }).result.data.token;
  const me = await fetch(`${rig.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } });
  assert.is(me.status, 200);
  await page.close();
});

test('changing one’s password needs the current one, and ends the account’s other sessions', async () => {
  const mine = await rig.page();
  await signIn(mine, rig.url, rig.users.admin);
  // The same account signed in elsewhere (another device, as an API client sees it).
  const elsewhere = await rig.polcenter.auth.signIn({ username: rig.users.admin, password: PASSWORD });

  await mine.goto(`${rig.url}/console/password`);
  await mine.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-roi');
  await mine.getByLabel('Mật khẩu mới').fill('mat-khau-moi-2027');
  await mine.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await mine.getByText('Không đúng.', { exact: true }).waitFor();
  await mine.getByRole('alert').getByText('Mật khẩu hiện tại không đúng.').waitFor();
  assert.is(await mine.getByLabel('Mật khẩu hiện tại').getAttribute('aria-invalid'), 'true');

  await mine.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
  await mine.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await mine.getByText('Đã đổi mật khẩu.').waitFor();

  // The other session has ended, and says why; this one goes on.
  const other = await fetch(`${rig.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${elsewhere.token}` } });
  assert.is(other.status, 401);
  const body = (await other.json()) as { error: { message: string; data: { domainCode: string; sessionEnd: string } } };
  assert.is(body.error.data.domainCode, 'AUTH.SESSION_ENDED');
  assert.is(body.error.data.sessionEnd, 'revoked');
  await mine.reload();
  await mine.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  const signedIn = await rig.polcenter.auth.signIn({ username: rig.users.admin, password: 'mat-khau-moi-2027' });
  assert.ok(signedIn.token);
  await mine.close();
});

test('Vietnamese first, English at any time: the page re-renders in place and the choice is remembered', async () => {
  const page = await rig.page();
  await signIn(page, rig.url, rig.users.staff);
  assert.is(await page.evaluate(() => document.documentElement.lang), 'vi');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  assert.ok(await page.getByRole('navigation', { name: 'Sections' }).isVisible());
  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  await page.close();
});

test.run();
