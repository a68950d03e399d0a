export * from './calendar';
export * from './dates';
export * from './errors';
export * from './i18n';
export * from './units';
export * from './vietnamese';
