/** Physical reservoir computing with dynamic memristors (Du et al. 2017). @module network/reservoir */
export * from './encoding.js';
export * from './frame-clock.js';
export * from './stream-term.js';
export * from './run.js';
export * from './readout.js';
export * from './patterns.js';
export * from './digits5x4.js';
export * from './control.js';
export * from './tasks.js';
export * from './du2017.js';
