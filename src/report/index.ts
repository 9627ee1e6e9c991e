export * from './svg-plot.js';
export * from './panel.js';
export * from './reproduce.js';
export * from './html.js';
export * from './csv.js';
export * from './network-plots.js';
