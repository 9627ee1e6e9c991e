import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexAt, linearFit, runSegments } from './syn-helpers.js';

// heating pulse 0.6 V / 1 us, programming pulse 1.4 V / 20 ns after a delay dt (preset fittedTo)
const VH = 0.6, WH = 1e-6, VP = 1.4, WP = 20e-9;
const TAU_TH = 400e-9; // the preset's thermal time constant

function programming(dt: number, heat = true) {
  const segs: unknown[] = [{ type: 'dc', level: 0, duration: 100e-9 }];
  if (heat) segs.push({ type: 'pulse', amplitude: VH, width: WH });
  segs.push({ type: 'dc', level: 0, duration: dt }, { type: 'pulse', amplitude: VP, width: WP }, { type: 'dc', level: 0, duration: 3e-6 });
  const { r, starts } = runSegments('ta2o5-kim2015', segs, { every: 'step' });
  assert.equal(r.status, 'ok', r.message);
  const kp = heat ? 3 : 2;
  const { t, g } = r.columns;
  return { dG: g[indexAt(t, starts[kp + 1])] - g[indexAt(t, starts[kp])], r, starts };
}

test('ta2o5-kim2015: the temperature relaxes with tau_th, in the "hundreds of ns" band', () => {
  const { r, starts } = programming(3e-6);
  // after the heating pulse V = 0, so I V = 0 and T - T0 decays as a pure exponential
  const { t, T } = r.columns;
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k < t.length; k++) {
    const s = t[k] - starts[2];
    if (s > 50e-9 && s < 1.5e-6) { xs.push(s); ys.push(Math.log(T[k] - 300)); }
  }
  const tauT = -1 / linearFit(xs, ys).slope;
  // the exact value is tau_th; the tolerance is the integrator's (rtol 1e-6) plus the fit
  // over interpolated steps: 1 %
  assert.ok(Math.abs(tauT - TAU_TH) / TAU_TH < 0.01, `tau_T ${tauT}`);
  // measurements.md A3 (a): 100 ns - 1 us
  assert.ok(tauT >= 100e-9 && tauT <= 1e-6);
});

test('ta2o5-kim2015: dG of the programming pulse falls with the delay after heating, below 20 % by 3 tau_T', () => {
  const delays = [1e-9, 100e-9, 300e-9, 600e-9, 3 * TAU_TH, 3e-6];
  const dG = delays.map((d) => programming(d).dG);
  for (let k = 1; k < dG.length; k++) assert.ok(dG[k] < dG[k - 1], `dG must fall with delay: ${dG.join(', ')}`);
  // measurements.md A3 (b): below 20 % of the dt -> 0 value by dt = 3 tau_T
  assert.ok(dG[4] < 0.2 * dG[0], `dG(3 tau_T) / dG(0) = ${dG[4] / dG[0]}`);
  // and it tends to the cold (no heating) response, which the heating enhances tenfold or more
  const cold = programming(1e-9, false).dG;
  assert.ok(Math.abs(dG[5] - cold) / cold < 0.05, `dG(3 us) ${dG[5]} vs cold ${cold}`);
  assert.ok(dG[0] > 5 * cold, `heating enhancement ${dG[0] / cold}`);
});

test('ta2o5-kim2015: a negative programming pulse after heating depresses (sign follows the pulse)', () => {
  const { r, starts } = runSegments('ta2o5-kim2015', [
    { type: 'dc', level: 0, duration: 100e-9 }, { type: 'pulse', amplitude: VH, width: WH },
    { type: 'dc', level: 0, duration: 1e-9 }, { type: 'pulse', amplitude: -VP, width: WP }, { type: 'dc', level: 0, duration: 1e-6 },
  ]);
  const { t, g } = r.columns;
  assert.ok(g[indexAt(t, starts[4])] < g[indexAt(t, starts[3])]);
});
