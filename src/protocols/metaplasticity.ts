/**
 * `metaplasticity`: two priming histories that leave the same conductance, then identical
 * stimulation (review Fig. 8c-f, 8i, 8l; Zhu, Du, Jeong, Lu 2017: priming 1.2 V / 0.5 us,
 * trains at 6.7 vs 5.0 MHz, test 1.1 V / 0.5 us).
 *
 *   history X (A or B): countX pulses of ampX at periodX, then (resetX > 0) resetCountX
 *   RESET pulses of resetX at the same period
 *
 * The matching knob (`match`) equalises the conductances after `settle` (tolerance `matchTol`):
 *  - ampB / resetB: B's train or RESET amplitude, from a grid of 0.5 ... 1.5 times its start
 *    value (G need not be monotone in it), then bisection of the sign change nearest the start;
 *  - count: both histories get the same pulse count N (countA / countB are not used), the count
 *    at which the two G(N) trajectories, once apart by more than matchTol, cross again: the
 *    design of Fig. 8e,f, where trains of equal pulses at two rates are compared;
 *  - none: the histories as given.
 * Both devices then get the same test train; the result is each history's conductance
 * trajectory and the sign and size of its change.
 * @module protocols/metaplasticity
 */
import { Plan, runPlan } from './plan.js';
import { num, pp, str } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings, setSign } from './common.js';
import type { Protocol, ProtocolContext, ProtocolParams } from './types.js';

interface History { amp: number; period: number; count: number; reset: number; resetCount: number; }

function histories(p: ProtocolParams): [History, History] {
  return [
    { amp: num(p, 'ampA'), period: num(p, 'periodA'), count: num(p, 'countA'), reset: num(p, 'resetA'), resetCount: num(p, 'resetCountA') },
    { amp: num(p, 'ampB'), period: num(p, 'periodB'), count: num(p, 'countB'), reset: num(p, 'resetB'), resetCount: num(p, 'resetCountB') },
  ];
}

/** Build priming (+ optional test train) for one history. Returns the plan and the index of the post-settle read. */
function build(ctx: ProtocolContext, p: ProtocolParams, h: History, test: boolean): { plan: Plan; matchRead: number } {
  const s = setSign(ctx), w = num(p, 'width');
  const plan = new Plan(readSettings(p));
  plan.readNow();
  for (let k = 0; k < h.count; k++) { plan.until(k * h.period); plan.pulse(s * h.amp, w); }
  if (h.reset > 0) for (let k = 0; k < h.resetCount; k++) { plan.wait(h.period - plan.pulseDuration(w)); plan.pulse(-s * h.reset, w); }
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

/** G after each of `n` train pulses of history h (read at the end of each pulse), G[0] before the train. */
function trainTrajectory(ctx: ProtocolContext, p: ProtocolParams, h: History, n: number, b: ResultBuilder): number[] {
  const s = setSign(ctx), w = num(p, 'width');
  const plan = new Plan(readSettings(p));
  plan.readNow();
  for (let k = 0; k < n; k++) { plan.until(k * h.period); plan.pulse(s * h.amp, w); plan.readNow(); }
  const r = runPlan(ctx, plan, { protocol: 'metaplasticity', stage: 'count scan' });
  b.ran(r.ok, `count scan: ${r.message}`);
  return r.g;
}

/**
 * The common count at which trajectories gA, gB (index = pulses applied), having separated by
 * more than tol (relative), meet again: the index nearer the sign change of gA - gB. Returns
 * the count and a note when there is no crossing (then the closest approach after separating).
 */
export function crossingCount(gA: readonly number[], gB: readonly number[], tol: number): { count: number; note?: string } {
  const n = Math.min(gA.length, gB.length);
  let sep = 0, kSep = -1;
  for (let k = 1; k < n; k++) {
    const d = gA[k] - gB[k];
    if (sep === 0) {
      if (Math.abs(d) > tol * Math.abs(gA[k])) { sep = Math.sign(d); kSep = k; }
      continue;
    }
    if (d * sep <= 0) return { count: Math.abs(gA[k - 1] - gB[k - 1]) < Math.abs(d) ? k - 1 : k };
  }
  if (sep === 0) return { count: n - 1, note: `the two trains never separated by more than ${tol} of G within ${n - 1} pulses` };
  let best = kSep;
  for (let k = kSep; k < n; k++) if (Math.abs(gA[k] - gB[k]) < Math.abs(gA[best] - gB[best])) best = k;
  return { count: best, note: `the two trains did not cross again within ${n - 1} pulses (closest after separating: ${best} pulses)` };
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
    pp('resetA', 0, 'voltage', 'V', 'history A RESET pulse amplitude after its train (0: none)', { min: 0 }),
    pp('resetCountA', 1, 'dimensionless', '1', 'history A RESET pulse count', { integer: true, min: 1, max: 100000 }),
    pp('resetB', 0, 'voltage', 'V', 'history B RESET pulse amplitude after its train (0: none; start value when match = resetB)', { min: 0 }),
    pp('resetCountB', 1, 'dimensionless', '1', 'history B RESET pulse count', { integer: true, min: 1, max: 100000 }),
    pp('match', 'ampB', 'dimensionless', '1', 'knob that equalises the conductances: B\'s train or RESET amplitude (bisected), or a common pulse count (where the trajectories cross)', { choices: ['ampB', 'resetB', 'count', 'none'] }),
    pp('maxCount', 500, 'dimensionless', '1', 'longest train scanned when match = count', { integer: true, min: 2, max: 100000 }),
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
    const knob = str(p, 'match');
    if (knob === 'count') {
      const n = num(p, 'maxCount');
      const c = crossingCount(trainTrajectory(ctx, p, hA, n, b), trainTrajectory(ctx, p, hB, n, b), num(p, 'matchTol'));
      hA.count = hB.count = c.count;
      if (c.note) b.note(c.note);
    }
    const target = knob === 'ampB' || knob === 'resetB' ? gAfter(hA) : NaN;
    if (knob === 'ampB' || knob === 'resetB') {
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
    b.metric('knobB', knob === 'resetB' ? hB.reset : hB.amp, 'V', `history B ${knob === 'resetB' ? 'RESET' : 'train'} amplitude${knob === 'ampB' || knob === 'resetB' ? ' after matching' : ''}`);
    b.metric('countA', hA.count, '1', `history A train pulse count${knob === 'count' ? ' (common count where the trajectories cross)' : ''}`);
    b.metric('countB', hB.count, '1', 'history B train pulse count');
    b.metric('dGA', dG[0], 'S', 'change after the test train, history A');
    b.metric('dGB', dG[1], 'S', 'change after the test train, history B');
    b.metric('oppositeSigns', dG[0] * dG[1] < 0 ? 1 : 0, '1', '1 when the two histories change in opposite directions');
    b.metric('contrast', dG[0] / dG[1], '1', 'dG_A / dG_B');
    return b.finish();
  },
};
