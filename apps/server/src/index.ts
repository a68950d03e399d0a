export { main } from './cli.js';
export { createHttpServer } from './http-server.js';
export { readSettings, type Settings } from './settings.js';
export { startServer } from './start.js';
