/**
 * Hand-off from the physics level to a compact model: parameters of the Stanford-PKU gap model
 * (catalogue id `stanford-pku`, models.md §4.1) extracted from KMC cycle statistics. This is a
 * moment-matching extraction, not a least-squares fit of the I-V:
 *   gmax       = mean HRS tunnelling gap of the KMC filament (>= one lattice spacing)
 *   gmaxC2c    = mean within-device relative spread of that gap   (cycle-to-cycle)
 *   gmaxDtod   = relative spread of the device means              (device-to-device)
 *   tox        = film thickness of the lattice
 *   i0         = v0 exp(gmin/g0) / R_on  (low-bias LRS of I = I0 exp(-g/g0) sinh(V/V0) at g = gmin)
 * with the model's default g0 = 0.25 nm, v0 = 0.25 V, gmin = 0.2 nm kept.
 * @module physics/kmc/handoff
 */
import type { VariabilityStats } from './vcm-cycles.js';

/** Statistics needed by the hand-off. */
export interface HandoffInput { gapOff: VariabilityStats; rOn: VariabilityStats; thickness: number; lattice: number }

/** A device reference for experiment specs: `{ model, set }`. */
export interface CompactHandoff { model: 'stanford-pku'; set: Record<string, number>; note: string }

/** Extract Stanford-PKU parameters and spreads from physics statistics. */
export function stanfordHandoff(s: HandoffInput): CompactHandoff {
  const g0 = 0.25e-9, v0 = 0.25, gmin = 0.2e-9;
  const gmax = Math.max(s.gapOff.mean, s.lattice);
  const set: Record<string, number> = {
    gmax, tox: s.thickness, i0: (v0 * Math.exp(gmin / g0)) / s.rOn.mean,
  };
  if (Number.isFinite(s.gapOff.c2c)) set.gmaxC2c = s.gapOff.c2c;
  if (Number.isFinite(s.gapOff.d2d)) set.gmaxDtod = s.gapOff.d2d;
  return { model: 'stanford-pku', set, note: 'moment-matched to KMC cycle statistics (HRS gap mean and spreads, LRS resistance); not an I-V least-squares fit' };
}
