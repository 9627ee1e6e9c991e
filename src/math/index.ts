export * from './smooth.js';
export * from './dense.js';
export * from './roots.js';
export * from './stats.js';
