/**
 * Switching cycles of a lattice KMC device (VCM lattice, ECM cell): forming, then RESET / SET
 * voltage sweeps (staircase of dV steps at a fixed ramp rate), with switching voltages and
 * resistances per cycle, the cycle-to-cycle / device-to-device statistics over seeded devices,
 * and the kinetic floor of the SET voltage (SET sweeps from copies of one post-RESET lattice).
 * Any device with the {@link SweepDevice} interface can be cycled.
 * @module physics/kmc/switching-cycles
 */
import { Rng } from '../../rng/rng.js';
import { cv, mean } from '../../math/stats.js';

/**
 * A lattice device that can be swept: solveFields(v) sets the source voltage (series resistor and
 * compliance inside) and rebuilds the rates; advance runs events at that voltage; bridged() is the
 * topological ON criterion (a conducting path joins the electrodes); ruptured(), when present,
 * the RESET criterion (default: not bridged; the ECM cell counts an ion still sitting in the
 * break, which re-reduces at once, as unbroken); g the device conductance at the last field
 * solve (S); filamentGap() the tunnelling gap (m).
 */
export interface SweepDevice {
  readonly t: number; readonly g: number; readonly events: number;
  solveFields(vSource: number): void;
  advance(duration: number, rng: Rng, maxEvents?: number): number;
  bridged(): boolean;
  ruptured?(): boolean;
  filamentGap(): number;
}

/** How to make a device from its initialisation stream and copy one device's state into another. */
export interface DeviceModel<D extends SweepDevice> { make(init: Rng): D; copy(src: D, dst: D): void }

/**
 * Sweep settings: ramp rate (V/s) realised as a staircase of dV steps whose rates are those of
 * the step's mid voltage (the fields are an exact rescaling between occupancy changes, so a step
 * costs one rate refresh); `tHold` (s) the time the SET sweep keeps its voltage after the
 * switching event, under the compliance (self-limited filament growth); `vResetStop` (V) the
 * magnitude the RESET sweep continues to after the rupture (a fixed stop voltage, as in a
 * measured DC sweep: it sets the gap length, review Fig. 8j,k). SET and RESET are detected
 * topologically (a vacancy or metal path joins the electrodes, or no longer does), not by a
 * conductance threshold. dV must be small against the width kT / (dE_a/dV) of the switching-
 * voltage distribution of one activated event (~10-30 mV here, see rampUntil): a 40 mV staircase
 * added its own scatter and made the rates lag the ramp.
 */
export interface SweepOptions { rate: number; dV: number; vForm: number; vSetMax: number; vResetMax: number; tHold: number; vResetStop: number }

/** Defaults: 10 V/s staircase of 5 mV steps; 20 ms hold under compliance after SET; RESET swept on to -1.5 V (about 3x the mean rupture voltage, as a DC sweep runs well past the RESET) */
export const SWEEP_DEFAULTS: SweepOptions = { rate: 10, dV: 0.005, vForm: 6, vSetMax: 4, vResetMax: 3, tHold: 0.02, vResetStop: 1.5 };

/** One cycle's outcome (NaN when the switch did not happen within the sweep). */
export interface CycleRecord { vSet: number; vReset: number; rOn: number; rOff: number; gapOff: number }

/**
 * Ramp of sign `sign` until `done()` holds; returns the ramp voltage at the switching event or
 * NaN. The lattice topology is checked after every event, and the switching voltage is the ramp
 * voltage at the event time (step [v - dV, v] run at the rates of v - dV/2), so it is not
 * quantized to dV. For one activated event of rate nu exp(-(E0 - alpha V)/kT) the switching
 * voltage on a ramp of rate r is Gumbel-distributed: mean (kT/alpha)(ln(alpha r/(nu kT)) + E0/kT
 * - 0.5772), standard deviation (pi/sqrt 6) kT/alpha (tested).
 */
function rampUntil(d: SweepDevice, rng: Rng, vFrom: number, vMax: number, o: SweepOptions, sign: number, done: () => boolean): number {
  for (let v = vFrom + o.dV; v <= vMax + 1e-12; v += o.dV) {
    d.solveFields(sign * (v - 0.5 * o.dV));
    const t0 = d.t, tEnd = t0 + o.dV / o.rate;
    if (done()) return sign * (v - o.dV);
    while (d.advance(tEnd - d.t, rng, 1) > 0) if (done()) return sign * (v - o.dV + o.rate * (d.t - t0));
  }
  return NaN;
}

/**
 * Positive sweep until a vacancy (or metal) path bridges the electrodes through a contact; then
 * holds that voltage for tHold under the compliance. A filament that breaks again during the
 * hold does not count: the sweep goes on from there (as a DC sweep would). Returns the switching
 * voltage of the filament that survives the hold, or NaN.
 */
export function setSweep(d: SweepDevice, rng: Rng, vMax: number, o: SweepOptions): number {
  let from = 0;
  for (;;) {
    const v = rampUntil(d, rng, from, vMax, o, 1, () => d.bridged());
    if (!Number.isFinite(v) || o.tHold <= 0) return v;
    d.solveFields(v); d.advance(o.tHold, rng);
    if (d.bridged()) return v;
    from = Math.floor(v / o.dV) * o.dV;
  }
}

/** Negative sweep until no conducting path bridges the electrodes; returns the switching voltage or NaN. */
export function resetSweep(d: SweepDevice, rng: Rng, vMax: number, o: SweepOptions): number {
  const v = rampUntil(d, rng, 0, vMax, o, -1, d.ruptured ? () => d.ruptured!() : () => !d.bridged());
  if (Number.isFinite(v)) for (let u = Math.ceil(-v / o.dV - 1e-9) * o.dV; u <= o.vResetStop + 1e-12; u += o.dV) { d.solveFields(-(u - 0.5 * o.dV)); d.advance(o.dV / o.rate, rng); }
  return v;
}

/** Read resistance at 0.1 V (Ohm). */
export function readR(d: SweepDevice): number { d.solveFields(0.1); return 1 / d.g; }

/** Forming then nCycles RESET/SET cycles of one device (made from the seed's 'init' stream; events from its 'kmc' stream). */
export function deviceCycles<D extends SweepDevice>(model: DeviceModel<D>, seed: number, nCycles: number, o: SweepOptions = SWEEP_DEFAULTS): { vForm: number; cycles: CycleRecord[]; events: number } {
  const root = new Rng(seed);
  const d = model.make(root.stream('init'));
  const rng = root.stream('kmc');
  const vForm = setSweep(d, rng, o.vForm, o);
  const cycles: CycleRecord[] = [];
  for (let c = 0; c < nCycles; c++) {
    const vReset = resetSweep(d, rng, o.vResetMax, o);
    const rOff = readR(d);
    const gapOff = d.filamentGap();
    const vSet = setSweep(d, rng, o.vSetMax, o);
    const rOn = readR(d);
    cycles.push({ vSet, vReset, rOn, rOff, gapOff });
  }
  return { vForm, cycles, events: d.events };
}

/**
 * Coefficients of variation: C2C = mean over devices of the within-device CV (c2cSe its standard
 * error over the devices); D2D = CV of device means.
 */
export interface VariabilityStats { c2c: number; c2cSe: number; d2d: number; mean: number; n: number; failed: number }

/** Variability of one quantity over devices x cycles (NaN entries counted as failures). */
export function variability(data: number[][]): VariabilityStats {
  const perDev: number[] = [], cvs: number[] = [];
  let failed = 0, n = 0;
  for (const row of data) {
    const ok = row.filter((x) => Number.isFinite(x));
    failed += row.length - ok.length; n += ok.length;
    if (ok.length >= 2) { cvs.push(cv(ok.map(Math.abs))); perDev.push(mean(ok.map(Math.abs))); }
  }
  const c2c = cvs.length ? mean(cvs) : NaN;
  const c2cSe = cvs.length >= 2 ? Math.sqrt(cvs.reduce((a, x) => a + (x - c2c) ** 2, 0) / (cvs.length - 1) / cvs.length) : NaN;
  return { c2c, c2cSe, d2d: perDev.length >= 2 ? cv(perDev) : NaN, mean: perDev.length ? mean(perDev) : NaN, n, failed };
}

/** Run seeded devices (model per seed) for nCycles each and collect V_set, V_reset, R_on, R_off variability. */
export function deviceStatistics<D extends SweepDevice>(modelFor: (seed: number) => DeviceModel<D>, seeds: number[], nCycles: number, o: SweepOptions = SWEEP_DEFAULTS) {
  const runs = seeds.map((s) => deviceCycles(modelFor(s), s, nCycles, o));
  const col = (f: (c: CycleRecord) => number) => runs.map((r) => r.cycles.map(f));
  return {
    runs,
    vSet: variability(col((c) => c.vSet)), vReset: variability(col((c) => c.vReset)),
    rOn: variability(col((c) => c.rOn)), rOff: variability(col((c) => c.rOff)), gapOff: variability(col((c) => c.gapOff)),
    vForm: { mean: mean(runs.map((r) => r.vForm).filter(Number.isFinite)), d2d: cv(runs.map((r) => r.vForm).filter(Number.isFinite)), failed: runs.filter((r) => !Number.isFinite(r.vForm)).length },
    events: runs.reduce((a, r) => a + r.events, 0),
  };
}

/**
 * Kinetic floor of the SET voltage: forming and one RESET of device `seed`, then `nRuns` SET
 * sweeps (no hold) from copies of that same post-RESET lattice with independent random streams.
 * The geometry is identical in every run, so its CV is the spread no confinement can remove.
 * When one activated event triggers the SET (the rest follows as a field runaway: each site the
 * filament gains shortens the gap) it is (pi / sqrt 6) kT / dE, dE the field lowering of that
 * event's barrier at switching (see rampUntil for the Gumbel law): ~2.5 % for the bulk
 * generation barrier of the VCM lattice, larger where the barrier is lower. When many
 * similar-rate events are needed it shrinks roughly as 1 / sqrt(their number).
 */
export function deviceKineticSpread<D extends SweepDevice>(model: DeviceModel<D>, seed: number, nRuns: number, o: SweepOptions = SWEEP_DEFAULTS): { vSet: number[]; mean: number; cv: number; gapOff: number } {
  const root = new Rng(seed);
  const d = model.make(root.stream('init'));
  const rng = root.stream('kmc');
  setSweep(d, rng, o.vForm, o);
  resetSweep(d, rng, o.vResetMax, o);
  const gapOff = d.filamentGap();
  const noHold = { ...o, tHold: 0 };
  const vSet: number[] = [];
  for (let r = 0; r < nRuns; r++) {
    const c = model.make(root.stream('copy'));
    model.copy(d, c);
    vSet.push(setSweep(c, root.stream(`floor-${r}`), o.vSetMax, noHold));
  }
  const ok = vSet.filter(Number.isFinite);
  return { vSet, mean: mean(ok), cv: ok.length >= 2 ? cv(ok) : NaN, gapOff };
}

/**
 * Spread of the forming voltage over nRuns fresh copies of one device (same model, e.g. the same
 * disorder realisation; independent event streams; no hold): the many-event floor of a SET that
 * has to grow the whole filament, to compare with the post-RESET kinetic floor.
 */
export function deviceFormingSpread<D extends SweepDevice>(model: DeviceModel<D>, seed: number, nRuns: number, o: SweepOptions = SWEEP_DEFAULTS): { vForm: number[]; mean: number; cv: number } {
  const root = new Rng(seed);
  const noHold = { ...o, tHold: 0 };
  const vForm: number[] = [];
  for (let r = 0; r < nRuns; r++) vForm.push(setSweep(model.make(root.stream('init')), root.stream(`form-${r}`), o.vForm, noHold));
  const ok = vForm.filter(Number.isFinite);
  return { vForm, mean: mean(ok), cv: ok.length >= 2 ? cv(ok) : NaN };
}
