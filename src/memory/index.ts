/**
 * Memory figures of merit: the switching-kinetics, retention-bake, endurance, multilevel and
 * read-disturb protocols (registered with the shared protocol registry on import), the
 * envelope engine they share, and the device datasheet.
 * @module memory
 */
export * from './protocol.js';
export * from './cell.js';
export * from './program.js';
export * from './arrhenius.js';
export * from './envelope.js';
export { switchingKinetics } from './switching-kinetics.js';
export { retentionBake, YEAR } from './retention-bake.js';
export { endurance } from './endurance.js';
export { multilevel, levelErrorRate } from './multilevel.js';
export { readDisturb } from './read-disturb.js';
export { PROTOCOLS as MEMORY_PROTOCOLS, getMemoryProtocol } from './registry.js';
export { registerMemoryProtocols } from './as-protocol.js';
export * from './datasheet.js';
export { datasheetHtml, comparisonHtml } from './datasheet-html.js';
