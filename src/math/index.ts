export * from './smooth.js';
export * from './dense.js';
export * from './roots.js';
export * from './stats.js';
export * from './tridiag.js';
export * from './banded.js';
export * from './pcg.js';
export * from './powi.js';
