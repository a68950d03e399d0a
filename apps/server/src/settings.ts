import path from 'node:path';
import { type Lang, pickLang } from '@polcenter/domain';
import { SetupError } from '@polcenter/postgres';

/**
 * Every setting has a default and an environment variable (listed in the README); CLI flags,
 * where a command takes them, win over the environment.
 */
export interface Settings {
  /** Any PostgreSQL 15+; absent: an embedded server with its data in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** POLCENTER_DATA_DIR was set: the embedded server must use that folder as it is, never elsewhere. */
  readonly dataDirExplicit: boolean;
  /** Port of the embedded PostgreSQL; 0 picks a free one. */
  readonly pgPort: number;
  readonly host: string;
  readonly port: number;
  /** Load the demo story of Chợ Đồn into an empty database on start. */
  readonly seedDemo: boolean;
  readonly lang: Lang;
  readonly production: boolean;
  /** Portal origins allowed to call the API from a browser. */
  readonly corsOrigins: readonly string[];
  readonly trustProxy: boolean;
  /** JSON request logs on stdout. */
  readonly logRequests: boolean;
  /** The portal page that checks certificates (their QR code); absent: this server's own portal page. */
  readonly certificateCheckUrl: string | undefined;
}

function httpUrlFrom(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SetupError('SETTING_INVALID', {
      vi: `${name}="${value}" không phải là địa chỉ web đầy đủ (https://…).`,
      en: `${name}="${value}" is not a full web address (https://…).`,
    });
  }
  return url.href;
}

function portFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SetupError('SETTING_INVALID', {
      vi: `${name}="${value}" không phải là số cổng hợp lệ (0–65535).`,
      en: `${name}="${value}" is not a valid port number (0–65535).`,
    });
  }
  return port;
}

export function readSettings(env: NodeJS.ProcessEnv, flags: { port?: string; host?: string } = {}): Settings {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.POLCENTER_DATA_DIR || '.data'),
    dataDirExplicit: Boolean(env.POLCENTER_DATA_DIR),
    pgPort: portFrom('POLCENTER_PG_PORT', env.POLCENTER_PG_PORT, 0),
    host: flags.host ?? env.POLCENTER_HOST ?? '127.0.0.1',
    port:
      flags.port !== undefined
        ? portFrom('--port', flags.port, 3000)
        : portFrom('POLCENTER_PORT', env.POLCENTER_PORT ?? env.PORT, 3000),
    seedDemo: env.POLCENTER_DEMO !== '0',
    lang: pickLang(env.POLCENTER_LANG),
    production: env.NODE_ENV === 'production',
    corsOrigins: (env.POLCENTER_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: env.POLCENTER_TRUST_PROXY === '1',
    logRequests: env.POLCENTER_LOG !== '0',
    certificateCheckUrl: httpUrlFrom('POLCENTER_CERTIFICATE_CHECK_URL', env.POLCENTER_CERTIFICATE_CHECK_URL),
  };
}
