export * from './measure.js';
export * from './multi-terminal.js';
