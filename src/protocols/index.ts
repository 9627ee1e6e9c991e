export * from './types.js';
export * from './params.js';
export * from './plan.js';
export * from './registry.js';
export * from './defaults.js';
