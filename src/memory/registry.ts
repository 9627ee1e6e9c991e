/**
 * The memory protocols, by name.
 * @module memory/registry
 */
import type { MemoryProtocol } from './protocol.js';
import { switchingKinetics } from './switching-kinetics.js';
import { retentionBake } from './retention-bake.js';
import { endurance } from './endurance.js';
import { multilevel } from './multilevel.js';
import { readDisturb } from './read-disturb.js';

/** Every memory protocol. */
export const PROTOCOLS: readonly MemoryProtocol[] = [switchingKinetics, retentionBake, endurance, multilevel, readDisturb];

/** A protocol by name, or undefined. */
export function getMemoryProtocol(name: string): MemoryProtocol | undefined {
  return PROTOCOLS.find((p) => p.name === name);
}
