export * from './dataset.js';
export * from './mlp.js';
export * from './pulse-table.js';
export * from './device-layer.js';
export * from './train.js';
export * from './crossbar-inference.js';
export * from './neurosim.js';
