/**
 * `stdp`: spike-timing-dependent plasticity with non-overlapping spikes (review Fig. 6d, 7b,
 * 7d). Each spike is, in the device frame, a short programming pulse followed after `gap` by a
 * longer, lower "heating" (activating) pulse of the same polarity; the post-synaptic spike has
 * the SET polarity, the pre-synaptic spike the RESET polarity (pre and post drive opposite
 * electrodes). Alone, a programming pulse is sub-threshold; it changes the weight only while
 * the second state variable left by the other spike's heating pulse (temperature in
 * Ta2O5-x/TaOy, mobility in WOx, the open diffusive element in a diffusive + drift pair) has
 * not relaxed. dt = t_post - t_pre > 0 therefore potentiates and dt < 0 depresses, with a
 * magnitude set by the relaxation of that variable (Kim et al. 2015; Wang et al. 2017).
 *
 * dW(dt) = (G_end - G_0) / G_0 is fitted by A+ exp(-dt/tau+) and A- exp(dt/tau-).
 * @module protocols/stdp
 */
import { SpecError } from '../units/parse.js';
import { fitStdpWindow } from '../analysis/decay-fits.js';
import { Plan, runPlan } from './plan.js';
import { list, num, pp } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign } from './common.js';
import type { Protocol, ProtocolParams } from './types.js';

/** Append one spike (programming then heating pulse) of polarity `sign` starting at t0. */
function spike(plan: Plan, p: ProtocolParams, t0: number, sign: number): void {
  plan.until(t0);
  plan.pulse(sign * num(p, 'progAmplitude'), num(p, 'progWidth'));
  plan.wait(num(p, 'gap'));
  if (num(p, 'heatAmplitude') > 0) plan.pulse(sign * num(p, 'heatAmplitude'), num(p, 'heatWidth'));
}

export const stdpProtocol: Protocol = {
  id: 'stdp',
  title: 'Spike-timing-dependent plasticity (non-overlapping spikes)',
  figures: 'Fig. 6d, 7b, 7d',
  summary: 'pre/post spikes (programming + heating pulse) with relative timing swept over both signs; dW vs dt and the fitted window',
  params: [
    pp('progAmplitude', 1, 'voltage', 'V', 'programming pulse amplitude (magnitude)', { min: 0 }),
    pp('progWidth', 1e-3, 'time', 's', 'programming pulse width', { min: 0 }),
    pp('heatAmplitude', 0.5, 'voltage', 'V', 'heating / activating pulse amplitude (magnitude; 0 = none)', { min: 0 }),
    pp('heatWidth', 5e-3, 'time', 's', 'heating pulse width', { min: 0 }),
    pp('gap', 0, 'time', 's', 'gap between the programming and the heating pulse of one spike', { min: 0 }),
    pp('delays', [1e-2, 2e-2, 5e-2, 1e-1, 2e-1], 'time', 's', '|dt| values (each used with both signs); at least the spike duration', { min: 0 }),
    pp('readDelay', 1, 'time', 's', 'delay from the later spike to the read (lets volatile parts relax)', { min: 0 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    const b = new ResultBuilder('stdp', ctx, p);
    const s = setSign(ctx);
    const probe = new Plan(readSettings(p));
    const dur = probe.pulseDuration(num(p, 'progWidth')) + num(p, 'gap') + (num(p, 'heatAmplitude') > 0 ? probe.pulseDuration(num(p, 'heatWidth')) : 0);
    const mags = [...list(p, 'delays')].sort((a, c) => a - c);
    if (mags[0] < dur) throw new SpecError('params.delays', mags[0], `|dt| of at least the spike duration ${dur} s (spikes must not overlap)`);
    const dts = [...mags.map((m) => -m).reverse(), ...mags];
    const dW: number[] = [], gEnd: number[] = [];
    let g0 = NaN;
    for (const dt of dts) {
      const plan = new Plan(readSettings(p));
      plan.readNow();
      const lead = plan.now + 1e-9;
      // pre at tPre, post at tPre + dt; the earlier one starts at `lead`
      const tPre = dt >= 0 ? lead : lead - dt, tPost = tPre + dt;
      const order: Array<[number, number]> = dt >= 0 ? [[tPre, -s], [tPost, s]] : [[tPost, s], [tPre, -s]];
      for (const [t0, sign] of order) spike(plan, p, t0, sign);
      plan.wait(num(p, 'readDelay'));
      plan.readNow();
      const r = runPlan(ctx, plan, { protocol: 'stdp', dt });
      b.ran(r.ok, `dt ${dt} s: ${r.message}`);
      g0 = r.g[0];
      gEnd.push(r.g[1]);
      dW.push((r.g[1] - r.g[0]) / r.g[0]);
    }
    b.table('stdp', { dt: dts, dW, g: gEnd }, { dt: 's', dW: '1', g: 'S' });
    const f = fitStdpWindow(dts, dW, ctx.seed);
    const xs: number[] = [], ys: number[] = [];
    for (const sgn of [-1, 1]) for (let k = 0; k < 40; k++) {
      const m = mags[0] * Math.pow(mags[mags.length - 1] / mags[0], (sgn < 0 ? 39 - k : k) / 39);
      xs.push(sgn * m); ys.push(f.evaluate(sgn * m));
    }
    b.table('fit', { dt: xs, dW: ys }, { dt: 's', dW: '1' });
    const n = mags.length;
    const pos = dW.slice(n), neg = dW.slice(0, n).reverse();
    b.metric('g0', g0, 'S', 'conductance before the spikes');
    b.metric('dWPlus', pos[0], '1', `relative change at dt = +${mags[0]} s`);
    b.metric('dWMinus', neg[0], '1', `relative change at dt = -${mags[0]} s`);
    b.metric('antisymmetric', pos[0] > 0 && neg[0] < 0 ? 1 : 0, '1', '1 when the shortest +dt potentiates and the shortest -dt depresses');
    // the window falls toward the far-apart baseline: dW never rises with dt > 0 and never falls
    // as dt < 0 grows in magnitude (a tiny baseline of either sign at the largest |dt| is allowed)
    b.metric('decaysWithDelay', pos.every((x, k) => k === 0 || x <= pos[k - 1]) && neg.every((x, k) => k === 0 || x >= neg[k - 1]) ? 1 : 0, '1', '1 when dW falls monotonically toward the far-delay baseline on both sides');
    b.metric('aPlus', f.aPlus.value, '1', 'fitted potentiation amplitude A+');
    b.metric('tauPlus', f.tauPlus.value, 's', `fitted potentiation window tau+ (standard error ${f.tauPlus.error.toPrecision(2)} s)`);
    b.metric('aMinus', f.aMinus.value, '1', 'fitted depression amplitude A- (signed)');
    b.metric('tauMinus', f.tauMinus.value, 's', `fitted depression window tau- (standard error ${f.tauMinus.error.toPrecision(2)} s)`);
    return b.finish();
  },
};
