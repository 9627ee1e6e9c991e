/**
 * `iv`: bipolar DC sweep 0 -> V_max -> 0 -> V_min -> 0 with the circuit's compliance
 * (review Fig. 1 / 2 context). Reports the SET and RESET voltages (where the read
 * conductance crosses the geometric mean of its two levels), the ON/OFF ratio at the read
 * voltage and the loop I(V).
 * @module protocols/iv
 */
import { triangleSweep } from '../stimulus/waveform.js';
import { simulate } from '../experiment/run.js';
import { switchingVoltages } from '../analysis/metrics.js';
import { num } from './params.js';
import { pp } from './params.js';
import { READ_PARAMS, ResultBuilder } from './common.js';
import type { Protocol } from './types.js';

export const ivProtocol: Protocol = {
  id: 'iv',
  title: 'Bipolar I-V sweep',
  figures: 'Fig. 1, 2',
  summary: 'triangular sweep 0 -> vmax -> 0 -> vmin -> 0 (cycles times) with compliance; SET/RESET voltages (last cycle), ON/OFF at vRead, the loop',
  params: [
    pp('vmax', 1, 'voltage', 'V', 'positive sweep limit'),
    pp('vmin', -1, 'voltage', 'V', 'negative sweep limit'),
    pp('period', 1, 'time', 's', 'duration of one full cycle', { min: 0 }),
    pp('cycles', 2, 'dimensionless', '1', 'number of cycles', { integer: true, min: 1, max: 100 }),
    pp('compliance', 0, 'current', 'A', 'current compliance (0: the circuit block\'s)', { min: 0 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    const b = new ResultBuilder('iv', ctx, p);
    const w = triangleSweep(num(p, 'vmax'), num(p, 'vmin'), num(p, 'period'), num(p, 'cycles'));
    const circuit = num(p, 'compliance') > 0 ? { ...ctx.circuit, compliance: num(p, 'compliance') } : ctx.circuit;
    const res = simulate({
      device: ctx.device, series: ctx.series, circuit, stimulus: w, tEnd: w.duration,
      solver: { method: ctx.method ?? 'auto', rtol: 1e-6, atolScale: 1, maxStep: num(p, 'period') / 400, maxSteps: 5e6 },
      record: { every: 'step', vRead: num(p, 'vRead'), devices: [0] },
      seed: ctx.seed, raw: { protocol: 'iv' },
    });
    b.ran(res.status === 'ok', `${res.status}: ${res.message}`);
    const c = res.columns;
    const g = ctx.series ? c.gB : c.g;
    // SET / RESET from the last cycle (the first may start from a state the loop never revisits)
    const cyc = num(p, 'cycles'), tLast = (cyc - 1) * num(p, 'period');
    let k0 = 0;
    while (k0 < c.t.length - 1 && c.t[k0] < tLast) k0++;
    const sv = switchingVoltages(c.vs.subarray(k0), g.subarray(k0));
    b.metric('vSet', sv.vSet, 'V', 'source voltage at which the read conductance first rises through the geometric mean of its extremes');
    b.metric('vReset', sv.vReset, 'V', 'source voltage at which it next falls through that level');
    b.metric('gOn', sv.gOn, 'S', 'largest read conductance in the loop');
    b.metric('gOff', sv.gOff, 'S', 'smallest read conductance in the loop');
    b.metric('onOff', sv.onOff, '1', 'ON/OFF conductance ratio at the read voltage');
    if (!Number.isFinite(sv.vSet)) b.note('the read conductance never crossed the mid level: no SET in this sweep');
    b.table('loop', { t: Array.from(c.t), v: Array.from(c.vs), i: Array.from(c.i), g: Array.from(g) }, { t: 's', v: 'V', i: 'A', g: 'S' });
    return b.finish();
  },
};
