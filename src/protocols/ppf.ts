/**
 * `ppf`: paired-pulse facilitation (review Fig. 6a,b; Du et al. 2015: two 1.4 V / 1 ms
 * pulses). For each interval dt (end of pulse 1 to start of pulse 2) on a fresh device:
 *
 *   PPF(dt) = (G_2 - G_0) / (G_1 - G_0)
 *
 *   index = increment:  PPF = (G_2 - G_b) / (G_1 - G_0)      (dG2 / dG1, Du et al. 2015)
 *   index = response:   PPF = (G_2 - G_0) / (G_1 - G_0)      (second response over the first)
 *
 * with G_0 before the pair, G_1 right after pulse 1, G_b right before pulse 2 and G_2 right
 * after pulse 2. For a non-volatile device the response ratio is about 2 at every interval
 * and the increment ratio about 1; facilitation that fades with the interval is the signature
 * of a second state variable. PPF - 1 is fitted by a single exponential in dt (asymptote 1).
 * With `firstAmplitude` / `firstWidth` the first pulse differs from the second (a heating pulse
 * followed by a programming pulse, Kim et al. 2015); dG2 against dt is then the result.
 * @module protocols/ppf
 */
import { fitExp } from '../analysis/decay-fits.js';
import { Plan, runPlan } from './plan.js';
import { list, num, pp, str } from './params.js';
import { SpecError } from '../units/parse.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign, curve } from './common.js';
import type { Protocol } from './types.js';

/** Value of y at x by linear interpolation in log x (NaN outside the data). */
export function logInterp(x: number[], y: number[], at: number): number {
  for (let k = 1; k < x.length; k++) {
    if ((x[k - 1] - at) * (x[k] - at) <= 0) {
      const f = (Math.log(at) - Math.log(x[k - 1])) / (Math.log(x[k]) - Math.log(x[k - 1]));
      return y[k - 1] + f * (y[k] - y[k - 1]);
    }
  }
  return NaN;
}

export const ppfProtocol: Protocol = {
  id: 'ppf',
  title: 'Paired-pulse facilitation',
  figures: 'Fig. 6a, 6b',
  summary: 'two identical pulses at intervals swept over decades; PPF ratio vs interval and its decay constant',
  params: [
    pp('amplitude', 1, 'voltage', 'V', 'pulse amplitude (SET polarity)', { min: 0 }),
    pp('width', 1e-3, 'time', 's', 'pulse width', { min: 0 }),
    pp('firstAmplitude', 0, 'voltage', 'V', 'amplitude of the first pulse if it differs (0: same as the second)', { min: 0 }),
    pp('firstWidth', 0, 'time', 's', 'width of the first pulse if it differs (0: same)', { min: 0 }),
    pp('index', 'increment', 'dimensionless', '1', 'PPF definition: increment (dG2/dG1) or response ((G2-G0)/(G1-G0))', { choices: ['increment', 'response'] }),
    pp('intervals', [1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 1e-1, 2e-1, 5e-1], 'time', 's', 'intervals between the pulses', { min: 0 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    const b = new ResultBuilder('ppf', ctx, p);
    const iv = [...list(p, 'intervals')].sort((a, c) => a - c);
    const s = setSign(ctx);
    const ppf: number[] = [], inc: number[] = [], resp: number[] = [], dG1: number[] = [], dG2: number[] = [];
    const a1 = num(p, 'firstAmplitude') || num(p, 'amplitude'), w1 = num(p, 'firstWidth') || num(p, 'width');
    const probe = new Plan(readSettings(p));
    const readDur = probe.read.mode === 'pulse' ? probe.pulseDuration(probe.read.width) : 0;
    if (iv[0] < 2 * readDur) throw new SpecError('params.intervals', iv[0], `intervals of at least two read pulses (${2 * readDur} s)`);
    for (const dt of iv) {
      const plan = new Plan(readSettings(p));
      plan.readNow();
      plan.pulse(s * a1, w1);
      const t1 = plan.now;
      plan.readNow();
      plan.until(t1 + dt - readDur);
      const before = plan.readNow();
      plan.until(t1 + dt);
      plan.pulse(s * num(p, 'amplitude'), num(p, 'width'));
      plan.readNow();
      const r = runPlan(ctx, plan, { protocol: 'ppf', interval: dt });
      b.ran(r.ok, `interval ${dt} s: ${r.message}`);
      const g = r.g, g0 = g[0], g1 = g[1], gb = g[before], g2 = g[g.length - 1];
      inc.push((g2 - gb) / (g1 - g0));
      resp.push((g2 - g0) / (g1 - g0));
      dG1.push(g1 - g0);
      dG2.push(g2 - gb);
      ppf.push(str(p, 'index') === 'increment' ? inc[inc.length - 1] : resp[resp.length - 1]);
    }
    b.table('ppf', { interval: iv, ppf, incrementRatio: inc, responseRatio: resp, dG1, dG2 }, { interval: 's', ppf: '1', incrementRatio: '1', responseRatio: '1', dG1: 'S', dG2: 'S' });
    const f = fitExp(iv, ppf, { yInf: 1, seed: ctx.seed });
    const c = curve(f.evaluate, iv[0], iv[iv.length - 1]);
    b.table('fit', { interval: c.x, ppf: c.y }, { interval: 's', ppf: '1' });
    b.metric('ppfFirst', ppf[0], '1', `PPF at the shortest interval (${iv[0]} s)`);
    b.metric('ppfLast', ppf[ppf.length - 1], '1', `PPF at the longest interval (${iv[iv.length - 1]} s)`);
    b.metric('ppfMin', Math.min(...ppf), '1', 'smallest PPF over the intervals');
    b.metric('ppfAt10ms', logInterp(iv, ppf, 10e-3), '1', 'PPF at a 10 ms interval (log interpolation; NaN outside the sweep)');
    b.metric('ppfMonotone', ppf.every((x, k) => k === 0 || x <= ppf[k - 1]) ? 1 : 0, '1', '1 when PPF never rises with the interval');
    b.metric('tau', f.params.tau.value, 's', 'decay constant of PPF - 1 (single exponential)');
    b.metric('tauError', f.params.tau.error, 's', 'standard error of tau');
    b.metric('fitR2', f.r2, '1', 'R^2 of the exponential fit');
    b.metric('dG2First', dG2[0], 'S', 'conductance change of the second pulse at the shortest interval');
    b.metric('dG2Last', dG2[dG2.length - 1], 'S', 'conductance change of the second pulse at the longest interval');
    return b.finish();
  },
};
