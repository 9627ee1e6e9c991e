export * from './lm.js';
export * from './decay-fits.js';
export * from './metrics.js';
