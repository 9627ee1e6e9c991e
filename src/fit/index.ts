/**
 * Fitting models to measured data: import, optimizers, fit, variability, data-driven
 * tabulation, preset and report output.
 * @module fit
 */
export * from './csv-table.js';
export * from './import.js';
export * from './param-space.js';
export * from './differential-evolution.js';
export * from './levenberg-marquardt.js';
export * from './replay.js';
export * from './fit.js';
export * from './variability.js';
export * from './tabulate.js';
export * from './preset-out.js';
export * from './fit-report.js';
export * from './switching-fit.js';
