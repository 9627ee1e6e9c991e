/**
 * `srdp`: spike-rate-dependent plasticity (review Fig. 6c, 7a, 7c). Trains of M identical
 * pulses at rates swept over decades, each on a fresh device; the weight change
 * dG = G(readDelay after the last pulse) - G_0 against rate, for each M in a list.
 * @module protocols/srdp
 */
import { SpecError } from '../units/parse.js';
import { Plan, runPlan } from './plan.js';
import { list, num, pp } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign } from './common.js';
import type { Protocol } from './types.js';

export const srdpProtocol: Protocol = {
  id: 'srdp',
  title: 'Spike-rate-dependent plasticity',
  figures: 'Fig. 6c, 7a, 7c',
  summary: 'trains of M pulses at rates swept over decades; weight change vs rate (and vs M)',
  params: [
    pp('amplitude', 1, 'voltage', 'V', 'pulse amplitude (SET polarity)', { min: 0 }),
    pp('width', 1e-3, 'time', 's', 'pulse width', { min: 0 }),
    pp('rates', [1, 3, 10, 30, 100, 300], 'frequency', 'Hz', 'pulse rates', { min: 0 }),
    pp('counts', [10], 'dimensionless', '1', 'pulses per train M', { integer: true, min: 1, max: 100000 }),
    pp('readDelay', 0, 'time', 's', 'delay from the end of the train to the read', { min: 0 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    const b = new ResultBuilder('srdp', ctx, p);
    const rates = [...list(p, 'rates')].sort((a, c) => a - c);
    const width = num(p, 'width'), s = setSign(ctx);
    const cols: Record<string, number[]> = { rate: rates }, units: Record<string, string> = { rate: 'Hz' };
    let first: number[] = [];
    let g0 = NaN;
    for (const M of list(p, 'counts')) {
      const dG: number[] = [];
      for (const f of rates) {
        const plan = new Plan(readSettings(p));
        const period = 1 / f;
        if (period < plan.pulseDuration(width)) throw new SpecError('params.rates', f, `rates whose period (1/rate) is at least the pulse duration ${plan.pulseDuration(width)} s`);
        plan.readNow();
        for (let k = 0; k < M; k++) { plan.until(k * period); plan.pulse(s * num(p, 'amplitude'), width); }
        plan.wait(num(p, 'readDelay'));
        plan.readNow();
        const r = runPlan(ctx, plan, { protocol: 'srdp', rate: f, count: M });
        b.ran(r.ok, `rate ${f} Hz, M = ${M}: ${r.message}`);
        dG.push(r.g[1] - r.g[0]);
        g0 = r.g[0];
      }
      cols[`dG_M${M}`] = dG; units[`dG_M${M}`] = 'S';
      if (!first.length) first = dG;
    }
    b.table('srdp', cols, units);
    const n = first.length;
    b.metric('g0', g0, 'S', 'conductance before a train');
    b.metric('relChangeHighRate', first[n - 1] / g0, '1', 'dG at the highest rate relative to G_0');
    b.metric('dGLowRate', first[0], 'S', `weight change at the lowest rate (${rates[0]} Hz)`);
    b.metric('dGHighRate', first[n - 1], 'S', `weight change at the highest rate (${rates[n - 1]} Hz)`);
    b.metric('rateContrast', first[n - 1] / first[0], '1', 'dG(highest rate) / dG(lowest rate)');
    b.metric('srdpMonotone', first.every((x, k) => k === 0 || x >= first[k - 1]) ? 1 : 0, '1', '1 when dG never falls as the rate rises (first M)');
    return b.finish();
  },
};
