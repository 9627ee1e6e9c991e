/**
 * `nanoionics filament ... --handoff MODEL`: fit a catalogue compact model to a physics run
 * and write a preset for arrays and networks. The command line composes the two layers
 * (physics may not import fit):
 *
 * - KMC cycles (`--model kmc --protocol cycles`): the compact model is fitted to the mean
 *   V_set, V_reset, ln R_on, ln R_off of all cycles (fit/switching-fit: one simulated
 *   RESET/SET triangle at the KMC's sweep rate and series resistance; residuals in units of
 *   the physics run's own spread). Start: the moment-matched extraction (physics/kmc/handoff)
 *   for stanford-pku. C2C / D2D spreads of R_on and R_off are mapped onto parameter spreads
 *   (fit/variability, first order).
 * - Continuum SET run (`--model continuum --protocol set`): the compact model is fitted to the
 *   I-V of the post-forming RESET / SET / RESET sweeps (fit/fit, asinh residuals, the device
 *   voltage of the physics run replayed without series resistance or compliance).
 *   Start: i0 from R_on and g_max from R_off / R_on (the same moment matching).
 * Physics SET polarity is positive; a model with SET at negative voltage would see the mirrored
 * run (V -> -V, I -> -I). Only stanford-pku has a recipe: jart-vcm was tried on the continuum
 * run and took 310 s for a fit that did not reproduce the SET (R^2 < 0), so it is not offered.
 * @module cli/commands/filament-handoff
 */
import { mean, std } from '../../math/stats.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DeviceModel, Preset } from '../../devices/contract.js';
import { getModel, getPreset } from '../../devices/catalogue.js';
import { presetFromData } from '../../devices/preset-file.js';
import { resolveDevice } from '../../experiment/device-spec.js';
import {
  FIT_DEFAULTS, fitModel, freeParams, fitSwitching, switchingSweepData, observedSpreads, mapSpreads, sensitivity, Replay,
  presetDocument, fitReportHtml, sig6, type FitSettings, type DataSet, type SwitchingTargets, type SwitchingSweep, type CycleTable, type SwitchingValues,
} from '../../fit/index.js';
import { stanfordHandoff } from '../../physics/kmc/handoff.js';
import { UsageError } from '../args.js';
import { writeAtomic, toJson } from '../io.js';
import { specContext } from '../context.js';

/** How one compact model is handed off. */
interface Recipe {
  basePreset: string;
  /** Free parameters (with bounds where the schema range is too wide) of the statistics fit (KMC) and of the I-V fit (continuum), for film thickness tox. */
  free(kind: 'stats' | 'iv', tox: number): string[];
  /** Quantity -> parameter pairs for the spreads. */
  spreads: Array<{ quantity: 'ron' | 'roff'; param: string }>;
  /** Moment-matched start from LRS / HRS resistance and film thickness (physics values). */
  start(rOn: number, rOff: number, thickness: number): Record<string, number>;
}

const G0 = 0.25e-9, V0 = 0.25, GMIN = 0.2e-9;
const RECIPES: Record<string, Recipe> = {
  'stanford-pku': {
    basePreset: 'stanford-hfox-v1',
    // g_max between 1.25 g_min and 0.9 t_ox (a gap cannot exceed the film)
    // on a slow sweep V_set is a kinetic threshold: the gap velocity v0 exp(-Ea/kT) sinh(u)
    // reaches gap / (sweep time) about where u = gamma a0 q V/(t_ox kT) is large, so vel0
    // (over decades) sets V_set at fixed gamma0, gamma0r then sets V_reset; i0 sets R_on,
    // g_max sets R_off
    free: (kind, tox) => ['i0', `gmax=${1.25 * GMIN}:${0.9 * tox}`, 'vel0=1e-12:1e5', 'gamma0r', ...(kind === 'iv' ? ['gamma0', 'v0', 'rth=1e5:1e8'] : [])],
    spreads: [{ quantity: 'ron', param: 'i0' }, { quantity: 'roff', param: 'gmax' }],
    // R_on = V0 exp(g_min/g0) / I0 at low bias; R_off / R_on = exp((g_max - g_min)/g0); the
    // gap normalisation g1 follows g_max (with the v1.0.0 g1 = 1 nm, gamma = gamma0 - beta (g/g1)^3
    // turns negative for gaps above 2.7 nm and the gap would grow under SET bias)
    start: (rOn, rOff, tox) => {
      const gmax = Math.min(Math.max(GMIN + G0 * Math.log(Math.max(rOff / rOn, 1.01)), 0.3e-9), 0.9 * tox);
      return { tox, i0: (V0 * Math.exp(GMIN / G0)) / rOn, gmax, g1: gmax, gini: GMIN };
    },
  },
};

/** The compact models a physics run can be handed off to. */
export const HANDOFF_MODELS = Object.keys(RECIPES);

/** Physics switching data of a KMC cycles run (per device, per cycle; V_reset negative). */
export interface KmcHandoffInput {
  devices: number[];
  vSet: number[][]; vReset: number[][]; rOn: number[][]; rOff: number[][];
  gapOffMean: number;
  thickness: number; lattice: number; rSeries: number; rate: number; vResetStop: number; vSetMax: number;
}

/** Physics I-V of a continuum SET run. */
export interface ContinuumHandoffInput {
  /** Time, source voltage, device voltage and current columns of the run. */
  t: ArrayLike<number>; vs: ArrayLike<number>; v: ArrayLike<number>; i: ArrayLike<number>;
  /** Hottest-cell temperature of each row (K) and the ambient temperature (K). */
  tMax: ArrayLike<number>; t0: number;
  /** Start time of the post-forming sweeps (s). */
  tFormed: number;
  /** Breakpoint times of the run's waveform: 0, forming top, formed, RESET top, ..., end (s). */
  segments: number[];
  metrics: { vSet: number; vReset: number; rOn: number; rOff: number };
  thickness: number;
  /** SET compliance of the run (A). */
  compliance: number;
}

function recipe(model: string): { recipe: Recipe; model: DeviceModel; preset: Preset; pol: 1 | -1 } {
  const r = RECIPES[model];
  if (!r) throw new UsageError(`--handoff ${model}: expected one of ${HANDOFF_MODELS.join(', ')}`);
  const preset = getPreset(r.basePreset)!;
  const m = getModel(preset.model)!;
  return { recipe: r, model: m, preset, pol: m.setPolarity === -1 ? -1 : 1 };
}


/**
 * Pooled mean and standard deviation over all cycles (ln for resistances), with floors: half
 * the KMC staircase step (20 mV) for voltages, 0.01 in ln R, so that a run whose cycles all agree
 * still gives a finite residual scale.
 */
function target(rows: number[][], log: boolean, flip = 1): { mean: number; sd: number } {
  const x = rows.flat().filter((y) => Number.isFinite(y) && (!log || y > 0)).map((y) => (log ? Math.log(y) : flip * y));
  return { mean: mean(x), sd: Math.max(std(x), log ? 0.01 : 0.02) };
}

function rowOf(name: string, phys: string, start: number, fitted: number, unit: string): Record<string, unknown> {
  return { quantity: name, physics: phys, compactStart: sig6(start), compactFitted: sig6(fitted), unit };
}

function sha(text: string): string { return createHash('sha256').update(text).digest('hex'); }

/** Write the preset and check that it loads as a --device / spec preset file; returns the path. */
function writePreset(out: string, doc: Record<string, unknown>): string {
  const path = join(out, `${String(doc.id)}.json`);
  presetFromData(doc, path);
  writeAtomic(path, toJson(doc));
  resolveDevice({ preset: path }, '--handoff', specContext());
  return path;
}

/** Hand-off of a KMC cycles run: statistics fit. */
export function handoffKmc(modelId: string, k: KmcHandoffInput, out: string | undefined, csvText: string, settings: Partial<FitSettings> = {}): Record<string, unknown> {
  const { recipe: r, model, preset, pol } = recipe(modelId);
  const tg = { vset: target(k.vSet, false), vreset: target(k.vReset, false), ron: target(k.rOn, true), roff: target(k.rOff, true) };
  const targets: SwitchingTargets = tg;
  const finite = k.vSet.flat().filter(Number.isFinite);
  const sweep: SwitchingSweep = { vReset: k.vResetStop, vSet: Math.min(k.vSetMax, Math.max(...finite) + 0.5), rate: k.rate, dV: 0.02, polarity: pol };
  const rOnMean = Math.exp(tg.ron.mean), rOffMean = Math.exp(tg.roff.mean);
  const start: Record<string, number> = { ...r.start(rOnMean, rOffMean, k.thickness) };
  if (modelId === 'stanford-pku') {
    // the moment-matched extraction of the physics layer (gap mean from the lattice)
    const mm = stanfordHandoff({ gapOff: { mean: k.gapOffMean, c2c: NaN, c2cSe: NaN, d2d: NaN, n: 0, failed: 0 }, rOn: { mean: rOnMean, c2c: NaN, c2cSe: NaN, d2d: NaN, n: 0, failed: 0 }, thickness: k.thickness, lattice: k.lattice });
    start.gmax = mm.set.gmax; start.i0 = mm.set.i0; start.tox = mm.set.tox; start.g1 = mm.set.gmax;
  }
  const st: FitSettings = { ...FIT_DEFAULTS, generations: 30, lmIterations: 60, vRead: 0.1 * pol, series: k.rSeries, ...settings };
  const base = { model, preset, set: start };
  const startValues = new Replay(base, switchingSweepData(sweep), st).startValues;
  const free = freeParams(model, r.free('stats', k.thickness), startValues, 2);
  const fit = fitSwitching(base, sweep, targets, free, st);
  // spreads: observed C2C / D2D of R_on, R_off mapped through d ln Q / d ln p of the fitted model
  const table: CycleTable = {
    name: 'cycles.csv', cycle: Int32Array.from(k.vSet.flatMap((row) => row.map((_, c) => c + 1))), device: k.vSet.flatMap((row, d) => row.map(() => String(k.devices[d]))),
    vset: Float64Array.from(k.vSet.flat()), vreset: Float64Array.from(k.vReset.flat()), ron: Float64Array.from(k.rOn.flat()), roff: Float64Array.from(k.rOff.flat()),
  };
  const observed = observedSpreads(table);
  const replay = new Replay({ model }, switchingSweepData(sweep), st);
  const mapping = r.spreads.map((p) => ({ ...p, sensitivity: sensitivity(replay, fit.values, model.params.findIndex((q) => q.name === p.param), p.quantity, 1) }));
  const spreads = mapSpreads(observed, mapping);
  const sd = (t: { mean: number; sd: number }, log: boolean) => (log ? `${sig6(Math.exp(t.mean))} (sd of ln ${t.sd.toFixed(3)})` : `${t.mean.toFixed(3)} +- ${t.sd.toFixed(3)}`);
  const comparison = [
    rowOf('V_set', sd(tg.vset, false), fit.start.vset, fit.fitted.vset, 'V'),
    rowOf('V_reset', sd(tg.vreset, false), fit.start.vreset, fit.fitted.vreset, 'V'),
    rowOf('R_on', sd(tg.ron, true), fit.start.ron, fit.fitted.ron, 'Ohm'),
    rowOf('R_off', sd(tg.roff, true), fit.start.roff, fit.fitted.roff, 'Ohm'),
  ];
  const id = `handoff-kmc-${modelId}`;
  const files = [{ file: 'cycles.csv', kind: 'cycles', sha256: sha(csvText), rows: table.cycle.length }];
  const doc = presetDocument({ id, model, basePreset: preset.id, values: fit.values, files, spreads, observed, sweep: { vSet: pol * sweep.vSet, vReset: -pol * sweep.vReset, period: (2 * sweep.vReset + 2 * sweep.vSet) / sweep.rate, vRead: 0.1 * pol } });
  doc.title = `${model.title}: hand-off from a KMC VCM cycles run`;
  doc.citation = `nanoionics filament --model kmc --protocol cycles (${k.devices.length} devices x ${k.vSet[0]?.length ?? 0} cycles, physics/kmc); no measurement`;
  doc.fittedTo = `mean V_set, V_reset, ln R_on, ln R_off of a simulated KMC cycles run (cycles.csv, sha256 ${files[0].sha256.slice(0, 12)}); ${fit.params.map((p) => p.name).join(', ')} fitted by DE + LM from the moment-matched start (cost ${fit.startCost.toPrecision(3)} -> ${fit.cost.toPrecision(3)} in squared physics standard deviations); R_on/R_off spreads mapped to ${spreads.map((s) => s.param).join(', ') || 'none'}; by nanoionics filament --handoff`;
  const fitInfo = { method: 'switching-statistics fit: DE + LM (fit/switching-fit)', status: fit.status, message: fit.message, evaluations: fit.evaluations, startCost: sig6(fit.startCost), cost: sig6(fit.cost), residualRms: sig6(Math.sqrt(fit.cost / 4)), residualsInSd: fit.residuals, free: fit.params.map((p) => ({ ...p, value: sig6(p.value), start: sig6(p.start) })), sweep, targets };
  doc.fit = fitInfo;
  const summary: Record<string, unknown> = { model: modelId, kind: 'statistics', status: fit.status, startCost: fit.startCost, cost: fit.cost, residualRms: Math.sqrt(fit.cost / 4), residualsInSd: fit.residuals, params: fitInfo.free, comparison, spreads };
  if (out) {
    summary.preset = writePreset(out, doc);
    writeAtomic(join(out, 'handoff.json'), toJson({ ...summary, fit: fitInfo, preset: doc }));
  }
  return summary;
}

/**
 * Switching values of the post-forming rows (physics orientation), the same definitions for
 * the physics run and the compact model on the same rows (device voltage v, current i):
 *   V_set    device voltage where I first reaches Icc / 2 in the SET sweep (interpolated),
 *   V_reset  device voltage of the peak RESET current in the first RESET sweep,
 *   R_on     V / I at the row nearest V_source = +0.2 V on the way down of the SET sweep,
 *   R_off    V / I at the row nearest V_source = -0.2 V on the way back of the first RESET.
 * seg: start times of [RESET down, RESET up, SET up, SET down, end of SET].
 */
function ivSwitching(t: ArrayLike<number>, vs: ArrayLike<number>, v: ArrayLike<number>, i: ArrayLike<number>, seg: number[], icc: number): SwitchingValues {
  const inSeg = (k: number, a: number, b: number) => t[k] > seg[a] && t[k] <= seg[b];
  let vset = NaN, vreset = NaN, peak = 0, kOn = -1, kOff = -1;
  for (let k = 0; k < t.length; k++) {
    if (inSeg(k, 0, 2) && -i[k] > peak) { peak = -i[k]; vreset = v[k]; }
    if (inSeg(k, 1, 2) && (kOff < 0 || Math.abs(vs[k] + 0.2) < Math.abs(vs[kOff] + 0.2))) kOff = k;
    if (inSeg(k, 3, 4) && (kOn < 0 || Math.abs(vs[k] - 0.2) < Math.abs(vs[kOn] - 0.2))) kOn = k;
    if (Number.isNaN(vset) && k > 0 && inSeg(k, 2, 4) && i[k] >= icc / 2 && i[k - 1] < icc / 2) vset = v[k - 1] + ((icc / 2 - i[k - 1]) / (i[k] - i[k - 1])) * (v[k] - v[k - 1]);
  }
  const r = (k: number) => (k >= 0 ? v[k] / i[k] : NaN);
  return { vset, vreset, ron: r(kOn), roff: r(kOff) };
}

/** Hand-off of a continuum SET run: I-V fit. */
export function handoffContinuum(modelId: string, c: ContinuumHandoffInput, out: string | undefined, csvText: string, settings: Partial<FitSettings> = {}): Record<string, unknown> {
  const { recipe: r, model, preset, pol } = recipe(modelId);
  // rows after forming; rows under the SET compliance are left out (the compact model has no
  // compliance of its own here: it is driven by the device voltage, and its LRS is the state
  // its SET reaches); consecutive rows closer than 5 mV and 0.05 in asinh(I / 1e-3 max|I|) are
  // thinned (the fit replays every row as a breakpoint)
  let iMax = 0;
  for (let k = 0; k < c.t.length; k++) if (c.t[k] >= c.tFormed) iMax = Math.max(iMax, Math.abs(c.i[k]));
  const fi = 1e-3 * iMax;
  const rows: number[] = [];
  let excluded = 0;
  for (let k = 0; k < c.t.length; k++) {
    if (c.t[k] < c.tFormed) continue;
    if (c.i[k] >= 0.98 * c.compliance) { excluded++; continue; }
    const last = rows[rows.length - 1];
    if (last !== undefined && (c.t[k] <= c.t[last] || (Math.abs(c.v[k] - c.v[last]) < 5e-3 && Math.abs(Math.asinh(c.i[k] / fi) - Math.asinh(c.i[last] / fi)) < 0.05))) continue;
    rows.push(k);
  }
  const pick = (a: ArrayLike<number>, f = 1) => Float64Array.from(rows, (k) => f * a[k]);
  const data: DataSet = { name: 'iv.csv (post-forming)', kind: 'iv', t: pick(c.t), v: pick(c.v, pol), target: 'i', y: pick(c.i, pol), cycle: new Int32Array(rows.length), line: Int32Array.from(rows, (k) => k + 2), device: '' };
  const start = r.start(c.metrics.rOn, c.metrics.rOff, c.thickness);
  // effective thermal resistance of the physics run at its hottest post-forming row,
  // (T_max - T0) / |V I|: the filament self-heating that drives its gradual RESET
  let kHot = rows[0];
  for (const k of rows) if (c.tMax[k] > c.tMax[kHot]) kHot = k;
  const rthEff = (c.tMax[kHot] - c.t0) / Math.max(Math.abs(c.v[kHot] * c.i[kHot]), 1e-30);
  if (modelId === 'stanford-pku' && Number.isFinite(rthEff) && rthEff > 0) start.rth = rthEff;
  const st: FitSettings = { ...FIT_DEFAULTS, generations: 16, residual: 'log', lmIterations: 40, vRead: 0.1 * pol, ...settings };
  const base = { model, preset, set: start };
  const replay = new Replay(base, data, st);
  const startValues = replay.startValues;
  const free = freeParams(model, r.free('iv', c.thickness), startValues, 2);
  const startModel = new Float64Array(data.y.length);
  const startErr = replay.evaluate(startValues, startModel);
  const fit = fitModel(base, [data], free, st);
  // cost of the start in the fit's own residual (asinh with f = 1e-3 max|I|)
  let mx = 0;
  for (const y of data.y) mx = Math.max(mx, Math.abs(y));
  const f = 1e-3 * mx;
  const startCost = startErr ? Infinity : startModel.reduce((s, m, k) => s + (Math.asinh(m / f) - Math.asinh(data.y[k] / f)) ** 2, 0);
  const seg = c.segments.slice(2, 7);
  const vsRows = pick(c.vs), tRows = pick(c.t), vRows = pick(c.v), iRows = pick(c.i);
  const phys = ivSwitching(tRows, vsRows, vRows, iRows, seg, c.compliance);
  const back = (m: Float64Array) => Float64Array.from(m, (x) => pol * x);
  const q0 = startErr ? { vset: NaN, vreset: NaN, ron: NaN, roff: NaN } : ivSwitching(tRows, vsRows, vRows, back(startModel), seg, c.compliance);
  const q1 = ivSwitching(tRows, vsRows, vRows, back(fit.sets[0].model), seg, c.compliance);
  const comparison = (['vset', 'vreset', 'ron', 'roff'] as const).map((q) => rowOf({ vset: 'V_set', vreset: 'V_reset', ron: 'R_on', roff: 'R_off' }[q], String(sig6(phys[q])), q0[q], q1[q], q === 'ron' || q === 'roff' ? 'Ohm' : 'V'));
  const id = `handoff-continuum-${modelId}`;
  const files = [{ file: 'iv.csv', kind: 'iv', sha256: sha(csvText), rows: rows.length }];
  // standard sweep of the preset: the run's SET and RESET amplitudes at its sweep rate
  // (post-forming sweeps: triangles to -vR, +vS, -vR at one rate)
  const vsPost = pick(c.vs);
  const vS = Math.max(...vsPost), vR = -Math.min(...vsPost);
  const tSpan = data.t[data.t.length - 1] - data.t[0];
  const doc = presetDocument({ id, model, basePreset: preset.id, fit, values: fit.values, files, sweep: { vSet: pol * vS, vReset: -pol * vR, period: (tSpan * (vS + vR)) / (vS + 2 * vR), vRead: 0.1 * pol } });
  doc.title = `${model.title}: hand-off from a continuum SET/RESET run`;
  doc.citation = 'nanoionics filament --model continuum --protocol set (physics/continuum); no measurement';
  doc.fittedTo = `I-V of the post-forming RESET/SET/RESET sweeps of a simulated continuum filament run (iv.csv, sha256 ${files[0].sha256.slice(0, 12)}, device voltage replayed, ${excluded} rows under the SET compliance left out); ${fit.params.map((p) => p.name).join(', ')} fitted (R^2 ${fit.sets[0].r2.toFixed(4)}, asinh cost ${startCost.toPrecision(3)} -> ${fit.cost.toPrecision(3)}); by nanoionics filament --handoff`;
  (doc.fit as Record<string, unknown>).startCost = sig6(startCost);
  const rms = Math.sqrt(fit.cost / fit.points);
  const summary: Record<string, unknown> = {
    model: modelId, kind: 'iv', status: fit.status, message: fit.message, startCost, cost: fit.cost, residualRms: rms, r2: fit.sets[0].r2, rmseAmps: fit.sets[0].rmse, points: fit.points, rowsUnderCompliance: excluded,
    physicsMetrics: c.metrics, rthEffective: rthEff, comparison, params: fit.params.map((p) => ({ name: p.name, value: p.value, sigma: p.sigma, start: p.start, atBound: p.atBound })), warnings: fit.warnings,
  };
  if (out) {
    summary.preset = writePreset(out, doc);
    writeAtomic(join(out, 'handoff-fit-report.html'), fitReportHtml(fit, [data], files, id));
    writeAtomic(join(out, 'handoff.json'), toJson({ ...summary, preset: doc }));
  }
  return summary;
}

/** Human-readable lines of a hand-off summary. */
export function handoffLines(s: Record<string, unknown>): string[] {
  const lines = [`hand-off -> ${String(s.model)} (${s.kind === 'iv' ? 'I-V fit' : 'switching-statistics fit'}): ${String(s.status)}; cost ${Number(s.startCost).toPrecision(3)} (moment-matched start) -> ${Number(s.cost).toPrecision(3)}; residual RMS ${Number(s.residualRms).toPrecision(3)}${s.kind === 'iv' ? ` (asinh), R^2 ${Number(s.r2).toFixed(4)}` : ' (physics standard deviations)'}`];
  lines.push(`  ${'quantity'.padEnd(9)} ${'physics'.padEnd(34)} ${'compact start'.padEnd(14)} compact fitted`);
  for (const r of s.comparison as Array<Record<string, unknown>>) lines.push(`  ${String(r.quantity).padEnd(9)} ${String(r.physics).padEnd(34)} ${String(r.compactStart).padEnd(14)} ${String(r.compactFitted)} ${String(r.unit)}`);
  for (const p of s.params as Array<Record<string, unknown>>) lines.push(`  ${String(p.name).padEnd(9)} ${Number(p.start).toPrecision(4)} -> ${Number(p.value).toPrecision(5)}${p.atBound ? ' (at bound)' : ''}`);
  if (s.preset) lines.push(`  preset: ${String(s.preset)} (use as --device or device.preset)`);
  return lines;
}
