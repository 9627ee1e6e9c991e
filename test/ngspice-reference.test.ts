/**
 * nanoionics against ngspice reference fixtures (test/fixtures/ngspice, written by
 * scripts/make-ngspice-fixtures.mjs): the same model as behavioural B-sources with a capacitor
 * state, the same two-cycle triangular waveform, state and current compared on ngspice's
 * uniform output grid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveSpec, simulate } from '../src/experiment/index.js';

interface Fixture {
  model: string; preset: string; set: Record<string, unknown>; points: Array<[number, number]>; tEnd: number;
  ngspiceError: { x: number; i: number }; t: number[]; x: number[]; i: number[];
}

for (const id of ['linear-drift', 'vteam', 'yakopcic']) {
  test(`ngspice reference: ${id}`, () => {
    const fx = JSON.parse(readFileSync(new URL(`../../test/fixtures/ngspice/${id}.json`, import.meta.url), 'utf8')) as Fixture;
    const dt = fx.t[1] - fx.t[0];
    const r = simulate(resolveSpec({
      device: { preset: fx.preset, set: fx.set },
      stimulus: { type: 'pwl', points: fx.points },
      solver: { rtol: 1e-9, atolScale: 1e-3 },
      record: { every: dt },
    }));
    assert.equal(r.status, 'ok', r.message);
    const c = r.columns, state = Object.keys(c).find((k) => k === 'x' || k === 'w')!;
    let xRange = 0, iMax = 0;
    for (let k = 0; k < fx.t.length; k++) { xRange = Math.max(xRange, Math.abs(fx.x[k] - fx.x[0])); iMax = Math.max(iMax, Math.abs(fx.i[k])); }
    let ex = 0, ei = 0, m = 0;
    for (let k = 0; k < fx.t.length; k++) {
      // nanoionics records on the same grid (every dt, landed exactly); match by time
      while (m < c.t.length - 1 && c.t[m] < fx.t[k] - 1e-9 * dt) m++;
      if (Math.abs(c.t[m] - fx.t[k]) > 1e-6 * dt) continue;
      ex = Math.max(ex, Math.abs(c[state][m] - fx.x[k]));
      ei = Math.max(ei, Math.abs(c.i[m] - fx.i[k]));
    }
    // Tolerances: ngspice's own error is estimated by the fixture script as the largest
    // difference between its runs at max step h and h/2 (trapezoidal, error ~ h^2, so the
    // fixture's error is about a third of that). nanoionics runs at rtol 1e-9, far below.
    // Allow 3x ngspice's estimated error plus a floor of 1e-6 of the state excursion and of
    // the peak current (ngspice's reltol = 1e-7 on each accepted step, accumulated over the
    // ~1e4-1e5 steps of the run).
    const tolX = 3 * fx.ngspiceError.x + 1e-6 * xRange;
    const tolI = 3 * fx.ngspiceError.i + 1e-6 * iMax;
    assert.ok(ex <= tolX, `${id}: max |x - x_ngspice| = ${ex} > ${tolX} (state range ${xRange})`);
    assert.ok(ei <= tolI, `${id}: max |i - i_ngspice| = ${ei} A > ${tolI} A (peak ${iMax} A)`);
    console.log(`${id}: max |dx| ${ex.toExponential(2)} (tol ${tolX.toExponential(2)}), max |di| ${ei.toExponential(2)} A (tol ${tolI.toExponential(2)})`);
  });
}
