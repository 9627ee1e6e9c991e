export * from './columns.js';
export * from './hash.js';
export * from './device-spec.js';
export * from './spec.js';
export * from './run.js';
export * from './csv.js';
export * from './standard.js';
