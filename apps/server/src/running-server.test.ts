import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { runCli, type ServerProcess, startServerProcess, tempDataDir } from '@polcenter/testing/server-process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The CLI beside a `polcenter start` on the embedded database, as an office runs it: the portal
// stays up while staff add an account or import a list. A clone in a `mktemp -d` folder (as root,
// the cluster then lives under /var/lib/polcenter), and the user's own folder somewhere else.
const parent = tempDataDir();
const clone = path.join(parent.dir, 'polcenter');
const data = path.join(clone, '.data');
const office = path.join(parent.dir, 'van-phong');
mkdirSync(clone);
mkdirSync(office);
let server: ServerProcess;
let relocated = '';
// Started when this file's tests run, not when the suite loads it.
test.before(async () => {
  server = await startServerProcess({ POLCENTER_DATA_DIR: '' }, { cwd: clone });
  relocated = lstatSync(path.join(data, 'pg')).isSymbolicLink() ? readlinkSync(path.join(data, 'pg')) : '';
});

/** `pnpm polcenter …` typed in `folder`: pnpm runs the script from the clone and names the folder in INIT_CWD. */
const typedIn = (folder: string) => ({
  DATABASE_URL: '',
  POLCENTER_DATA_DIR: '',
  INIT_CWD: folder,
  npm_lifecycle_event: 'polcenter',
  npm_package_json: path.join(clone, 'package.json'),
});
const polcenter = (args: string[], stdin = '') => runCli(args, typedIn(office), stdin, 120_000, clone);

test.after(async () => {
  await server?.stop().catch(() => {});
  parent.remove();
  if (relocated) rmSync(path.dirname(relocated), { recursive: true, force: true });
});

async function signIn(username: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status;
}

test('user add while the server runs: the account is made in its database and signs in through it', async () => {
  const added = await polcenter(
    ['user', 'add', '--username', 'can.bo.moi', '--name', 'Cán bộ mới', '--role', 'admin', '--password-stdin'],
    'một mật khẩu đủ dài\n',
  );
  assert.is(added.code, 0, added.stderr);
  assert.match(added.stdout, 'Dùng cơ sở dữ liệu của máy chủ PolCenter đang chạy (pid ');
  assert.match(added.stdout, 'Đã tạo tài khoản can.bo.moi (admin)');
  assert.is(await signIn('can.bo.moi', 'một mật khẩu đủ dài'), 200);
  assert.is(await signIn('can.bo.moi', 'một mật khẩu sai rồi'), 401);
  // Scripts take the token from the first line, server running or not.
  const token = await polcenter(['token', 'add', '--username', 'can.bo.moi', '--label', 'cổng thông tin']);
  assert.is(token.code, 0, token.stderr);
  const secret = token.stdout.split('\n')[0] ?? '';
  assert.match(secret, /^pca_/);
  const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${secret}` } });
  assert.is(me.status, 200);
});

test('import, export and backup while the server runs; relative file names are those of the folder typed in', async () => {
  writeFileSync(
    path.join(office, 'danh-sach.csv'),
    'Họ và tên;Ngày sinh;Giới tính;Dân tộc;Đơn vị\nHoàng Thị Nhập;05/03/1990;Nữ;Tày;02020\nTriệu Văn Khẩu;12/11/1984;Nam;Dao;02023\n',
  );
  const imported = await polcenter(['import', 'people', 'danh-sach.csv']);
  assert.is(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, 'Đã nhập 2 người từ 2 dòng');

  const exported = await polcenter(['export', 'people', '--out', 'nguoi.csv']);
  assert.is(exported.code, 0, exported.stderr);
  assert.match(readFileSync(path.join(office, 'nguoi.csv'), 'utf8'), 'Hoàng Thị Nhập');
  assert.not.ok(existsSync(path.join(clone, 'nguoi.csv')), 'written in the clone instead of the folder typed in');

  // To stdout, the CSV alone: the line saying which database is used stays out of it.
  const toStdout = await polcenter(['export', 'people']);
  assert.is(toStdout.code, 0, toStdout.stderr);
  assert.ok(toStdout.stdout.startsWith('\ufeffHọ và tên,'), toStdout.stdout.slice(0, 80));

  const backup = await polcenter(['backup', '--out', 'sao-luu.jsonl.gz']);
  assert.is(backup.code, 0, backup.stderr);
  assert.ok(existsSync(path.join(office, 'sao-luu.jsonl.gz')));

  // Without pnpm (node …/polcenter.js, or a stale INIT_CWD from a parent script), the process's folder.
  const direct = await runCli(
    ['export', 'classes', '--out', 'lop.csv'],
    { DATABASE_URL: '', POLCENTER_DATA_DIR: data, INIT_CWD: clone, npm_lifecycle_event: '' },
    '',
    120_000,
    office,
  );
  assert.is(direct.code, 0, direct.stderr);
  assert.ok(existsSync(path.join(office, 'lop.csv')));
  assert.is((await fetch(`${server.url}/readyz`)).status, 200);
});

test('restore needs the database to itself: refused while the server runs, saying what to do', async () => {
  const refused = await polcenter(['restore', 'sao-luu.jsonl.gz']);
  assert.is(refused.code, 1);
  assert.match(refused.stderr, /^Lệnh này cần dùng riêng cơ sở dữ liệu, nhưng máy chủ PolCenter \(pid \d+\) đang chạy/);
  assert.match(refused.stderr, 'hãy dừng máy chủ');
  const english = await runCli(
    ['restore', 'sao-luu.jsonl.gz'],
    { ...typedIn(office), POLCENTER_LANG: 'en' },
    '',
    120_000,
    clone,
  );
  assert.match(english.stderr, 'This command needs the database to itself');
});

test('a second start beside the running server says PolCenter already runs there', async () => {
  const second = await polcenter(['start', '--port', '0']);
  assert.is(second.code, 1);
  assert.match(second.stderr, /^PolCenter đã đang chạy trên thư mục dữ liệu .*\(pid \d+\)/);
  assert.is((await fetch(`${server.url}/readyz`)).status, 200);
});

test('a killed server leaves its state file behind; the CLI is not misled and starts the database itself', async () => {
  await server.stop('SIGKILL');
  assert.ok(existsSync(path.join(data, 'instance.json')), 'the killed server should have left its state file');
  const added = await polcenter(
    ['user', 'add', '--username', 'sau.su.co', '--role', 'admin', '--password-stdin'],
    'một mật khẩu đủ dài\n',
  );
  assert.is(added.code, 0, added.stderr);
  assert.not.match(added.stdout, 'máy chủ PolCenter đang chạy');
  assert.match(added.stdout, 'Đã tạo tài khoản sau.su.co');
  assert.not.ok(existsSync(path.join(data, 'instance.json')));
  assert.equal(
    readdirSync(data).filter((name) => name.startsWith('instance')),
    [],
  );
});

test.run();
