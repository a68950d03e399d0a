export { checkDatabase, explainConnectionError, MIN_SERVER_VERSION, parseDatabaseUrl, redactUrl } from './connection';
export { type EmbeddedPostgres, type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-server';
export { SetupError } from './setup-error';
