/**
 * Switching cycles of the VCM lattice: the generic sweeps and statistics of switching-cycles.ts
 * bound to VcmLattice (forming, RESET / SET sweeps, C2C / D2D statistics, kinetic floor).
 * @module physics/kmc/vcm-cycles
 */
import { VcmLattice, type VcmParams, type VcmMasks } from './vcm-lattice.js';
import { deviceCycles, deviceStatistics, deviceKineticSpread, SWEEP_DEFAULTS, type DeviceModel, type SweepOptions, type CycleRecord } from './switching-cycles.js';

export { SWEEP_DEFAULTS, setSweep, resetSweep, variability, type SweepOptions, type CycleRecord, type VariabilityStats } from './switching-cycles.js';

/** VCM lattice as a sweepable device model (the copy carries occupancy and stored oxygen). */
export function vcmModel(p: VcmParams, masks?: VcmMasks): DeviceModel<VcmLattice> {
  return {
    make: (init) => new VcmLattice(p, init, masks),
    copy: (src, dst) => { dst.occ.set(src.occ); dst.oxygen = src.oxygen; dst.markChanged(); },
  };
}

/** Forming then nCycles RESET/SET cycles of one device. */
export function runCycles(p: VcmParams, seed: number, nCycles: number, o: SweepOptions = SWEEP_DEFAULTS, masks?: VcmMasks): { vForm: number; cycles: CycleRecord[]; events: number } {
  return deviceCycles(vcmModel(p, masks), seed, nCycles, o);
}

/** Run nDevices seeded devices for nCycles each and collect V_set, V_reset, R_on, R_off variability. */
export function cycleStatistics(p: VcmParams, seeds: number[], nCycles: number, o: SweepOptions = SWEEP_DEFAULTS, masksFor?: (seed: number) => VcmMasks | undefined) {
  return deviceStatistics((s) => vcmModel(p, masksFor?.(s)), seeds, nCycles, o);
}

/** Kinetic floor of the SET voltage of the VCM lattice (see deviceKineticSpread). */
export function kineticSpread(p: VcmParams, seed: number, nRuns: number, o: SweepOptions = SWEEP_DEFAULTS, masks?: VcmMasks): { vSet: number[]; mean: number; cv: number; gapOff: number } {
  return deviceKineticSpread(vcmModel(p, masks), seed, nRuns, o);
}
