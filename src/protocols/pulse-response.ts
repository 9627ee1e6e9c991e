/**
 * `pulse-response`: N identical potentiating pulses then N identical depressing pulses, a
 * read after each (review Fig. 4b; Jo et al. 2010 Ag/a-Si: 100 x +3.2 V / 300 us then
 * 100 x -2.8 V / 300 us). Reports conductance against pulse number, the NeuroSim nonlinearity
 * of both branches (A / P_max), the dynamic range G_max / G_min and the update asymmetry.
 * @module protocols/pulse-response
 */
import { branchNonlinearity, dynamicRange, updateAsymmetry } from '../analysis/metrics.js';
import { Plan, runPlan } from './plan.js';
import { num, pp } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign } from './common.js';
import type { Protocol } from './types.js';

export const pulseResponseProtocol: Protocol = {
  id: 'pulse-response',
  title: 'Potentiation / depression pulse response',
  figures: 'Fig. 4b',
  summary: 'N potentiating then N depressing pulses with a read after each; G vs pulse number, nonlinearity, dynamic range, asymmetry',
  params: [
    pp('pulses', 50, 'dimensionless', '1', 'pulses per branch', { integer: true, min: 2, max: 10000 }),
    pp('amplitude', 1, 'voltage', 'V', 'potentiating pulse amplitude (sign: the SET polarity is applied)', { min: 0 }),
    pp('depressAmplitude', 1, 'voltage', 'V', 'depressing pulse amplitude (magnitude; applied with RESET polarity)', { min: 0 }),
    pp('width', 1e-3, 'time', 's', 'pulse width', { min: 0 }),
    pp('interval', 1e-3, 'time', 's', 'gap between the end of a pulse and the next pulse (the read sits in it)', { min: 0 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    const b = new ResultBuilder('pulse-response', ctx, p);
    const N = num(p, 'pulses'), s = setSign(ctx);
    const plan = new Plan(readSettings(p));
    plan.readNow();
    const push = (amp: number) => {
      plan.pulse(amp, num(p, 'width'));
      const t0 = plan.now;
      plan.wait(num(p, 'interval') / 2);
      plan.readNow();
      plan.until(t0 + num(p, 'interval'));
    };
    for (let k = 0; k < N; k++) push(s * num(p, 'amplitude'));
    for (let k = 0; k < N; k++) push(-s * num(p, 'depressAmplitude'));
    const r = runPlan(ctx, plan, { protocol: 'pulse-response' });
    b.ran(r.ok, r.message);
    const pot = r.g.slice(0, N + 1), dep = r.g.slice(N);
    const nlP = branchNonlinearity(pot), nlD = branchNonlinearity(dep);
    b.metric('gMin', Math.min(...r.g), 'S', 'smallest conductance read');
    b.metric('gMax', Math.max(...r.g), 'S', 'largest conductance read');
    b.metric('dynamicRange', dynamicRange(r.g), '1', 'G_max / G_min over both branches');
    b.metric('nlPotentiation', nlP.aOverPmax, '1', 'A / P_max of the potentiation branch (NeuroSim shape; large = linear, small positive = saturating)');
    b.metric('nlDepression', nlD.aOverPmax, '1', 'A / P_max of the depression branch (positive = fast change first)');
    b.metric('devPotentiation', nlP.maxDeviation, '1', 'largest deviation of the normalised potentiation branch from a straight line');
    b.metric('devDepression', nlD.maxDeviation, '1', 'largest deviation of the normalised depression branch from a straight line');
    b.metric('asymmetry', updateAsymmetry(pot, dep), '1', 'mean |G_pot(n) - G_dep(N - n)| over the range (0 = symmetric)');
    b.metric('potentiationMonotone', pot.every((g, k) => k === 0 || g >= pot[k - 1]) ? 1 : 0, '1', '1 when G never falls during potentiation');
    b.metric('depressionMonotone', dep.every((g, k) => k === 0 || g <= dep[k - 1]) ? 1 : 0, '1', '1 when G never rises during depression');
    b.table('curve', { pulse: r.g.map((_, k) => k), g: r.g }, { pulse: '1', g: 'S' });
    return b.finish();
  },
};
