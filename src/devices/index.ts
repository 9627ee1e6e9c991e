export * from './contract.js';
export * from './params.js';
export * from './group.js';
export * from './windows.js';
export * from './catalogue.js';
export * from './preset-file.js';
export * from './multi-terminal.js';
export * as equation from './equation/index.js';
