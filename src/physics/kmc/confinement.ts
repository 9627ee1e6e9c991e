/**
 * Filament confinement (review §4, Figs. 11-12; models.md §10.3) as spatial masks on the VCM
 * lattice, and the variability study against the unconfined control:
 * - `dislocation`: one column (the threading-dislocation core; Ag filaments in SiGe, Choi et
 *   al., Nat. Mater. 17, 335 (2018); in oxides the switching filaments of SrTiO3 run along
 *   dislocations, Szot et al., Nat. Mater. 5, 312 (2006), whose cores are easy to reduce but
 *   not faster oxygen conductors, Marrocchelli et al., JACS 137, 4735 (2015) [recalled]) where
 *   the vacancy formation energy is lower by `drop` (default 0.6 eV): generation there is
 *   easier by `drop` and a vacancy in the core is bound by `drop` (hops out of it cost `drop`/2
 *   more, hops into it `drop`/2 less, so detailed balance holds); `pipe` (default 0) lowers the
 *   migration barrier along the core in addition;
 * - `dislocation-pipe`: the same core with a lowered migration barrier along it, `pipe` default
 *   0.4 eV (pipe diffusion, the "dislocation channel with a lowered migration barrier":
 *   0.8 eV along the core against 1.2 eV in the film, about the 0.5-0.7 ratio of pipe to
 *   lattice diffusion activation energies in metals). Measured: it widens the SET-voltage distribution (at RESET the
 *   vacancies below the rupture leave up the pipe; the SET then starts with a hop down the pipe,
 *   whose field lowering z q a E / 2 is small against the generation's), so the B1
 *   checks use `dislocation`;
 *   The dislocation stays on the VCM lattice although epiRAM is an Ag (ECM) device: a SET set
 *   off by one activated event has a Gumbel spread (pi/sqrt 6) kT/dE, dE = E0 - E_sw the part of
 *   the barrier the field removes at switching (E_sw = kT ln(nu kT / (dE/dV r)) ~ 0.6-0.7 eV at
 *   10 V/s). For VCM generation dE ~ 1.2 eV; the ECM lattice's Ag+ hop (0.7 eV, field coupling
 *   z q a / 2 = 0.25 e nm) needs almost none (dE < 0.1 eV), so its V_set would hardly be field-set;
 * - `nanocrystal`: a metal protrusion (w x h sites) on the bottom electrode (Cu nanocrystal /
 *   SiOx nanodot: local field enhancement);
 * - `nanopore`: the top electrode exchanges ions with the film only through `pore` central
 *   columns, while the (conducting) graphene layer keeps the electrical contact everywhere
 *   (nanopore in an ion-blocking graphene layer, Lee et al. 2016): generation, recombination and
 *   exchange need ionic contact, so the filament can only start, and widen, under the pore;
 * - `edge`: the top electrode contacts only the first `pore` columns (graphene-edge electrode).
 * @module physics/kmc/confinement
 */
import { Q } from '../../units/constants.js';
import type { VcmParams, VcmMasks } from './vcm-lattice.js';
import { cycleStatistics, kineticSpread, SWEEP_DEFAULTS, type SweepOptions } from './vcm-cycles.js';

/** Confinement kinds. */
export type ConfinementKind = 'control' | 'dislocation' | 'dislocation-pipe' | 'nanocrystal' | 'nanopore' | 'edge';

/** Mask options. */
export interface ConfinementOptions { drop?: number; pipe?: number; core?: number; pore?: number; dotWidth?: number; dotHeight?: number }

/** Build the masks of one confinement kind for a lattice. */
export function confinementMasks(p: VcmParams, kind: ConfinementKind, o: ConfinementOptions = {}): VcmMasks {
  const { nx, nz } = p;
  const m = nx * nz, c = Math.floor(nx / 2);
  if (kind === 'dislocation' || kind === 'dislocation-pipe') {
    const eaDrop = new Float64Array(m), trap = new Float64Array(m), genDrop = new Float64Array(m);
    const drop = o.drop ?? 0.6 * Q, pipe = o.pipe ?? (kind === 'dislocation-pipe' ? 0.4 * Q : 0);
    const w = o.core ?? 1, lo = c - Math.floor(w / 2);
    for (let j = 0; j < nz; j++) for (let i = lo; i < lo + w; i++) { eaDrop[j * nx + i] = pipe; trap[j * nx + i] = drop; genDrop[j * nx + i] = drop; }
    return { eaDrop, trap, genDrop };
  }
  if (kind === 'nanocrystal') {
    const metal = new Uint8Array(m);
    const w = o.dotWidth ?? 2, h = o.dotHeight ?? 2;
    for (let j = 0; j < h; j++) for (let i = c - Math.floor(w / 2); i < c - Math.floor(w / 2) + w; i++) metal[j * nx + i] = 1;
    return { metal };
  }
  if (kind === 'nanopore' || kind === 'edge') {
    const open = new Uint8Array(nx);
    const w = o.pore ?? 2;
    const lo = kind === 'edge' ? 0 : c - Math.floor(w / 2);
    for (let i = lo; i < lo + w && i < nx; i++) open[i] = 1;
    // nanopore: the graphene layer conducts everywhere but passes ions only through the pore;
    // graphene edge: the electrode itself (electrical and ionic contact) is the edge
    return kind === 'nanopore' ? { contact: new Uint8Array(nx).fill(1), ionic: open } : { contact: open };
  }
  return {};
}

/** CVs of one confinement kind over seeds x cycles, with the kinetic floor of V_set. */
export interface ConfinementRow {
  kind: ConfinementKind;
  vSetC2c: number; vSetD2d: number; vSetMean: number;
  /** Standard error of the C2C CV over the devices. */
  vSetC2cSe: number;
  vResetC2c: number; rOnC2c: number; rOffC2c: number; rOnD2d: number; rOffD2d: number;
  gapOffC2c: number; vFormMean: number; vFormD2d: number;
  /** CV of V_set over `floorRuns` SET sweeps from the first device's post-RESET lattice (kineticSpread). */
  vSetFloor: number;
  failed: number; events: number;
}

/** Statistics of deviceStatistics / cycleStatistics. */
export type CycleStats = ReturnType<typeof cycleStatistics>;

/** One study row from a kind's cycle statistics and its kinetic floor (shared by the VCM and ECM studies). */
export function confinementRow<K extends string>(kind: K, st: CycleStats, vSetFloor: number): Omit<ConfinementRow, 'kind'> & { kind: K } {
  return {
    kind, vSetC2c: st.vSet.c2c, vSetC2cSe: st.vSet.c2cSe, vSetD2d: st.vSet.d2d, vSetMean: st.vSet.mean, vResetC2c: st.vReset.c2c,
    rOnC2c: st.rOn.c2c, rOffC2c: st.rOff.c2c, rOnD2d: st.rOn.d2d, rOffD2d: st.rOff.d2d,
    gapOffC2c: st.gapOff.c2c, vFormMean: st.vForm.mean, vFormD2d: st.vForm.d2d, vSetFloor,
    failed: st.vSet.failed + st.vReset.failed, events: st.events,
  };
}

/** Run the variability study for the given kinds with the same seeds and cycle count. */
export function confinementStudy(p: VcmParams, kinds: ConfinementKind[], seeds: number[], nCycles: number, o: SweepOptions = SWEEP_DEFAULTS, mo: ConfinementOptions = {}, progress?: (msg: string) => void, floorRuns = 24): ConfinementRow[] {
  return kinds.map((kind) => {
    const st = cycleStatistics(p, seeds, nCycles, o, () => confinementMasks(p, kind, mo));
    const floor = kineticSpread(p, seeds[0], floorRuns, o, confinementMasks(p, kind, mo));
    progress?.(`confinement ${kind}: CV(V_set) c2c ${(100 * st.vSet.c2c).toFixed(1)} %, d2d ${(100 * st.vSet.d2d).toFixed(1)} %, kinetic floor ${(100 * floor.cv).toFixed(1)} %`);
    return confinementRow(kind, st, floor.cv);
  });
}
