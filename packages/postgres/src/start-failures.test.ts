import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmbeddedPostgres } from './embedded-server.js';
import { SetupError } from './setup-error.js';
import { throwawayFolders } from './testing.js';

const { folder } = throwawayFolders('polcenter-pg-fail-');

async function failure(start: Promise<unknown>): Promise<SetupError> {
  const error = await start.then(
    () => assert.unreachable('the start should fail'),
    (e: unknown) => e,
  );
  assert.instance(error, SetupError, `not one sentence: ${error}`);
  return error as SetupError;
}

test('a full disk is named, with what to do', async () => {
  // A real full disk: a 4 MB tmpfs, where initdb needs about 40 MB. Mounting needs root.
  const mountPoint = folder();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  if (mounted.status !== 0) return console.log('  skipped (mounting a small tmpfs needs root): a full disk');
  try {
    const dir = path.join(mountPoint, 'data');
    const error = await failure(startEmbeddedPostgres({ dir }));
    assert.is(error.code, 'DISK_FULL');
    assert.is(
      error.sentence.vi,
      `Ổ đĩa chứa ${dir}/pg đã đầy nên PostgreSQL nhúng không ghi được dữ liệu; hãy giải phóng chỗ trống (cần ít nhất khoảng 100 MB) hoặc đặt POLCENTER_DATA_DIR ở ổ đĩa khác, rồi chạy lại.`,
    );
  } finally {
    spawnSync('umount', [mountPoint]);
  }
});

test('data whose password file is gone, and a configuration PostgreSQL refuses, are each one sentence', async () => {
  const dir = folder();
  const server = await startEmbeddedPostgres({ dir });
  await server.stop();

  appendFileSync(path.join(server.cluster, 'postgresql.conf'), 'shared_buffers = lots\n');
  const refused = await failure(startEmbeddedPostgres({ dir }));
  assert.is(refused.code, 'PG_START_FAILED');
  assert.match(refused.sentence.en, `The embedded PostgreSQL did not start on the data in ${server.cluster} ("`);
  assert.match(refused.sentence.en, 'shared_buffers');
  assert.match(refused.sentence.en, '; fix that cause and start again');

  rmSync(path.join(dir, 'password'));
  const missing = await failure(startEmbeddedPostgres({ dir }));
  assert.is(missing.code, 'PASSWORD_MISSING');
  assert.match(missing.sentence.vi, `thiếu tệp mật khẩu ${dir}/password`);
});

test('a data folder under a file is named, with the reason in words', async () => {
  const parent = folder();
  appendFileSync(path.join(parent, 'file'), '');
  const error = await failure(startEmbeddedPostgres({ dir: path.join(parent, 'file', 'data') }));
  assert.is(error.code, 'DATA_DIR_UNWRITABLE');
  assert.match(error.sentence.en, 'part of the path is a file, not a folder');
});

test.run();
