import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveContinuumParams, E_NM } from '../../src/physics/continuum/params.js';
import { ContinuumSolver } from '../../src/physics/continuum/solver.js';
import { runContinuum } from '../../src/physics/continuum/run.js';
import { generationRate, equilibriumVacancies, reactionStep } from '../../src/physics/continuum/generation.js';
import { KB, Q } from '../../src/units/constants.js';
import { SHAPE_CELL, setShape } from '../../src/physics/continuum/scenarios.js';

const EV = Q;

test('generation on, closed film under bias and Joule heating: vacancies - O ions conserved to round-off, both >= 0', () => {
  // the Fig. 8 cell (coarse) closed at the top for vacancies and O ions, 3 V for 10 us (the O
  // ions gather under the closed top electrode)
  const p = resolveContinuumParams({ ...SHAPE_CELL, nx: 16, kEx: 0, kExO: 0, compliance: 1 });
  const s = new ContinuumSolver(p);
  const v0 = s.totalIons();
  // fixed steps (conservation is a property of every step, accepted or not; with steps this
  // long the lagged exclusion lets n pass nMax, which the step control of runContinuum prevents)
  for (let k = 0; k < 100; k++) assert.equal(s.step(3, 1e-8).status, 'ok');
  const ox = s.totalOxygen();
  assert.ok(s.pairsMade > 1, `pairs made ${s.pairsMade}`);
  assert.equal(ox.store, 0);
  // every pair adds one vacancy and one O ion: N_V - N_O is the initial N_V
  assert.ok(Math.abs(s.totalIons() - ox.film - v0) < 1e-10 * v0, `N_V ${s.totalIons()} N_O ${ox.film} N_V0 ${v0}`);
  assert.ok(Math.abs(s.totalIons() - v0 - s.pairsMade) < 1e-10 * v0, `pairs ${s.pairsMade}`);
  for (let k = 0; k < s.m; k++) {
    assert.ok(s.n[k] >= 0 && s.o[k] >= 0, `cell ${k}: n ${s.n[k]} o ${s.o[k]}`);
  }
});

test('generation on, open film (Fig. 8 cell): SET stores O ions at the top electrode, RESET brings them back to recombine; N_V + out - N_O - store conserved', () => {
  const p = resolveContinuumParams({ ...SHAPE_CELL, nx: 16, complianceReset: 1 });
  const s = new ContinuumSolver(p);
  const inv = (q: ContinuumSolver) => { const o = q.totalOxygen(); return q.totalIons() + q.reservoirOut - o.film - o.store; };
  const i0 = inv(s);
  const set = runContinuum(s, { waveform: { t: [0, 1e-9, 1e-3], v: [0, 3, 3] }, tEnd: 1e-3, dtMax: 1e-4, stop: (q) => q.compliant });
  assert.ok(set.status === 'stopped' || set.status === 'ok', set.message);
  const stored = s.totalOxygen().store, made = s.pairsMade;
  assert.ok(stored > 1 && made > 1, `store ${stored}, pairs ${made}`);
  assert.ok(Math.abs(inv(s) - i0) < 1e-9 * Math.abs(i0), `SET bookkeeping ${inv(s)} vs ${i0}`);
  // a fresh pulse from this state (startFrom keeps the O ions and the store; counters restart)
  const q = new ContinuumSolver(p);
  q.startFrom(s);
  const j0 = inv(q);
  const rs = runContinuum(q, { waveform: { t: [0, 1e-9, 1e-6], v: [0, -1.5, -1.5] }, tEnd: 1e-6, dtMax: 1e-7 });
  assert.equal(rs.status, 'ok', rs.message);
  assert.ok(q.totalOxygen().store < 0.1 * stored, `store after RESET ${q.totalOxygen().store} of ${stored}`);
  assert.ok(q.pairsMade < -0.9 * stored, `RESET recombines the returning O ions: net pairs ${q.pairsMade}, stored ${stored}`);
  assert.ok(Math.abs(inv(q) - j0) < 1e-9 * Math.abs(j0), `RESET bookkeeping ${inv(q)} vs ${j0}`);
  for (let k = 0; k < q.m; k++) assert.ok(q.n[k] >= 0 && q.o[k] >= 0, `cell ${k}`);
  for (const x of q.oStore) assert.ok(x >= 0);
});

test('zero field: generation and recombination reach detailed balance n o / ((nMax - n)(nMax - o)) = exp(-(E_G - E_R) / kT)', () => {
  for (const [eg, er, t0] of [[0.9, 0.8, 300], [1.5, 1.2, 900], [1.0, 1.0, 300], [0.8, 0.9, 300]]) {
    // a uniform film does not move; transport is slowed (3 eV barriers) because a backward-Euler
    // step of 1e7 s with hopping at 900 K is ill-conditioned (D dt / h^2 ~ 1e16)
    const p = resolveContinuumParams({ nx: 4, nz: 4, kEx: 0, kExO: 0, generation: 1, eGen: eg * EV, eRec: er * EV, t0, nSeed: 0, ea: 3 * EV, eaO: 3 * EV });
    const s = new ContinuumSolver(p);
    // long backward-Euler steps at zero bias: the fixed point of the step is the equilibrium
    const r = runContinuum(s, { waveform: { t: [0, 1], v: [0, 0] }, tEnd: 1e8, dtMax: 1e7, dtInit: 1, dnTol: 1 });
    assert.equal(r.status, 'ok', r.message);
    const K = Math.exp(-((eg - er) * EV) / (KB * t0));
    const expect = equilibriumVacancies(p, p.n0, t0);
    for (let k = 0; k < s.m; k++) {
      const n = s.n[k], o = s.o[k];
      const ratio = (n * o) / ((p.nMax - n) * (p.nMax - o));
      assert.ok(Math.abs(ratio / K - 1) < 1e-8, `${eg}/${er} eV, ${t0} K: ratio ${ratio} vs ${K}`);
      assert.ok(Math.abs(n / expect - 1) < 1e-9 && Math.abs(n - o - p.n0) < 1e-6 * p.n0, `n ${n} vs ${expect}, n - o ${n - o}`);
    }
  }
});

test('zero field: the relaxation toward equilibrium converges at first order in dt to the exact (Riccati) solution', () => {
  const p = resolveContinuumParams({ generation: 1, eGen: 0.9 * EV, eRec: 0.8 * EV });
  const N = p.nMax, c = p.n0;
  const g = generationRate(p, 0, 300), kR = p.nu * Math.exp(-p.eRec / (KB * 300));
  // dn/dt = g (N - n)(N - n + c)/N - kR n (n - c)/N = a (n - r1)(n - r2), c = n(0) - o(0) = n0;
  // y = (n - r1)/(n - r2) obeys dy/dt = a (r1 - r2) y
  const a = (g - kR) / N, b = -g * (2 * N + c) / N + kR * c / N, cc = g * (N + c);
  const d = Math.sqrt(b * b - 4 * a * cc);
  let r1 = (-b + d) / (2 * a), r2 = (-b - d) / (2 * a);
  if (!(r1 >= c && r1 <= N)) [r1, r2] = [r2, r1];
  const lam = a * (r1 - r2);
  assert.ok(lam < 0, `equilibrium r1 = ${r1} is stable`);
  const tEnd = 2 / -lam;
  const y = ((p.n0 - r1) / (p.n0 - r2)) * Math.exp(lam * tEnd);
  const exact = (r1 - y * r2) / (1 - y);
  const errs = [40, 80, 160].map((steps) => {
    const n = new Float64Array([p.n0]), o = new Float64Array([0]);
    const e = new Float64Array(1), T = new Float64Array([300]), vol = new Float64Array([1]);
    for (let k = 0; k < steps; k++) reactionStep(p, tEnd / steps, e, T, vol, n, o);
    return Math.abs(n[0] - exact) / exact;
  });
  const order = Math.log2(errs[0] / errs[1]), order2 = Math.log2(errs[1] / errs[2]);
  assert.ok(errs[2] < 1e-2, `error ${errs}`);
  assert.ok(Math.abs(order - 1) < 0.15 && Math.abs(order2 - 1) < 0.1, `orders ${order}, ${order2} (errors ${errs})`);
});

test('generation rate: exponential in the driving field with slope p / kT, capped at nu; the solver makes pairs at that rate in a uniform field', () => {
  const p = resolveContinuumParams({ nx: 6, nz: 10, kEx: 0, kExO: 0, generation: 1, eGen: 1.5 * EV, pGen: 2 * E_NM, rhoC: 1e8, rSeries: 0 });
  const kT = KB * 300;
  for (const e of [0, 1e8, 3e8, 6e8]) {
    const want = p.nu * Math.exp(-(p.eGen - p.pGen * e) / kT);
    assert.ok(Math.abs(generationRate(p, e, 300) / want - 1) < 1e-12, `E ${e}`);
  }
  // beyond E_G / p the barrier is gone: the rate is the attempt frequency
  assert.equal(generationRate(p, 2 * p.eGen / p.pGen, 300), p.nu);
  // solver: a uniform film in the field V / L (linear potential: the driving field at every
  // centre is V / L up to the potential solver's tolerance); one short step, pairs made per
  // second vs sum vol g(F_k) (nMax - n0) at the driving field F_k the solver computed
  let vol = 0;
  const made = [1.5, 2.5, 3.5].map((v) => {
    const s = new ContinuumSolver({ ...p, nSeed: p.n0 });
    vol = s.vol.reduce((a, b) => a + b, 0);
    const dt = 1e-12;
    const rep = s.step(v, dt, 1);
    assert.equal(rep.status, 'ok');
    let want = 0;
    for (let k = 0; k < s.m; k++) {
      assert.ok(Math.abs(s.eDrive[k] / (v / p.thickness) - 1) < 1e-3, `${v} V, cell ${k}: driving field ${s.eDrive[k]} vs V/L`);
      want += generationRate(p, s.eDrive[k], s.T[k]) * (p.nMax - p.n0) * s.vol[k]; // no O ions yet: interstitial factor 1
    }
    // (the vacancy transport of the same step moves the boundary rows by ~1e-5 of their density first)
    assert.ok(Math.abs(s.pairsMade / dt / want - 1) < 1e-4, `${v} V: ${s.pairsMade / dt} vs ${want} pairs/s`);
    return s.pairsMade / dt;
  });
  // ratio of rates between voltages: exp(p dE / kT)
  const slope = Math.log(made[2] / made[0]) / ((3.5 - 1.5) / p.thickness);
  // (within the potential solver's field error, ~1e-4 of V/L: p dF / kT ~ 1e-2 of the slope)
  assert.ok(Math.abs(slope / (p.pGen / kT) - 1) < 1e-2, `slope ${slope} vs ${p.pGen / kT}`);
  // a reverse field does not assist (the O ion would be pushed toward the inert electrode)
  const s = new ContinuumSolver({ ...p, nSeed: p.n0 });
  s.step(-3.5, 1e-12, 1);
  let want0 = 0;
  for (let k = 0; k < s.m; k++) { assert.equal(s.eDrive[k], 0); want0 += generationRate(p, 0, s.T[k]) * (p.nMax - p.n0) * s.vol[k]; }
  assert.ok(Math.abs(s.pairsMade / 1e-12 / want0 - 1) < 1e-4, `reverse: ${s.pairsMade / 1e-12} vs ${want0}`);
});

test('reaction step: densities stay in [0, nMax] and n - o is kept exactly for any dt and state', () => {
  const p = resolveContinuumParams({ generation: 1, eGen: 0.5 * EV, eRec: 0.3 * EV, pGen: 5 * E_NM });
  const cases: Array<[number, number, number]> = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0.5], [0.5, 0.2, 0.3], [1e-9, 0.99, 1e-3]];
  for (const dt of [1e-15, 1e-9, 1, 1e9]) {
    for (const e of [0, 1e9, 1e11]) {
      for (const [fn, fo, t] of cases) {
        const n = new Float64Array([fn * p.nMax]), o = new Float64Array([fo * p.nMax]);
        const c = n[0] - o[0];
        reactionStep(p, dt, new Float64Array([e]), new Float64Array([300 + 1500 * t]), new Float64Array([1]), n, o);
        assert.ok(Number.isFinite(n[0]) && Number.isFinite(o[0]), `dt ${dt} e ${e} case ${fn} ${fo}`);
        assert.ok(n[0] >= 0 && n[0] <= p.nMax && o[0] >= 0 && o[0] <= p.nMax, `dt ${dt} e ${e} case ${fn} ${fo}: n ${n[0]} o ${o[0]}`);
        assert.ok(Math.abs(n[0] - o[0] - c) <= 1e-12 * p.nMax, `dt ${dt}: n - o ${n[0] - o[0]} vs ${c}`);
      }
    }
  }
});

test('Fig. 8g,h with generation on a coarse cell: at the same read G the 2.5 V filament is longer and narrower than the 1.6 V one', () => {
  // 24 x 15 cells (dr 0.33 nm, ~2 s); measured L / W at 0.1 nMax 10.00 / 2.05 nm vs 2.20 / 2.96 nm
  // (report cell 32 x 20: 10.00 / 2.27 vs 2.63 / 3.26; 64 x 40: 10.00 / 2.37 vs 2.93 / 3.12)
  const p = resolveContinuumParams({ ...SHAPE_CELL, nx: 24, nz: 15 });
  const r = setShape(p, { probe: false, tolScale: 1 });
  for (const b of [r.high, r.low]) {
    assert.equal(b.status, 'stopped', `${b.v} V: ${b.status}`);
    assert.ok(Math.abs(b.g / 3e-6 - 1) < 0.1, `${b.v} V: read G ${b.g}`);
  }
  const hi = r.high.geometry, lo = r.low.geometry;
  assert.ok(hi.length > 2 * lo.length, `L ${hi.length} vs ${lo.length}`);
  assert.ok(hi.width < 0.85 * lo.width, `W ${hi.width} vs ${lo.width}`);
});
