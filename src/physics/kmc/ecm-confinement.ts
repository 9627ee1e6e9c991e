/**
 * Dislocation confinement in an Ag ECM cell (review §4.2, Fig. 12e-i; measurements.md B1): the
 * epiRAM pair on the ECM cell (ecm-cell.ts), cycled with the sweeps of switching-cycles.ts.
 * - `dislocation` (Ag / single-crystal SiGe, Choi et al., Nat. Mater. 17, 335 (2018)): Ag+ moves
 *   only along a threading-dislocation pipe of `pipeWidth` columns (default 4 sites = 1 nm, the
 *   core widened by the defect-selective etch; the review: "only a few nanometers") with the
 *   migration barrier `ePipe` (0.6 eV); the crystalline bulk has `eBulk` (1.15 eV, the activation
 *   energy of interstitial Ag diffusion in dislocation-free c-Si, Rollert, Stolwijk, Mehrer,
 *   J. Phys. D 20, 1148 (1987)), so it is frozen on the time of a sweep. Pipe / bulk 0.52, within
 *   the ~0.5-0.7 ratio of pipe to lattice diffusion activation energies of metals; field-driven
 *   Ag+ transport along threading dislocations is what switches Ag/Ge/Si(001) stacks (TEM and EBIC,
 *   "Bipolar resistive switching in memristors based on Ge/Si(001) epitaxial layers"). The crystal
 *   is ordered: every device is the same. Measured sensitivity (6 devices x 10 cycles, seed 1):
 *   C2C CV(V_set) 4.8, 8.6, 6.8, 11.1 % for pipes of 2, 4, 8, 12 sites (16-column cell); the
 *   spread is set by rare RESETs that leave a two-atom break, not by the width.
 * - `control` (Ag / amorphous Si, the unconfined film): the same Ag+ barrier everywhere on average
 *   (`eHop` of the cell, 0.6 eV, equal to the pipe so that the pair differs only in where the ions
 *   may move and in order), with a Gaussian spread `sigma` (0.1 eV) of the ion binding energy per
 *   site (amorphous site disorder; Ag in a-Si diffuses interstitially with trapping at intrinsic
 *   defects, Coffa et al., PRB 45, 8355 (1992); the width is assumed), drawn per device: filaments
 *   can start and run anywhere, along paths set by the disorder.
 * @module physics/kmc/ecm-confinement
 */
import { Q } from '../../units/constants.js';
import { Rng } from '../../rng/rng.js';
import { EcmCell, type EcmCellParams, type EcmMasks } from './ecm-cell.js';
import { deviceStatistics, deviceKineticSpread, deviceFormingSpread, type DeviceModel, type SweepOptions } from './switching-cycles.js';
import { confinementRow, type ConfinementRow, type CycleStats } from './confinement.js';

/** The two cells of the epiRAM comparison. */
export type EcmKind = 'control' | 'dislocation';

/** Mask options (energies in J). */
export interface EcmConfinementOptions { pipeWidth: number; ePipe: number; eBulk: number; sigma: number }

/** Defaults with the sources in the module header. */
export const ECM_CONFINEMENT_DEFAULTS: EcmConfinementOptions = { pipeWidth: 4, ePipe: 0.6 * Q, eBulk: 1.15 * Q, sigma: 0.1 * Q };

/**
 * Sweeps of the ECM pair: as the VCM study (10 V/s, 5 mV staircase at mid-step rates, 20 ms hold
 * under compliance after SET, RESET swept on to -1.5 V after the rupture); forming up to 8 V.
 * The RESET stop voltage of the epiRAM DC sweeps is not recovered here. A deeper stop does not
 * widen the post-RESET break (bench/ecm-reset-study.ts, -1.5 / -3 / -6 V): under reverse bias the
 * Ag joined to the inert electrode is the anodic side and dissolves, its ions re-deposit on the
 * cathodic Ag joined to the Ag anode, so the break moves down to the inert electrode, which has
 * nothing to dissolve, and stays one site wide.
 */
export const ECM_SWEEP: SweepOptions = { rate: 10, dV: 0.005, vForm: 8, vSetMax: 6, vResetMax: 3, tHold: 0.02, vResetStop: 1.5 };

/** Masks of one kind; the control's disorder is drawn from the device seed ('a-Si disorder' stream). */
export function ecmMasks(p: EcmCellParams, kind: EcmKind, seed: number, o: Partial<EcmConfinementOptions> = {}): EcmMasks {
  const mo = { ...ECM_CONFINEMENT_DEFAULTS, ...o };
  const { nx, nz } = p, m = nx * nz;
  if (!(Number.isInteger(mo.pipeWidth) && mo.pipeWidth >= 1 && mo.pipeWidth <= nx)) throw new Error(`ecmMasks: pipeWidth = ${mo.pipeWidth}: expected an integer in [1, nx = ${nx}]`);
  const hop = new Float64Array(m), bind = new Float64Array(m);
  if (kind === 'dislocation') {
    const lo = Math.floor(nx / 2) - Math.floor(mo.pipeWidth / 2);
    for (let k = 0; k < m; k++) { const i = k % nx; hop[k] = i >= lo && i < lo + mo.pipeWidth ? mo.ePipe : mo.eBulk; }
  } else {
    const r = new Rng(seed).stream('a-Si disorder');
    for (let k = 0; k < m; k++) { hop[k] = p.eHop; bind[k] = r.normal(0, mo.sigma); }
  }
  return { hop, bind };
}

/** The ECM cell as a sweepable device model (the copy carries the film and the anode ledger). */
export function ecmModel(p: EcmCellParams, masks: EcmMasks): DeviceModel<EcmCell> {
  return { make: (init) => new EcmCell(p, init, masks), copy: (src, dst) => dst.copyState(src) };
}

/** A study row: the shared CVs plus the many-ion forming floor and the mean post-RESET gap (sites). */
export interface EcmConfinementRow extends Omit<ConfinementRow, 'kind'> {
  kind: EcmKind;
  /** CV of V_form over `formRuns` fresh copies of the first device (a SET that grows the whole filament). */
  vFormFloor: number;
  /** Mean post-RESET gap in lattice sites. */
  gapOffSites: number;
}

/** Study settings: kinetic floor (SET sweeps from one post-RESET lattice) and forming floor run counts, per seed in floorSeeds. */
export interface EcmStudySettings { floorRuns: number; formRuns: number; floorSeeds: number[] }

/**
 * Cycle the given kinds over the same seeds and cycle count, with the kinetic floor and the
 * forming floor averaged over floorSeeds. Returns the rows and the raw statistics (per-cycle data).
 */
export function ecmConfinementStudy(p: EcmCellParams, kinds: EcmKind[], seeds: number[], nCycles: number, s: EcmStudySettings, o: SweepOptions = ECM_SWEEP, mo: Partial<EcmConfinementOptions> = {}, progress?: (msg: string) => void): { rows: EcmConfinementRow[]; stats: CycleStats[] } {
  const rows: EcmConfinementRow[] = [], stats: CycleStats[] = [];
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const kind of kinds) {
    const model = (seed: number) => ecmModel(p, ecmMasks(p, kind, seed, mo));
    const st = deviceStatistics(model, seeds, nCycles, o);
    const floor = avg(s.floorSeeds.map((seed) => deviceKineticSpread(model(seed), seed, s.floorRuns, o).cv));
    const form = avg(s.floorSeeds.map((seed) => deviceFormingSpread(model(seed), seed, s.formRuns, o).cv));
    progress?.(`ECM ${kind}: CV(V_set) c2c ${(100 * st.vSet.c2c).toFixed(1)} %, d2d ${(100 * st.vSet.d2d).toFixed(1)} %, kinetic floor ${(100 * floor).toFixed(1)} %, forming floor ${(100 * form).toFixed(1)} %`);
    rows.push({ ...confinementRow(kind, st, floor), vFormFloor: form, gapOffSites: st.gapOff.mean / p.a });
    stats.push(st);
  }
  return { rows, stats };
}
