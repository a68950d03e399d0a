export {
  checkDatabase,
  explainConnectionError,
  MIN_SERVER_VERSION,
  parseDatabaseUrl,
  redactUrl,
} from './connection.js';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-server.js';
export { SetupError } from './setup-error.js';
