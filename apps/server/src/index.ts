export { main } from './cli';
export { createHttpServer } from './http-server';
export { readSettings, type Settings } from './settings';
export { startServer } from './start';
