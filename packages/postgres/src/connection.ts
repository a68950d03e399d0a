import pg from 'pg';
import { SetupError } from './setup-error.js';

export const MIN_SERVER_VERSION = 150000;

/** Checks the shape of a `postgres://` URL before anything tries to connect with it. */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUrl(url, 'it is not a URL', 'đây không phải là một URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw badUrl(
      url,
      `it starts with ${parsed.protocol} instead of postgres:`,
      `URL bắt đầu bằng ${parsed.protocol} thay vì postgres:`,
    );
  }
  if (!parsed.hostname) throw badUrl(url, 'it names no host', 'URL không có tên máy chủ');
  if (parsed.pathname.length <= 1) throw badUrl(url, 'it names no database', 'URL không có tên cơ sở dữ liệu');
  return parsed;
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

function badUrl(url: string, en: string, vi: string): SetupError {
  const shown = redactUrl(url) === '(invalid URL)' ? url.replace(/:[^:@/]*@/, ':***@') : redactUrl(url);
  return new SetupError('DATABASE_URL_INVALID', {
    vi: `DATABASE_URL "${shown}" không hợp lệ: ${vi}; dạng đúng là postgres://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl.`,
    en: `DATABASE_URL "${shown}" is invalid: ${en}; the expected form is postgres://user:password@host:5432/database.`,
  });
}

/**
 * Connects once and checks the server version, turning every way this fails into one sentence
 * that names the problem and what to do.
 */
export async function checkDatabase(url: string): Promise<{ serverVersion: number }> {
  const parsed = parseDatabaseUrl(url);
  const where = `${parsed.hostname}:${parsed.port || 5432}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>('SHOW server_version_num');
    const serverVersion = Number(rows[0]?.v);
    if (serverVersion < MIN_SERVER_VERSION) {
      throw new SetupError('DATABASE_TOO_OLD', {
        vi: `Máy chủ PostgreSQL tại ${where} là phiên bản ${Math.floor(serverVersion / 10000)}; PolCenter cần PostgreSQL 15 trở lên.`,
        en: `The PostgreSQL server at ${where} is version ${Math.floor(serverVersion / 10000)}; PolCenter needs PostgreSQL 15 or newer.`,
      });
    }
    return { serverVersion };
  } catch (error) {
    throw explainConnectionError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Maps a driver error to a SetupError; anything unrecognised is passed through unchanged. */
export function explainConnectionError(error: unknown, url: string): unknown {
  if (error instanceof SetupError) return error;
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || 5432}`;
  const database = decodeURIComponent(parsed.pathname.slice(1));
  const code = (error as { code?: string }).code;
  const says = (vi: string, en: string) => new SetupError('DATABASE_UNREACHABLE', { vi, en }, { cause: error });
  switch (code) {
    case 'ECONNREFUSED':
      return says(
        `Không có máy chủ PostgreSQL nào trả lời tại ${where}; hãy kiểm tra máy chủ đã chạy và DATABASE_URL đúng cổng.`,
        `No PostgreSQL server answers at ${where}; check that it is running and that DATABASE_URL has the right port.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return says(
        `Không tìm thấy máy chủ "${parsed.hostname}" trong DATABASE_URL; hãy sửa tên máy chủ.`,
        `The host "${parsed.hostname}" in DATABASE_URL cannot be found; correct the host name.`,
      );
    case 'ETIMEDOUT':
      return says(
        `Kết nối tới ${where} quá thời gian chờ; hãy kiểm tra mạng và tường lửa.`,
        `Connecting to ${where} timed out; check the network and firewall.`,
      );
    case '28P01':
    case '28000':
      return says(
        `Máy chủ PostgreSQL tại ${where} từ chối người dùng hoặc mật khẩu trong DATABASE_URL; hãy sửa thông tin đăng nhập.`,
        `The PostgreSQL server at ${where} rejected the user or password in DATABASE_URL; correct the credentials.`,
      );
    case '3D000':
      return says(
        `Cơ sở dữ liệu "${database}" chưa có trên ${where}; hãy tạo nó (CREATE DATABASE) hoặc sửa DATABASE_URL.`,
        `The database "${database}" does not exist on ${where}; create it (CREATE DATABASE) or correct DATABASE_URL.`,
      );
    default:
      if ((error as Error)?.message?.includes('timeout')) {
        return says(
          `Kết nối tới ${where} quá thời gian chờ; hãy kiểm tra mạng và tường lửa.`,
          `Connecting to ${where} timed out; check the network and firewall.`,
        );
      }
      return error;
  }
}
