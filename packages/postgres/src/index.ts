export {
  checkDatabase,
  explainConnectionError,
  MIN_SERVER_VERSION,
  parseDatabaseUrl,
  redactUrl,
} from './connection.js';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-server.js';
export { findRunningInstance, type RunningInstance } from './running-instance.js';
export { SetupError } from './setup-error.js';
