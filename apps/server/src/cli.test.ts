import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { testDatabase } from '@polcenter/testing/database';
import { runCli, startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const noStackTrace = (text: string) => assert.not.match(text, /\n\s+at /, `stack trace printed:\n${text}`);

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** The column where the text of each row of a section starts: one column when aligned. */
function textColumns(help: string, title: string): Set<number> {
  const section = help.split(`${title}\n`)[1]?.split('\n\n')[0] ?? '';
  const rows = section.split('\n').filter((line) => /^ {2}\S/.test(line));
  return new Set(rows.map((line) => /^ {2}\S+(?: \S+)*? {2,}/.exec(line)?.[0].length ?? -1));
}

test('--help lists the commands and settings in aligned columns, in Vietnamese unless English is asked for', async () => {
  const result = await runCli(['--help'], { POLCENTER_LANG: '' });
  assert.is(result.code, 0);
  assert.match(result.stdout, 'Cách dùng: pnpm polcenter <lệnh> [tuỳ chọn]');
  assert.match(result.stdout, /\n {2}import people TỆP {2,}nhập danh sách cá nhân/);
  assert.match(result.stdout, /\n {2}POLCENTER_DATA_DIR {2,}\.data {2,}thư mục dữ liệu/);
  for (const title of ['Lệnh:', 'Tuỳ chọn:', 'Biến môi trường (mặc định):']) {
    assert.is(textColumns(result.stdout, title).size, 1, `${title} not aligned:\n${result.stdout}`);
  }
  const english = await runCli(['--help', '--lang', 'en'], { POLCENTER_LANG: '' });
  assert.match(english.stdout, 'Usage: pnpm polcenter <command> [options]');
  assert.match(english.stdout, /\n {2}import people FILE {2,}import people from/);
  assert.not.match(english.stdout, 'Lệnh');
  const fromEnv = await runCli(['help'], { POLCENTER_LANG: 'en' });
  assert.is(fromEnv.stdout, english.stdout);
});

test('each command has its own help: what it does, its arguments and every flag it takes, aligned', async () => {
  const help = await runCli(['import', 'people', '--help'], { POLCENTER_LANG: '' });
  assert.is(help.code, 0);
  assert.match(help.stdout, 'Cách dùng: pnpm polcenter import people TỆP [tuỳ chọn]');
  assert.match(help.stdout, 'Tên tệp tương đối tính từ thư mục bạn gõ lệnh.');
  assert.match(help.stdout, /--dry-run {2,}chỉ kiểm tra tệp, không ghi gì/);
  const user = await runCli(['help', 'user', 'add', '--lang', 'en']);
  assert.match(user.stdout, 'Usage: pnpm polcenter user add [options]');
  for (const flag of ['--username NAME', '--name NAME', '--role ROLE', '--unit CODE', '--password-stdin']) {
    assert.match(user.stdout, flag);
  }
  assert.is(textColumns(user.stdout, 'Options:').size, 1, user.stdout);
  const restore = await runCli(['restore', '--help']);
  assert.match(restore.stdout, 'Cần dùng riêng cơ sở dữ liệu: dừng máy chủ trước');
  // A usage error inside a command points at that command's help.
  const missing = await runCli(['user', 'add', '--username', 'x'], { POLCENTER_LANG: '' });
  assert.is(missing.code, 2);
  assert.is(missing.stderr, 'Thiếu --role. Xem: pnpm polcenter user add --help\n');
  const badLang = await runCli(['--help', '--lang', 'fr']);
  assert.is(badLang.code, 2);
  assert.match(badLang.stderr, '--lang nhận vi hoặc en');
});

test('an unknown command or a bad flag is a usage error: exit code 2 and one clear line', async () => {
  const unknown = await runCli(['frobnicate']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, 'Không có lệnh "frobnicate"');
  const flag = await runCli(['start', '--bogus']);
  assert.is(flag.code, 2);
  assert.match(flag.stderr, '--bogus');
  const none = await runCli([]);
  assert.is(none.code, 2);
  noStackTrace(unknown.stderr + flag.stderr + none.stderr);
});

test('a malformed or unreachable DATABASE_URL gets one sentence naming it, no stack trace', async () => {
  const malformed = await runCli(['migrate'], { DATABASE_URL: 'mysql://root@localhost/polcenter' });
  assert.is(malformed.code, 1);
  assert.match(malformed.stderr, 'DATABASE_URL');
  assert.match(malformed.stderr, 'mysql:');
  const refused = await runCli(['start'], { DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/polcenter' });
  assert.is(refused.code, 1);
  assert.match(refused.stderr, 'Không có máy chủ PostgreSQL nào trả lời tại 127.0.0.1:1');
  assert.not.match(refused.stderr, 'secret');
  noStackTrace(malformed.stderr + refused.stderr);
});

test('an unwritable data folder is named, and nothing starts', async () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'polcenter-file-'));
  const file = path.join(parent, 'not-a-folder');
  writeFileSync(file, '');
  try {
    const result = await runCli(['start'], { DATABASE_URL: '', POLCENTER_DATA_DIR: path.join(file, 'data') });
    assert.is(result.code, 1);
    assert.match(result.stderr, 'Không ghi được vào thư mục dữ liệu');
    noStackTrace(result.stderr);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a port in use is named with what to do', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as net.AddressInfo;
  const db = await testDatabase();
  try {
    const result = await runCli(['start', '--port', String(port)], { DATABASE_URL: db.url });
    assert.is(result.code, 1);
    assert.match(result.stderr, `Cổng ${port} đã có chương trình khác dùng`);
    noStackTrace(result.stderr);
  } finally {
    blocker.close();
  }
});

test('migrate applies the migrations once; on an up-to-date database it does nothing', async () => {
  const db = await testDatabase();
  const first = await runCli(['migrate'], { DATABASE_URL: db.url });
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, 'Đã áp dụng');
  const second = await runCli(['migrate'], { DATABASE_URL: db.url });
  assert.is(second.code, 0);
  assert.match(second.stdout, 'đã mới nhất');
});

test('a database from a newer schema is refused before anything is touched', async () => {
  const db = await testDatabase();
  assert.is((await runCli(['seed'], { DATABASE_URL: db.url })).code, 0);
  await sql(
    db.url,
    "INSERT INTO mikro_orm_migrations (name, executed_at) VALUES ('Migration29990101000000Future', now())",
  );
  const before = await sql(db.url, 'SELECT count(*)::int AS n FROM unit');
  for (const command of ['migrate', 'start', 'seed']) {
    const result = await runCli(command === 'start' ? ['start', '--port', '0'] : [command], { DATABASE_URL: db.url });
    assert.is(result.code, 1, command);
    assert.match(result.stderr, 'phiên bản PolCenter mới hơn');
    noStackTrace(result.stderr);
  }
  assert.equal(await sql(db.url, 'SELECT count(*)::int AS n FROM unit'), before);
});

test('user add creates the first admin; the password never appears on the command line', async () => {
  const db = await testDatabase();
  const created = await runCli(
    ['user', 'add', '--username', 'quantri', '--name', 'Quản trị', '--role', 'admin'],
    {
      DATABASE_URL: db.url,
    },
    'một mật khẩu đủ dài\n',
  );
  assert.is(created.code, 0, created.stderr);
  assert.match(created.stdout, 'Đã tạo tài khoản quantri (admin)');
  const short = await runCli(
    ['user', 'add', '--username', 'hoa', '--role', 'admin', '--password-stdin'],
    { DATABASE_URL: db.url },
    'ngắn\n',
  );
  assert.is(short.code, 1);
  assert.match(short.stderr, 'password: Cần ít nhất 10 ký tự.');
  // As one types it at a prompt: the password, then again to confirm.
  const confirmed = await runCli(
    ['user', 'add', '--username', 'lan', '--role', 'admin', '--password-stdin'],
    { DATABASE_URL: db.url },
    'mật khẩu xác nhận 2 lần\nmật khẩu xác nhận 2 lần\n',
  );
  assert.is(confirmed.code, 0, confirmed.stderr);
  const differ = await runCli(
    ['user', 'add', '--username', 'hoa', '--role', 'admin', '--password-stdin'],
    { DATABASE_URL: db.url },
    'mật khẩu thứ nhất dài\nmật khẩu thứ hai dài\n',
  );
  assert.is(differ.code, 2);
  assert.match(differ.stderr, 'Hai dòng mật khẩu trên đầu vào chuẩn không giống nhau.');
  const file = await runCli(
    ['user', 'add', '--username', 'hoa', '--role', 'admin'],
    { DATABASE_URL: db.url },
    'a\nb\nc\n',
  );
  assert.is(file.code, 2);
  assert.match(file.stderr, 'Đầu vào chuẩn có 3 dòng');
  const unknownUnit = await runCli(
    ['user', 'add', '--username', 'hoa', '--role', 'unit_coordinator', '--unit', '99999'],
    { DATABASE_URL: db.url },
    'một mật khẩu đủ dài\n',
  );
  assert.is(unknownUnit.code, 2);
  assert.match(unknownUnit.stderr, 'Không có đơn vị mã "99999"');
  const noUnit = await runCli(['user', 'add', '--username', 'hoa', '--role', 'unit_coordinator'], {
    DATABASE_URL: db.url,
  });
  assert.is(noUnit.code, 2);
  assert.match(noUnit.stderr, '--unit');
  const stray = await runCli(['migrate', '--username', 'x'], { DATABASE_URL: db.url });
  assert.is(stray.code, 2);
  const rows = await sql(db.url, 'SELECT username, display_name FROM app_user');
  assert.equal(rows, [
    { username: 'quantri', display_name: 'Quản trị' },
    { username: 'lan', display_name: 'lan' },
  ]);
  await db.drop();
});

test('token add, list and revoke: a label, a scope and an expiry; the secret shown once, never listed', async () => {
  const db = await testDatabase();
  const env = { DATABASE_URL: db.url };
  const admin = await runCli(['user', 'add', '--username', 'quantri', '--role', 'admin'], env, 'một mật khẩu đủ dài\n');
  assert.is(admin.code, 0, admin.stderr);
  const added = await runCli(
    [
      'token',
      'add',
      '--username',
      'quantri',
      '--label',
      'cổng thông tin',
      '--scope',
      'read:classes,enrolment',
      '--expires',
      '30d',
    ],
    env,
  );
  assert.is(added.code, 0, added.stderr);
  const [secret, details] = added.stdout.split('\n');
  assert.match(secret ?? '', /^pca_\S+$/);
  assert.match(details ?? '', 'chỉ đọc, khu vực classes, enrolment, hết hạn');
  const [row] = await sql(
    db.url,
    'SELECT id, label, read_only, areas, round(extract(epoch FROM expires_at - now()) / 86400)::int AS days FROM auth_token',
  );
  assert.equal(
    { ...row, id: undefined },
    {
      id: undefined,
      label: 'cổng thông tin',
      read_only: true,
      areas: ['classes', 'enrolment'],
      days: 30,
    },
  );
  // The first spelling of the flag, --name, still works; the default lifetime is 90 days.
  const old = await runCli(['token', 'add', '--username', 'quantri', '--name', 'ứng dụng cũ'], env);
  assert.is(old.code, 0, old.stderr);

  const listed = await runCli(['token', 'list'], env);
  assert.is(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /Mã\s+Tài khoản\s+Nhãn\s+Phạm vi\s+Hết hạn/);
  assert.match(listed.stdout, /cổng thông tin\s+read:classes,enrolment\s+\d\d\/\d\d\/\d{4} \d\d:\d\d/);
  assert.match(listed.stdout, /ứng dụng cũ\s+full/);
  assert.not.match(listed.stdout, 'pca_');

  const revoked = await runCli(['token', 'revoke', row?.id as string], env);
  assert.is(revoked.code, 0, revoked.stderr);
  assert.match(revoked.stdout, 'Đã thu hồi mã API "cổng thông tin" của quantri');
  assert.match((await runCli(['token', 'list'], env)).stdout, /cổng thông tin.*đã thu hồi/);

  const tooLong = await runCli(['token', 'add', '--username', 'quantri', '--label', 'x', '--expires', '2y'], env);
  assert.is(tooLong.code, 1);
  assert.match(tooLong.stderr, 'expiresInDays');
  const unreadable = await runCli(['token', 'add', '--username', 'quantri', '--label', 'x', '--expires', 'mãi'], env);
  assert.is(unreadable.code, 2);
  assert.match(unreadable.stderr, '90d, 12w hoặc 1y');
  const badScope = await runCli(
    ['token', 'add', '--username', 'quantri', '--label', 'x', '--scope', 'everything'],
    env,
  );
  assert.is(badScope.code, 1);
  assert.match(badScope.stderr, 'Không có khu vực: everything');
  const unknown = await runCli(['token', 'revoke', 'not-an-id'], env);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, 'Không có mã API này');
  noStackTrace(unknown.stderr);
  await db.drop();
});

test('in production, errors carry a code and a message but never a stack trace; logs are JSON lines', async () => {
  const db = await testDatabase();
  const server = await startServerProcess({ DATABASE_URL: db.url, NODE_ENV: 'production' });
  try {
    const response = await fetch(`${server.url}/trpc/units.list?input=${encodeURIComponent('{"at":"31/02/2022"}')}`);
    const text = await response.text();
    assert.is(response.status, 400);
    assert.match(text, 'INPUT.INVALID');
    assert.not.match(text, 'stack');
    assert.not.match(text, '.ts:');
  } finally {
    await server.stop();
  }
  const logLine = server
    .output()
    .split('\n')
    .find((line) => line.includes('"message":"request"'));
  assert.ok(logLine, server.output());
  const entry = JSON.parse(logLine ?? '{}');
  assert.is(entry.path, '/trpc/units.list');
  assert.is(entry.status, 400);
  assert.not.match(logLine ?? '', '31/02');
});

test('the embedded server, from a clone only root may enter: first start seeds, kill -9 leaves nothing that stops the next start, data kept', async () => {
  // `pnpm start` in a clone inside a `mktemp -d` folder (mode 700): as root, the `postgres` user
  // cannot reach `.data`, so the cluster lives under /var/lib/polcenter, linked from `.data/pg`.
  const parent = tempDataDir();
  const clone = path.join(parent.dir, 'polcenter');
  mkdirSync(clone);
  const data = path.join(clone, '.data');
  const relocated = () =>
    lstatSync(path.join(data, 'pg')).isSymbolicLink() ? readlinkSync(path.join(data, 'pg')) : '';
  let placed = '';
  try {
    const first = await startServerProcess({ POLCENTER_DATA_DIR: '' }, { cwd: clone });
    placed = relocated();
    assert.match(first.output(), 'Đã nạp dữ liệu mẫu: 57 đơn vị');
    assert.match(first.output(), `dữ liệu: embedded PostgreSQL 18, ${data}${placed ? ` → ${placed}` : ''} (`);
    if (process.getuid?.() === 0) assert.match(placed, /^\/var\/lib\/polcenter\/data\//);
    assert.is((await fetch(`${first.url}/healthz`)).status, 200);
    await first.stop('SIGKILL');

    const second = await startServerProcess({ POLCENTER_DATA_DIR: '' }, { cwd: clone });
    assert.not.match(second.output(), 'Đã nạp dữ liệu mẫu');
    const units = await fetch(
      `${second.url}/trpc/units.list?input=${encodeURIComponent('{"underCode":"064","at":"2022-06-01"}')}`,
    );
    assert.is(((await units.json()) as { result: { data: unknown[] } }).result.data.length > 20, true);
    assert.is(await second.stop('SIGINT'), 0);
    assert.match(second.output(), 'Đã dừng máy chủ và cơ sở dữ liệu');
    // PostgreSQL removes its pid file only when it shuts down cleanly.
    assert.not.ok(existsSync(path.join(data, 'pg', 'postmaster.pid')), 'postgres did not stop cleanly');
  } finally {
    parent.remove();
    if (placed) rmSync(path.dirname(placed), { recursive: true, force: true });
  }
});

test('as root, a POLCENTER_DATA_DIR the postgres user cannot reach is one sentence saying what to do', async () => {
  if (process.getuid?.() !== 0)
    return console.log('  skipped (needs root, as CI runs): an unreachable POLCENTER_DATA_DIR');
  const locked = tempDataDir();
  try {
    const result = await runCli(['start'], { DATABASE_URL: '', POLCENTER_DATA_DIR: path.join(locked.dir, 'data') });
    assert.is(result.code, 1);
    assert.is(
      result.stderr,
      `Người dùng hệ thống "postgres" (PostgreSQL không chạy bằng root) không vào được thư mục dữ liệu ${locked.dir}/data vì ${locked.dir} (quyền 700, chủ root) chặn đường; hãy đặt POLCENTER_DATA_DIR ở nơi người dùng đó vào được (ví dụ /srv/polcenter), hoặc bỏ POLCENTER_DATA_DIR để PolCenter tự chọn chỗ.\n`,
    );
    const english = await runCli(['start'], {
      DATABASE_URL: '',
      POLCENTER_LANG: 'en',
      POLCENTER_DATA_DIR: path.join(locked.dir, 'data'),
    });
    assert.match(
      english.stderr,
      /^The system user "postgres" .* cannot reach the data folder .*; set POLCENTER_DATA_DIR/,
    );
  } finally {
    locked.remove();
  }
});

test.run();
