/**
 * nanoionics: simulator of nanoionic resistive-switching devices. Library entry point; the
 * layers (units, rng, math, solve, devices, stimulus, circuit, experiment, ...) are re-exported
 * as namespaces.
 * @module nanoionics
 */
export * as units from './units/index.js';
export * as rng from './rng/index.js';
export * as math from './math/index.js';
export * as solve from './solve/index.js';
export * as devices from './devices/index.js';
export * as stimulus from './stimulus/index.js';
export * as circuit from './circuit/index.js';
export * as network from './network/index.js';
export * as analysis from './analysis/index.js';
export * as experiment from './experiment/index.js';
export * as protocols from './protocols/index.js';
export * as report from './report/index.js';
export * as fit from './fit/index.js';
export { VERSION } from './version.js';
export * as memory from './memory/index.js';
