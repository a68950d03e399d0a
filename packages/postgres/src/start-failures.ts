import { SetupError } from './setup-error.js';

/**
 * Every way the embedded server can fail to start, as one sentence saying what happened and what
 * to do. PostgreSQL and initdb speak English (we run them with LC_ALL=C), so their output is
 * matched here and never shown raw, except as the quoted last line of a failure we do not know.
 */

const NO_SPACE = /No space left on device|ENOSPC|could not extend file|disk full/i;
const SHARED_MEMORY = /could not resize shared memory segment|could not create shared memory segment/i;
const DENIED = /Permission denied|EACCES|EPERM|Operation not permitted/i;

export function diskFull(where: string, cause?: unknown): SetupError {
  return new SetupError(
    'DISK_FULL',
    {
      vi: `Ổ đĩa chứa ${where} đã đầy nên PostgreSQL nhúng không ghi được dữ liệu; hãy giải phóng chỗ trống (cần ít nhất khoảng 100 MB) hoặc đặt POLCENTER_DATA_DIR ở ổ đĩa khác, rồi chạy lại.`,
      en: `The disk holding ${where} is full, so the embedded PostgreSQL cannot write its data; free some space (at least about 100 MB) or set POLCENTER_DATA_DIR on another disk, then start again.`,
    },
    { cause },
  );
}

function denied(where: string, detail: string, cause?: unknown): SetupError {
  return new SetupError(
    'DATA_DIR_DENIED',
    {
      vi: `PostgreSQL nhúng không có quyền dùng ${where} (${detail}); hãy cấp quyền cho người dùng chạy PolCenter${process.getuid?.() === 0 ? ' và người dùng hệ thống "postgres"' : ''}, hoặc chọn thư mục khác bằng POLCENTER_DATA_DIR.`,
      en: `The embedded PostgreSQL may not use ${where} (${detail}); give the user running PolCenter${process.getuid?.() === 0 ? ' and the system user "postgres"' : ''} access to it, or choose another folder with POLCENTER_DATA_DIR.`,
    },
    { cause },
  );
}

/** The last lines of a log that say what went wrong, without PostgreSQL's prefixes. */
function lastWords(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const telling = lines.filter((line) => /FATAL|PANIC|ERROR|error|invalid|unrecognized|could not|cannot/i.test(line));
  // A FATAL line often only concludes ("configuration file contains errors"): keep the line before too.
  const said = (telling.length > 0 ? telling.slice(-2) : lines.slice(-1)).map((line) =>
    line.replace(/^.*?\b(FATAL|PANIC|ERROR|LOG|WARNING):\s*/, '').replace(/^initdb: (error: )?/, ''),
  );
  return [...new Set(said)].join('; ');
}

/** initdb could not make a new cluster in `cluster`. */
export function initdbFailed(cluster: string, output: string, spawnError?: NodeJS.ErrnoException): SetupError {
  if (spawnError?.code === 'ENOENT') {
    return new SetupError(
      'PG_BINARIES_MISSING',
      {
        vi: `Không tìm thấy chương trình PostgreSQL nhúng (${spawnError.path}); hãy cài lại bằng pnpm install, hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL 15+.`,
        en: `The embedded PostgreSQL program is missing (${spawnError.path}); reinstall with pnpm install, or set DATABASE_URL to a PostgreSQL 15+ server.`,
      },
      { cause: spawnError },
    );
  }
  if (spawnError && DENIED.test(spawnError.code ?? '')) {
    return denied(String(spawnError.path), spawnError.code ?? '', spawnError);
  }
  if (NO_SPACE.test(output)) return diskFull(cluster);
  if (DENIED.test(output)) return denied(cluster, lastWords(output));
  return new SetupError('INITDB_FAILED', {
    vi: `initdb không tạo được dữ liệu PostgreSQL mới trong ${cluster} ("${lastWords(output) || spawnError?.message}"); hãy sửa nguyên nhân đó rồi chạy lại, hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL 15+.`,
    en: `initdb could not create the PostgreSQL data in ${cluster} ("${lastWords(output) || spawnError?.message}"); fix that cause and start again, or set DATABASE_URL to a PostgreSQL 15+ server.`,
  });
}

/** The server process exited (or never said it was ready) with this log. */
export function serverFailed(cluster: string, output: string): SetupError {
  if (SHARED_MEMORY.test(output)) {
    return new SetupError('PG_SHARED_MEMORY', {
      vi: `PostgreSQL nhúng không xin được bộ nhớ chia sẻ (/dev/shm quá nhỏ hoặc đã đầy); hãy tăng kích thước /dev/shm (ví dụ docker run --shm-size=256m) rồi chạy lại.`,
      en: `The embedded PostgreSQL could not get shared memory (/dev/shm is too small or full); enlarge /dev/shm (e.g. docker run --shm-size=256m) and start again.`,
    });
  }
  if (NO_SPACE.test(output)) return diskFull(cluster);
  if (/wrong ownership|invalid permissions/i.test(output)) {
    return new SetupError('DATA_DIR_OWNER', {
      vi: `Thư mục ${cluster} thuộc về một người dùng khác với người dùng chạy PostgreSQL ("${lastWords(output)}"); hãy chạy PolCenter bằng người dùng đã tạo dữ liệu này, hoặc chọn thư mục khác bằng POLCENTER_DATA_DIR.`,
      en: `${cluster} belongs to another user than the one PostgreSQL runs as ("${lastWords(output)}"); run PolCenter as the user who created this data, or choose another folder with POLCENTER_DATA_DIR.`,
    });
  }
  if (DENIED.test(output)) return denied(cluster, lastWords(output));
  return new SetupError('PG_START_FAILED', {
    vi: `PostgreSQL nhúng không khởi động được với dữ liệu trong ${cluster} ("${lastWords(output) || 'không có thông báo'}"); hãy sửa nguyên nhân đó rồi chạy lại, hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL 15+.`,
    en: `The embedded PostgreSQL did not start on the data in ${cluster} ("${lastWords(output) || 'no message'}"); fix that cause and start again, or set DATABASE_URL to a PostgreSQL 15+ server.`,
  });
}

/**
 * Whatever else went wrong on the way (our own file writes, the first connection): full disks and
 * refused permissions by their error codes, the rest quoted.
 */
export function startFailed(dir: string, error: unknown): SetupError {
  if (error instanceof SetupError) return error;
  const code = (error as { code?: string })?.code ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (code === 'ENOSPC' || code === '53100' || NO_SPACE.test(message)) return diskFull(dir, error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const where = (error as NodeJS.ErrnoException).path ?? dir;
    return denied(where, code === 'EROFS' ? 'read-only' : code, error);
  }
  return new SetupError(
    'PG_START_FAILED',
    {
      vi: `PostgreSQL nhúng (dữ liệu trong ${dir}) không khởi động được: "${message}"; hãy sửa nguyên nhân đó rồi chạy lại, hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL 15+.`,
      en: `The embedded PostgreSQL (data in ${dir}) did not start: "${message}"; fix that cause and start again, or set DATABASE_URL to a PostgreSQL 15+ server.`,
    },
    { cause: error },
  );
}
