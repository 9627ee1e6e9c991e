/**
 * `retention`: K identical pulses, then reads at log-spaced times over decades; the decay is
 * fitted by the stretched exponential G(t) = G_inf + A exp(-(t/tau)^beta) (review Fig. 5b,
 * Chang, Jo, Lu, ACS Nano 2011). Time is counted from the end of the last pulse.
 * @module protocols/retention
 */
import { fitStretchedExp, type DecayFit } from '../analysis/decay-fits.js';
import { logspace } from '../math/stats.js';
import { Plan, runPlan, type PlanRun } from './plan.js';
import { num, pp } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign, curve } from './common.js';
import type { Protocol, ProtocolContext, ProtocolParamDef, ProtocolParams } from './types.js';

/** Stimulus and read-out parameters shared by retention and stm-ltm. */
export const DECAY_PARAMS: readonly ProtocolParamDef[] = [
  pp('amplitude', 1, 'voltage', 'V', 'pulse amplitude (applied with SET polarity)', { min: 0 }),
  pp('width', 1e-3, 'time', 's', 'pulse width', { min: 0 }),
  pp('interval', 1e-3, 'time', 's', 'gap between pulses', { min: 0 }),
  pp('tMin', 1e-3, 'time', 's', 'first read after the last pulse', { min: 0 }),
  pp('tMax', 100, 'time', 's', 'last read after the last pulse', { min: 0 }),
  pp('reads', 30, 'dimensionless', '1', 'number of log-spaced reads', { integer: true, min: 5, max: 1000 }),
];

/** One stimulus-then-decay run. */
export interface DecayRun { t: number[]; g: number[]; g0: number; run: PlanRun; fit: DecayFit; }

/** Apply `pulses` pulses, read the decay, fit the stretched exponential. */
export function stimulateAndDecay(ctx: ProtocolContext, p: ProtocolParams, pulses: number): DecayRun {
  const plan = new Plan(readSettings(p));
  plan.readNow();
  const s = setSign(ctx);
  for (let k = 0; k < pulses; k++) {
    if (k > 0) plan.wait(num(p, 'interval'));
    plan.pulse(s * num(p, 'amplitude'), num(p, 'width'));
  }
  const tEnd = plan.now;
  const t = logspace(num(p, 'tMin'), num(p, 'tMax'), num(p, 'reads'));
  for (const x of t) { plan.until(tEnd + x); plan.readNow(); }
  const run = runPlan(ctx, plan, { protocol: 'retention', pulses });
  const g = run.g.slice(1);
  return { t, g, g0: run.g[0], run, fit: fitStretchedExp(t, g, ctx.seed) };
}

export const retentionProtocol: Protocol = {
  id: 'retention',
  title: 'Retention with stretched-exponential fit',
  figures: 'Fig. 5b',
  summary: 'K pulses then log-spaced reads; G(t) = G_inf + A exp(-(t/tau)^beta) with tau, beta, R^2',
  params: [pp('pulses', 10, 'dimensionless', '1', 'number of stimulating pulses', { integer: true, min: 1, max: 10000 }), ...DECAY_PARAMS, ...READ_PARAMS],
  run(ctx, p) {
    const b = new ResultBuilder('retention', ctx, p);
    const d = stimulateAndDecay(ctx, p, num(p, 'pulses'));
    b.ran(d.run.ok, d.run.message);
    const f = d.fit.params;
    b.metric('tau', f.tau.value, 's', `stretched-exponential time constant (standard error ${f.tau.error.toPrecision(2)} s)`);
    b.metric('tauError', f.tau.error, 's', 'standard error of tau');
    b.metric('beta', f.beta.value, '1', `stretch exponent (standard error ${f.beta.error.toPrecision(2)})`);
    b.metric('betaError', f.beta.error, '1', 'standard error of beta');
    b.metric('gInf', f.gInf.value, 'S', 'long-time conductance');
    b.metric('r2', d.fit.r2, '1', 'coefficient of determination of the fit');
    b.metric('g0', d.g0, 'S', 'conductance before the stimulus');
    b.metric('retained', (d.g[d.g.length - 1] - d.g0) / (d.g[0] - d.g0), '1', 'fraction of the change still present at tMax');
    b.table('decay', { t: d.t, g: d.g }, { t: 's', g: 'S' });
    const c = curve(d.fit.evaluate, d.t[0], d.t[d.t.length - 1]);
    b.table('fit', { t: c.x, g: c.y }, { t: 's', g: 'S' });
    return b.finish();
  },
};
