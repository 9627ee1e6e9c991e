/**
 * Cycle-to-cycle (C2C) and device-to-device (D2D) spreads of switching parameters from
 * repeated cycles on several devices, and their mapping onto a model's `<param>C2c` /
 * `<param>Dtod` spreads.
 *
 * Switching parameters per (device, cycle) come from a summary table (V_set, V_reset, R_on,
 * R_off columns) or are extracted from raw I-V sweeps (`extractSwitching`):
 *   R_on   the median of the three smallest |V/I| among the low-bias rows (|V| <= 0.2 max|V|),
 *   R_off  the median of the three largest (robust for gradual switching, where the SET and
 *          RESET events are not sharp enough to split the sweep into states),
 *   V_set  the voltage of the largest rise of ln|I/V| between consecutive rows with V of the
 *          SET polarity, V_reset the same for the largest fall with the other polarity.
 *
 * Spreads of a quantity Q (for resistances on ln Q, for voltages relative to the mean):
 *   C2C  s_c = sqrt(mean_d var_c(Q_dc) ) / |mean Q|   (pooled within-device spread)
 *   D2D  s_d = sqrt(max(0, var_d(mean_c Q_dc) - s_c^2 / n_c)) / |mean Q|   (between-device
 *        spread of the device means, corrected for the C2C noise in each mean; n_c = mean
 *        cycles per device)
 * (for resistances the same formulas on ln Q give sigma of ln Q directly).
 *
 * Mapping to model parameters (first order): a relative parameter spread s_p produces a
 * spread |S| s_p of Q with S = d ln Q / d ln p, so s_p = s_Q / |S|. S is taken by the caller
 * (`sensitivity` below, by central differences of a simulated replay of a measured sweep,
 * +-5 % in p); when one observed quantity is mapped to one
 * parameter the other parameters' spreads are assumed independent and zero. This ignores
 * correlations between quantities (a device with a low R_off often also has a low V_set).
 * @module fit/variability
 */
import { median } from '../math/stats.js';
import type { CycleTable, DataSet } from './import.js';
import type { Replay } from './replay.js';

export const SWITCHING_QUANTITIES = ['vset', 'vreset', 'ron', 'roff'] as const;
export type SwitchingQuantity = (typeof SWITCHING_QUANTITIES)[number];

/** Switching parameters of one cycle (NaN when not found). */
export interface CycleSwitching { vset: number; vreset: number; ron: number; roff: number; }

/** Extract switching parameters from one sweep (rows of one cycle). */
export function extractSwitching(v: ArrayLike<number>, i: ArrayLike<number>, setPolarity: 1 | -1 = 1): CycleSwitching {
  const n = v.length;
  let vmax = 0;
  for (let k = 0; k < n; k++) vmax = Math.max(vmax, Math.abs(v[k]));
  const lowBias = 0.2 * vmax;
  const lnG = (k: number) => Math.log(Math.max(Math.abs(i[k] / v[k]), 1e-300));
  let kSet = -1, kReset = -1, best = 0, worst = 0;
  for (let k = 1; k < n; k++) {
    if (Math.abs(v[k]) < 1e-3 * vmax || Math.abs(v[k - 1]) < 1e-3 * vmax || Math.sign(v[k]) !== Math.sign(v[k - 1])) continue;
    const d = lnG(k) - lnG(k - 1);
    if (Math.sign(v[k]) === setPolarity && d > best) { best = d; kSet = k; }
    if (Math.sign(v[k]) === -setPolarity && d < worst) { worst = d; kReset = k; }
  }
  const r: number[] = [];
  for (let k = 0; k < n; k++) if (Math.abs(v[k]) > 1e-3 * vmax && Math.abs(v[k]) <= lowBias && i[k] !== 0) r.push(Math.abs(v[k] / i[k]));
  r.sort((x, y) => x - y);
  const m = r.length;
  return {
    vset: kSet >= 0 ? v[kSet] : NaN,
    vreset: kReset >= 0 ? v[kReset] : NaN,
    ron: m ? median(r.slice(0, Math.min(3, m))) : NaN,
    roff: m ? median(r.slice(Math.max(0, m - 3))) : NaN,
  };
}

/** Switching parameters of every (device, cycle) of raw sweeps, as a cycle table. */
export function cyclesFromSweeps(sets: readonly DataSet[], setPolarity: 1 | -1 = 1): CycleTable {
  const cycle: number[] = [], device: string[] = [];
  const q: Record<SwitchingQuantity, number[]> = { vset: [], vreset: [], ron: [], roff: [] };
  for (const s of sets) {
    let a = 0;
    for (let k = 1; k <= s.cycle.length; k++) {
      if (k < s.cycle.length && s.cycle[k] === s.cycle[a]) continue;
      const sw = extractSwitching(s.v.subarray(a, k), s.y.subarray(a, k), setPolarity);
      cycle.push(s.cycle[a]); device.push(s.device);
      for (const name of SWITCHING_QUANTITIES) q[name].push(sw[name]);
      a = k;
    }
  }
  return { name: sets.map((s) => s.name).join('+'), cycle: Int32Array.from(cycle), device, vset: Float64Array.from(q.vset), vreset: Float64Array.from(q.vreset), ron: Float64Array.from(q.ron), roff: Float64Array.from(q.roff) };
}

/** Observed spreads of one quantity. */
export interface ObservedSpread {
  quantity: SwitchingQuantity;
  mean: number;
  /** C2C and D2D relative spreads (sigma of ln Q for resistances). */
  c2c: number;
  d2d: number;
  devices: number;
  cycles: number;
  /** 'log' for resistances (sigma of ln Q), 'relative' for voltages (sd / |mean|). */
  scale: 'log' | 'relative';
}

/** C2C and D2D spreads of every quantity present in the table (NaN rows ignored). */
export function observedSpreads(table: CycleTable): ObservedSpread[] {
  const out: ObservedSpread[] = [];
  for (const name of SWITCHING_QUANTITIES) {
    const col = table[name];
    if (!col) continue;
    const isLog = name === 'ron' || name === 'roff';
    const byDev = new Map<string, number[]>();
    const all: number[] = [];
    for (let r = 0; r < col.length; r++) {
      const x = col[r];
      if (!Number.isFinite(x) || (isLog && !(x > 0))) continue;
      const y = isLog ? Math.log(x) : x;
      all.push(x);
      const list = byDev.get(table.device[r]) ?? [];
      list.push(y);
      byDev.set(table.device[r], list);
    }
    if (all.length < 2) continue;
    const groups = [...byDev.values()];
    const meanOf = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    const varOf = (a: number[]) => { const m = meanOf(a); return a.length > 1 ? a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1) : NaN; };
    const within = groups.filter((g) => g.length > 1).map(varOf);
    const c2cVar = within.length ? meanOf(within) : 0;
    const means = groups.map(meanOf);
    const nc = meanOf(groups.map((g) => g.length));
    const d2dVar = means.length > 1 ? Math.max(0, varOf(means) - c2cVar / nc) : 0;
    const mean = meanOf(all);
    const norm = isLog ? 1 : Math.abs(mean);
    out.push({ quantity: name, mean, c2c: Math.sqrt(c2cVar) / norm, d2d: Math.sqrt(d2dVar) / norm, devices: groups.length, cycles: all.length, scale: isLog ? 'log' : 'relative' });
  }
  return out;
}

/** One parameter spread written into a preset, with how it was obtained. */
export interface MappedSpread {
  param: string;
  quantity: SwitchingQuantity;
  sensitivity: number;
  c2c: number;
  d2d: number;
  distribution: 'normal' | 'lognormal';
}

/** s_p = s_Q / |S| for each (quantity -> parameter, sensitivity) pair. */
export function mapSpreads(observed: readonly ObservedSpread[], mapping: ReadonlyArray<{ quantity: SwitchingQuantity; param: string; sensitivity: number }>): MappedSpread[] {
  const out: MappedSpread[] = [];
  for (const m of mapping) {
    const o = observed.find((x) => x.quantity === m.quantity);
    if (!o || !(Math.abs(m.sensitivity) > 1e-6)) continue;
    const s = Math.abs(m.sensitivity);
    out.push({ param: m.param, quantity: m.quantity, sensitivity: m.sensitivity, c2c: Math.min(5, o.c2c / s), d2d: Math.min(5, o.d2d / s), distribution: o.scale === 'log' ? 'lognormal' : 'normal' });
  }
  return out;
}

/**
 * S = d ln|Q| / d ln p of a switching quantity, from the first cycle of a replayed sweep at
 * p (1 +- 5 %); NaN when the quantity cannot be extracted from the simulated sweep.
 */
export function sensitivity(replay: Replay, values: Float64Array, paramIndex: number, quantity: SwitchingQuantity, setPolarity: 1 | -1): number {
  const d = replay.data;
  let end = 1;
  while (end < d.cycle.length && d.cycle[end] === d.cycle[0]) end++;
  const q = (f: number): number => {
    const vals = Float64Array.from(values);
    vals[paramIndex] *= f;
    const out = new Float64Array(d.t.length);
    if (replay.evaluate(vals, out)) return NaN;
    return Math.log(Math.abs(extractSwitching(d.v.subarray(0, end), out.subarray(0, end), setPolarity)[quantity]));
  };
  return (q(1.05) - q(0.95)) / Math.log(1.05 / 0.95);
}

/** Default quantity -> parameter pairs for a model: resistances onto same-named parameters. */
export function defaultSpreadMapping(paramNames: readonly string[]): Array<{ quantity: SwitchingQuantity; param: string }> {
  const out: Array<{ quantity: SwitchingQuantity; param: string }> = [];
  for (const [q, cands] of [['ron', ['ron', 'gon']], ['roff', ['roff', 'goff']]] as const) {
    const p = cands.find((c) => paramNames.includes(c));
    if (p) out.push({ quantity: q, param: p });
  }
  return out;
}
