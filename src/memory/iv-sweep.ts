/**
 * SET / RESET voltages with their cycle-to-cycle spread for the datasheet: the shared `iv`
 * protocol (src/protocols/iv) runs `cycles` bipolar sweeps at the preset's sweep period and
 * compliance (cycle-to-cycle spreads are re-drawn at every polarity change by the runner);
 * each cycle of its loop table is then analysed on its own with analysis/switchingVoltages.
 * @module memory/iv-sweep
 */
import { ivProtocol } from '../protocols/iv.js';
import { resolveProtocolParams } from '../protocols/params.js';
import { switchingVoltages } from '../analysis/metrics.js';
import type { DeviceRef } from '../experiment/device-spec.js';
import type { Drive } from './program.js';
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

/** Run `cycles` sweeps between the rated voltages and analyse each cycle. */
export function ivSweep(ref: DeviceRef, drive: Drive, period: number, compliance: number, cycles: number, seed: number): IvSweepResult {
  const params = resolveProtocolParams(ivProtocol, { vmax: drive.vSet, vmin: drive.vReset, period, cycles, vRead: drive.vRead });
  const res = ivProtocol.run({ device: ref, circuit: { series: 0, compliance: compliance > 0 ? compliance : Infinity }, seed }, params);
  const loop = res.tables.loop?.columns ?? { t: [], v: [], i: [], g: [] };
  const vSet: number[] = [], vReset: number[] = [];
  const v: number[] = [], i: number[] = [];
  for (let c = 0; c < cycles; c++) {
    const vs: number[] = [], gs: number[] = [];
    for (let k = 0; k < loop.t.length; k++) {
      if (loop.t[k] < c * period || loop.t[k] > (c + 1) * period) continue;
      vs.push(loop.v[k]); gs.push(loop.g[k]);
      if (c === 0) { v.push(loop.v[k]); i.push(loop.i[k]); }
    }
    const sv = switchingVoltages(vs, gs);
    if (Number.isFinite(sv.vSet)) vSet.push(sv.vSet);
    if (Number.isFinite(sv.vReset)) vReset.push(sv.vReset);
  }
  return { vSet, vReset, vSetMean: mean(vSet), vSetSd: std(vSet), vResetMean: mean(vReset), vResetSd: std(vReset), v, i, status: res.status };
}
