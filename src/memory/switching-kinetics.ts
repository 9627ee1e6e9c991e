/**
 * `switching-kinetics`: the voltage-time relation of SET and RESET. From the reference HRS
 * (for SET) or LRS (for RESET), a rectangular pulse of amplitude V is applied for up to tMax;
 * an event on the read conductance locates the time t_sw(V) at which G crosses the
 * log-midpoint sqrt(G_HRS G_LRS). The energy per switching event is the source energy
 * integral of V I up to t_sw (solved as an ODE unknown). For the rated write voltages the
 * shortest switching rectangular pulse is also found by bisection on the width with a read
 * after a rest of `restFactor` widths at 0 V, which differs from t_sw when the state keeps
 * moving (or relaxes back) after the pulse ends.
 *
 * The pulse amplitude x width map (widths per decade from wMin to tMax) is derived from
 * t_sw: a pulse of width w at V switches iff w >= t_sw(V). That is exact for first-order
 * models with no dynamics at 0 V; the bisection at the rated voltages checks it.
 * @module memory/switching-kinetics
 */
import type { MemoryProtocol, OptionDef, Curve } from './protocol.js';
import { resolveOptions, metric, cleanOptions } from './protocol.js';
import { driveOf, preparedCell } from './program.js';
import { Cell } from './cell.js';
import { Pwl } from '../stimulus/waveform.js';
import { linearFit } from '../math/stats.js';
import type { Metric } from '../experiment/run.js';

const OPTIONS: readonly OptionDef[] = [
  { name: 'vSet', dim: 'voltage', unit: 'V', meaning: 'rated SET voltage (default: the preset sweep vSet)' },
  { name: 'vReset', dim: 'voltage', unit: 'V', meaning: 'rated RESET voltage (default: the preset sweep vReset)' },
  { name: 'vRead', dim: 'voltage', unit: 'V', meaning: 'read voltage (default: the preset sweep vRead)' },
  { name: 'scale', dim: 'dimensionless', unit: '1', list: true, default: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.15, 1.3, 1.5], min: 0.01, max: 10, meaning: 'amplitudes swept, as multiples of the rated voltages' },
  { name: 'tMax', dim: 'time', unit: 's', default: 1, min: 1e-12, max: 1e6, meaning: 'longest pulse (no switch within it: t_sw = NaN)' },
  { name: 'wMin', dim: 'time', unit: 's', default: 1e-12, min: 1e-15, max: 1, meaning: 'shortest pulse width of the map' },
  { name: 'restFactor', dim: 'dimensionless', unit: '1', default: 10, min: 0, max: 1e6, meaning: 'rest at 0 V after a bisection pulse, in pulse widths, before the read' },
  { name: 'start', dim: 'dimensionless', unit: '1', default: 0, choices: ['saturated', 'preset'], meaning: 'SET starts from the saturated HRS or from the preset initial state (for models whose window locks at the bound)' },
  { name: 'gThreshold', dim: 'conductance', unit: 'S', min: 0, meaning: 'read conductance that counts as switched (default: sqrt(G_HRS G_LRS) of the saturated references)' },
  { name: 'bisections', dim: 'dimensionless', unit: '1', default: 24, min: 0, max: 60, integer: true, meaning: 'bisection steps on the pulse width at the rated voltages' },
];

/** Smallest G_LRS / G_HRS of the references for which switching times are measured. */
export const MIN_WINDOW = 2;

/** One direction's sweep result. */
export interface KineticsSweep {
  v: number[];
  t: number[];
  energy: number[];
}

/** t_sw and energy at each voltage from the given start state. */
export function sweepKinetics(cell: Cell, start: Float64Array, volts: number[], gTh: number, dir: 1 | -1, vRead: number, tMax: number): KineticsSweep {
  const t: number[] = [], energy: number[] = [];
  for (const v of volts) {
    cell.restore(start);
    const r = cell.apply(new Pwl([0, tMax], [v, v]), { stop: { g: gTh, direction: dir }, vRead });
    t.push(r.crossed ? r.t : NaN);
    energy.push(r.crossed ? r.energy[0] : NaN);
  }
  return { v: volts, t, energy };
}

/**
 * Shortest rectangular pulse at v that leaves G past gTh after a rest, by bisection in ln w.
 * @returns NaN when even tMax does not switch
 */
export function shortestPulse(cell: Cell, start: Float64Array, v: number, gTh: number, dir: 1 | -1, vRead: number, tMax: number, guess: number, restFactor: number, steps: number): number {
  const switches = (w: number): boolean => {
    cell.restore(start);
    const rest = restFactor * w;
    const wave = rest > 0 ? new Pwl([0, w, w, w + rest], [v, v, 0, 0]) : new Pwl([0, w], [v, v]);
    const r = cell.apply(wave);
    if (r.status !== 'ok') return false;
    const g = cell.read(vRead)[0];
    return dir > 0 ? g >= gTh : g <= gTh;
  };
  let hi = Number.isFinite(guess) ? guess * 2 : tMax;
  let lo = Number.isFinite(guess) ? guess / 8 : 1e-15;
  while (!switches(hi)) { if (hi >= tMax) return NaN; hi = Math.min(tMax, hi * 8); }
  while (switches(lo) && lo > 1e-15) { hi = lo; lo /= 8; }
  for (let k = 0; k < steps; k++) {
    const mid = Math.sqrt(lo * hi);
    if (switches(mid)) hi = mid; else lo = mid;
  }
  return hi;
}

/** Exponential fit ln t = a + b V over the finite points: volts per decade of t. */
function voltsPerDecade(v: number[], t: number[]): number {
  const xs: number[] = [], ys: number[] = [];
  v.forEach((x, k) => { if (Number.isFinite(t[k]) && t[k] > 0) { xs.push(Math.abs(x)); ys.push(Math.log10(t[k])); } });
  if (xs.length < 3) return NaN;
  return -1 / linearFit(xs, ys).slope;
}

function interpLog(v: number[], t: number[], at: number): number {
  for (let k = 0; k < v.length; k++) if (Math.abs(v[k] - at) < 1e-12 * Math.abs(at)) return t[k];
  return NaN;
}

export const switchingKinetics: MemoryProtocol = {
  name: 'switching-kinetics',
  summary: 'time and energy to SET / RESET vs pulse amplitude (voltage-time dilemma), shortest switching pulse',
  options: OPTIONS,
  run(ref, raw = {}, seed = 1) {
    const o = resolveOptions(OPTIONS, raw);
    const drive = driveOf(ref, { vSet: o.vSet as number | undefined, vReset: o.vReset as number | undefined, vRead: o.vRead as number | undefined });
    const { cell, refs } = preparedCell(ref, drive, { seed });
    const scale = o.scale as number[], tMax = o.tMax as number;
    const vs = scale.map((s) => s * drive.vSet), vr = scale.map((s) => s * drive.vReset);
    const setStart = o.start === 1 ? new Cell(ref, { seed }).x : refs.xHrs;
    if (o.gThreshold !== undefined) refs.gMid = o.gThreshold as number;
    // references that did not switch (window below MIN_WINDOW) give no meaningful threshold
    const degenerate = o.gThreshold === undefined && !(refs.gLrs > MIN_WINDOW * refs.gHrs);
    const none = { v: vs, t: vs.map(() => NaN), energy: vs.map(() => NaN) };
    const set = degenerate ? none : sweepKinetics(cell, setStart, vs, refs.gMid, 1, drive.vRead, tMax);
    const reset = degenerate ? { ...none, v: vr } : sweepKinetics(cell, refs.xLrs, vr, refs.gMid, -1, drive.vRead, tMax);
    const tSet = interpLog(set.v, set.t, drive.vSet), tReset = interpLog(reset.v, reset.t, drive.vReset);
    const steps = o.bisections as number, rf = o.restFactor as number;
    const pSet = degenerate ? NaN : shortestPulse(cell, setStart, drive.vSet, refs.gMid, 1, drive.vRead, tMax, tSet, rf, steps);
    const pReset = degenerate ? NaN : shortestPulse(cell, refs.xLrs, drive.vReset, refs.gMid, -1, drive.vRead, tMax, tReset, rf, steps);
    const eSet = interpLog(set.v, set.energy, drive.vSet), eReset = interpLog(reset.v, reset.energy, drive.vReset);
    const metrics: Record<string, Metric> = {
      vSet: metric(drive.vSet, 'V', 'rated SET voltage'),
      vReset: metric(drive.vReset, 'V', 'rated RESET voltage'),
      gHrs: metric(refs.gHrs, 'S', 'reference HRS conductance at the read voltage'),
      gLrs: metric(refs.gLrs, 'S', 'reference LRS conductance at the read voltage'),
      tSet: metric(tSet, 's', 'time for G to cross sqrt(G_HRS G_LRS) under a constant rated SET voltage'),
      tReset: metric(tReset, 's', 'time for G to cross sqrt(G_HRS G_LRS) under a constant rated RESET voltage'),
      pulseSet: metric(pSet, 's', 'shortest rectangular SET pulse that leaves G above the midpoint after a rest'),
      pulseReset: metric(pReset, 's', 'shortest rectangular RESET pulse that leaves G below the midpoint after a rest'),
      energySet: metric(eSet, 'J', 'source energy up to the SET crossing at the rated voltage'),
      energyReset: metric(eReset, 'J', 'source energy up to the RESET crossing at the rated voltage'),
      setVoltsPerDecade: metric(voltsPerDecade(set.v, set.t), 'V', 'SET voltage increase that shortens t_sw tenfold (exponential fit)'),
      resetVoltsPerDecade: metric(voltsPerDecade(reset.v, reset.t), 'V', 'RESET voltage magnitude increase that shortens t_sw tenfold'),
    };
    const absV = scale.map((s) => s * Math.abs(drive.vSet));
    const curves: Record<string, Curve> = {
      time: { title: 'Time to switch vs pulse amplitude', x: absV, xLabel: '|V| (multiples of rated SET voltage)', xUnit: 'V', logY: true, yUnit: 's', series: { SET: set.t, RESET: reset.t } },
      energy: { title: 'Energy per switching event', x: absV, xLabel: '|V|', xUnit: 'V', logY: true, yUnit: 'J', series: { SET: set.energy, RESET: reset.energy } },
    };
    const widths: number[] = [];
    for (let w = o.wMin as number; w <= tMax * (1 + 1e-9); w *= 10) widths.push(w);
    const map: Record<string, number[]> = {};
    set.v.forEach((v, k) => { map[`SET ${v.toPrecision(3)} V`] = widths.map((w) => (w >= set.t[k] ? 1 : 0)); });
    curves.map = { title: 'SET switched (1) or not (0) vs pulse width, per amplitude (derived from t_sw)', x: widths, xLabel: 'pulse width', xUnit: 's', logX: true, yUnit: '1', series: map };
    const notes = [
      `t_sw is the event time at which G(vRead = ${drive.vRead} V) crosses sqrt(G_HRS G_LRS) = ${refs.gMid.toExponential(3)} S under a constant voltage.`,
      'The amplitude x width map is derived from t_sw (exact for first-order models with no dynamics at 0 V); the bisection at the rated voltages checks the pulse with a rest before the read.',
    ];
    if (degenerate) notes.push(`the reference states did not switch (G_LRS / G_HRS = ${(refs.gLrs / refs.gHrs).toPrecision(3)} < ${MIN_WINDOW} after saturating at ${drive.vSet} / ${drive.vReset} V): no switching times`);
    if (Number.isFinite(pSet) && Number.isFinite(tSet) && Math.abs(pSet / tSet - 1) > 0.05) notes.push(`the shortest SET pulse (${pSet.toExponential(3)} s) differs from t_sw (${tSet.toExponential(3)} s): the state moves after the pulse`);
    return { protocol: 'switching-kinetics', device: ref.preset?.id ?? ref.model.id, metrics, curves, notes, options: cleanOptions({ ...o, vSet: drive.vSet, vReset: drive.vReset, vRead: drive.vRead }) };
  },
};
