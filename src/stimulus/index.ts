export * from './waveform.js';
export * from './spec.js';
