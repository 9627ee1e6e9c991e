/**
 * `metaplasticity`: two priming histories that leave the same conductance, then identical
 * stimulation (review Fig. 8c-f, 8i, 8l; Zhu, Du, Jeong, Lu 2017: priming 1.2 V / 0.5 us,
 * trains at 6.7 vs 5.0 MHz, test 1.1 V / 0.5 us).
 *
 *   history A: countA pulses of ampA at periodA
 *   history B: countB pulses of ampB at periodB, then (resetB > 0) one RESET pulse of resetB
 *
 * The matching knob (`match`: B's train amplitude, or B's RESET amplitude) is bisected until
 * G_B = G_A after `settle` (tolerance `matchTol`). Both devices then get the same test train;
 * the result is each history's conductance trajectory and the sign and size of its change.
 * @module protocols/metaplasticity
 */
import { Plan, runPlan } from './plan.js';
import { num, pp, str } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign } from './common.js';
import type { Protocol, ProtocolContext, ProtocolParams } from './types.js';

interface History { amp: number; period: number; count: number; reset: number; }

function histories(p: ProtocolParams): [History, History] {
  return [
    { amp: num(p, 'ampA'), period: num(p, 'periodA'), count: num(p, 'countA'), reset: 0 },
    { amp: num(p, 'ampB'), period: num(p, 'periodB'), count: num(p, 'countB'), reset: num(p, 'resetB') },
  ];
}

/** Build priming (+ optional test train) for one history. Returns the plan and the index of the post-settle read. */
function build(ctx: ProtocolContext, p: ProtocolParams, h: History, test: boolean): { plan: Plan; matchRead: number } {
  const s = setSign(ctx), w = num(p, 'width');
  const plan = new Plan(readSettings(p));
  plan.readNow();
  for (let k = 0; k < h.count; k++) { plan.until(k * h.period); plan.pulse(s * h.amp, w); }
  if (h.reset > 0) { plan.wait(h.period - plan.pulseDuration(w)); plan.pulse(-s * h.reset, w); }
  plan.wait(num(p, 'settle'));
  const matchRead = plan.readNow();
  if (test) {
    const t0 = plan.now, tp = num(p, 'testPeriod');
    for (let k = 0; k < num(p, 'testCount'); k++) {
      plan.until(t0 + k * tp);
      plan.pulse(s * num(p, 'testAmplitude'), num(p, 'testWidth'));
      plan.wait(Math.min(num(p, 'testReadDelay'), Math.max(0, tp - plan.pulseDuration(num(p, 'testWidth')))));
      plan.readNow();
    }
    plan.wait(num(p, 'finalDelay'));
    plan.readNow();
  }
  return { plan, matchRead };
}

export const metaplasticityProtocol: Protocol = {
  id: 'metaplasticity',
  title: 'Metaplasticity: equal conductance, different history',
  figures: 'Fig. 8c-f, 8i, 8l',
  summary: 'two priming histories matched to the same conductance, then identical test pulses; trajectories and the sign/size of each change',
  params: [
    pp('width', 5e-7, 'time', 's', 'priming pulse width', { min: 0 }),
    pp('ampA', 1.2, 'voltage', 'V', 'history A pulse amplitude', { min: 0 }),
    pp('periodA', 1.5e-6, 'time', 's', 'history A pulse period', { min: 0 }),
    pp('countA', 10, 'dimensionless', '1', 'history A pulse count', { integer: true, min: 0, max: 100000 }),
    pp('ampB', 1.2, 'voltage', 'V', 'history B pulse amplitude (start value when match = ampB)', { min: 0 }),
    pp('periodB', 2e-6, 'time', 's', 'history B pulse period', { min: 0 }),
    pp('countB', 10, 'dimensionless', '1', 'history B pulse count', { integer: true, min: 0, max: 100000 }),
    pp('resetB', 0, 'voltage', 'V', 'history B final RESET pulse amplitude (0: none; start value when match = resetB)', { min: 0 }),
    pp('match', 'ampB', 'dimensionless', '1', 'knob bisected to equalise the conductances', { choices: ['ampB', 'resetB', 'none'] }),
    pp('matchTol', 0.02, 'dimensionless', '1', 'relative conductance mismatch accepted', { min: 0, max: 0.5 }),
    pp('settle', 1e-5, 'time', 's', 'wait after priming before the match read and the test', { min: 0 }),
    pp('testAmplitude', 1.1, 'voltage', 'V', 'test pulse amplitude (SET polarity)', { min: 0 }),
    pp('testWidth', 5e-7, 'time', 's', 'test pulse width', { min: 0 }),
    pp('testPeriod', 2e-6, 'time', 's', 'test pulse period', { min: 0 }),
    pp('testCount', 10, 'dimensionless', '1', 'test pulse count', { integer: true, min: 1, max: 100000 }),
    pp('testReadDelay', 1e-6, 'time', 's', 'read delay after each test pulse (within the period)', { min: 0 }),
    pp('finalDelay', 1e-4, 'time', 's', 'wait after the test train before the final read', { min: 0 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    const b = new ResultBuilder('metaplasticity', ctx, p);
    const [hA, hB] = histories(p);
    const gAfter = (h: History): number => {
      const { plan, matchRead } = build(ctx, p, h, false);
      const r = runPlan(ctx, plan, { protocol: 'metaplasticity', stage: 'match' });
      b.ran(r.ok, `priming: ${r.message}`);
      return r.g[matchRead];
    };
    const target = gAfter(hA);
    const knob = str(p, 'match');
    if (knob !== 'none') {
      const key = knob === 'ampB' ? 'amp' : 'reset';
      // G after priming need not be monotone in the knob (complementary switching): scan a grid
      // of 0.5 ... 1.5 times the start value, take the sign change nearest the start, bisect it
      const start = hB[key] > 0 ? hB[key] : 1;
      const f = (x: number) => gAfter({ ...hB, [key]: x }) - target;
      const xs = Array.from({ length: 11 }, (_, k) => start * (0.5 + k / 10));
      const fs = xs.map(f);
      let best = -1;
      for (let k = 1; k < xs.length; k++) {
        if (fs[k - 1] * fs[k] <= 0 && (best < 0 || Math.abs(xs[k] - start) < Math.abs(xs[best] - start))) best = k;
      }
      if (best < 0) {
        let kMin = 0;
        fs.forEach((v, k) => { if (Math.abs(v) < Math.abs(fs[kMin])) kMin = k; });
        hB[key] = xs[kMin];
        b.note(`could not match G_B to G_A with ${key} in [${xs[0].toPrecision(3)}, ${xs[xs.length - 1].toPrecision(3)}] V; closest ${key} = ${xs[kMin].toPrecision(3)} V`);
      } else {
        let lo = xs[best - 1], hi = xs[best], flo = fs[best - 1];
        hB[key] = Math.abs(fs[best]) < Math.abs(flo) ? hi : lo;
        for (let it = 0; it < 30 && Math.abs(f(hB[key])) > num(p, 'matchTol') * Math.abs(target); it++) {
          const mid = 0.5 * (lo + hi), fm = f(mid);
          hB[key] = mid;
          if (fm * flo > 0) { lo = mid; flo = fm; } else hi = mid;
        }
      }
    }
    const traj: Record<string, number[]> = {}, dG: number[] = [], gMatch: number[] = [];
    for (const [name, h] of [['A', hA], ['B', hB]] as const) {
      const { plan, matchRead } = build(ctx, p, h, true);
      const r = runPlan(ctx, plan, { protocol: 'metaplasticity', history: name });
      b.ran(r.ok, `history ${name}: ${r.message}`);
      const g = r.g.slice(matchRead);
      traj[`g${name}`] = g;
      gMatch.push(g[0]);
      dG.push(g[g.length - 1] - g[0]);
    }
    const n = traj.gA.length;
    b.table('trajectories', { pulse: Array.from({ length: n }, (_, k) => k), gA: traj.gA, gB: traj.gB }, { pulse: '1', gA: 'S', gB: 'S' });
    b.metric('gMatchA', gMatch[0], 'S', 'conductance after history A (before the test)');
    b.metric('gMatchB', gMatch[1], 'S', 'conductance after history B (before the test)');
    b.metric('mismatch', Math.abs(gMatch[1] - gMatch[0]) / gMatch[0], '1', 'relative difference of the matched conductances');
    b.metric('knobB', knob === 'resetB' ? hB.reset : hB.amp, 'V', `history B ${knob === 'resetB' ? 'RESET' : 'train'} amplitude after matching`);
    b.metric('dGA', dG[0], 'S', 'change after the test train, history A');
    b.metric('dGB', dG[1], 'S', 'change after the test train, history B');
    b.metric('oppositeSigns', dG[0] * dG[1] < 0 ? 1 : 0, '1', '1 when the two histories change in opposite directions');
    b.metric('contrast', dG[0] / dG[1], '1', 'dG_A / dG_B');
    return b.finish();
  },
};
