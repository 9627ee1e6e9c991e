/**
 * Minimal bipolar I-V sweep for the datasheet: `cycles` triangular sweeps 0 -> vSet -> 0 ->
 * vReset -> 0 at the preset's sweep period and compliance, through the ordinary experiment
 * runner (so cycle-to-cycle spreads are re-drawn at every polarity change). The SET (RESET)
 * voltage of a cycle is the source voltage at which the read conductance first crosses
 * sqrt(G_HRS G_LRS) upward (downward). Private to the memory layer until the shared `iv`
 * protocol lands in src/protocols, which should then replace it.
 * @module memory/iv-sweep
 */
import { resolveSpec } from '../experiment/spec.js';
import { simulate } from '../experiment/run.js';
import type { Drive, References } from './program.js';
import { mean, std } from '../math/stats.js';

/** Switching voltages per cycle and their statistics. */
export interface IvSweepResult {
  vSet: number[];
  vReset: number[];
  vSetMean: number;
  vSetSd: number;
  vResetMean: number;
  vResetSd: number;
  /** First cycle's trace for plotting. */
  v: number[];
  i: number[];
  status: string;
}

/**
 * Run the sweep. `device` is the raw device spec ({ preset, set }) so that the runner
 * resolves it with its variability exactly as `nanoionics run` would.
 */
export function ivSweep(device: Record<string, unknown>, drive: Drive, refs: References, period: number, compliance: number, cycles: number, seed: number): IvSweepResult {
  const spec = resolveSpec({
    device,
    circuit: Number.isFinite(compliance) ? { compliance } : undefined,
    stimulus: { type: 'sweep', vmax: drive.vSet, vmin: drive.vReset, period, cycles },
    record: { every: period / 2000, vRead: drive.vRead },
    seed,
  });
  const r = simulate(spec);
  const t = r.columns.t, vs = r.columns.vs, g = r.columns.g, cur = r.columns.i;
  const vSet: number[] = [], vReset: number[] = [];
  for (let c = 0; c < cycles; c++) {
    let sDone = false, rDone = false;
    for (let k = 1; k < t.length; k++) {
      if (t[k] < c * period || t[k] > (c + 1) * period) continue;
      if (!sDone && g[k - 1] < refs.gMid && g[k] >= refs.gMid) { vSet.push(vs[k]); sDone = true; }
      if (sDone && !rDone && g[k - 1] > refs.gMid && g[k] <= refs.gMid) { vReset.push(vs[k]); rDone = true; }
    }
  }
  const v: number[] = [], i: number[] = [];
  for (let k = 0; k < t.length && t[k] <= period; k++) { v.push(vs[k]); i.push(cur[k]); }
  return { vSet, vReset, vSetMean: mean(vSet), vSetSd: std(vSet), vResetMean: mean(vReset), vResetSd: std(vReset), v, i, status: r.status };
}
