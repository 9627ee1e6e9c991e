import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSpec, simulate } from '../src/experiment/index.js';

const TEST = { amplitude: 1.1, width: 0.5e-6 }; // measurements.md A4: test stimulation 1.1 V / 0.5 us

/** Prime with `n` pulses of `amp` V / 0.5 us at 500 kHz, then `m` identical 1.1 V test pulses. */
function history(amp: number, n: number, m: number) {
  const spec = resolveSpec({
    device: { preset: 'ta2o5-zhu2017' },
    stimulus: { type: 'sequence', segments: [
      { type: 'pulse-train', amplitude: amp, width: 0.5e-6, period: 2e-6, count: n, tail: 5e-6 },
      { type: 'pulse-train', ...TEST, period: 2e-6, count: m, tail: 5e-6 },
    ] },
    record: { every: 'breakpoint', vRead: 0.1 },
  });
  const r = simulate(spec);
  assert.equal(r.status, 'ok', r.message);
  const t = r.columns.t, g = r.columns.g;
  const t1 = (spec.stimulus as unknown as { starts: Float64Array }).starts[1];
  let k = 0;
  while (t[k + 1] <= t1) k++;
  return { gPrimed: g[k], gAfter: g[g.length - 1], p: r.columns.p[k], w: r.columns.w[k] };
}

test('ta2o5-zhu2017: equal conductance from two priming histories, opposite response to identical test pulses', () => {
  // history A: 30 pulses of 1.1 V (column stays on the top side of the centre);
  // history B: 14 pulses of 1.2 V (column driven past the centre, short of the bottom wall)
  const a = history(1.1, 30, 10), b = history(1.2, 14, 10);
  // measurements.md A4 (a): same G within +-5 %
  assert.ok(Math.abs(a.gPrimed - b.gPrimed) / a.gPrimed < 0.05, `G_A ${a.gPrimed}, G_B ${b.gPrimed}`);
  // different hidden state: the column sits on opposite sides of the centre
  assert.ok(a.p > 0.5 && b.p < 0.5, `p_A ${a.p}, p_B ${b.p}`);
  // opposite sign of the change under identical stimulation, each larger than 3 % of G
  const dA = (a.gAfter - a.gPrimed) / a.gPrimed, dB = (b.gAfter - b.gPrimed) / b.gPrimed;
  assert.ok(dA > 0.03 && dB < -0.03, `relative change A ${dA}, B ${dB}`);
});

test('metaplastic-filament: the conductance is many-to-one (mirror positions give the same G)', () => {
  const spec = (p0: number) => resolveSpec({ device: { preset: 'ta2o5-zhu2017', set: { p0 } }, stimulus: { type: 'dc', level: 0, duration: 1e-6 }, record: { every: 'none' } });
  const g1 = simulate(spec(0.62)).metrics.gInitial.value, g2 = simulate(spec(0.38)).metrics.gInitial.value;
  // the gap resistances are symmetric in p about 1/2: equal to round-off
  assert.ok(Math.abs(g1 - g2) / g1 < 1e-12, `${g1} vs ${g2}`);
});
