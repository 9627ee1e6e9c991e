import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PulseTrain } from '../src/stimulus/waveform.js';

test('PulseTrain.affine reproduces value() inside every piece and refuses intervals across an edge', () => {
  const w = new PulseTrain({ base: -0.2, amplitude: 1.3, delay: 0.5e-6, rise: 10e-9, width: 990e-9, fall: 30e-9 }, 2e-6, 5, 1e-6);
  const lin = new Float64Array(2);
  let t = 0, pieces = 0;
  while (t < w.duration) {
    const next = Math.min(w.nextBreakpoint(t), w.duration);
    assert.ok(w.affine(t, next, lin), `piece [${t}, ${next}]`);
    for (const f of [0, 0.3, 0.7]) {
      const tt = t + f * (next - t);
      // affine form vs the lookup: both are exact linear interpolation, so only rounding differs
      assert.ok(Math.abs(lin[0] + lin[1] * (tt - t) - w.value(tt)) <= 1e-12, `t = ${tt}`);
    }
    assert.ok(Math.abs(lin[0] + lin[1] * (next - t) - w.valueLeft(next)) <= 1e-12, `left limit at ${next}`);
    if (next < w.duration) assert.equal(w.affine(t, next + 0.01 * (w.nextBreakpoint(next) - next), lin), false, `across the edge at ${next}`);
    t = next;
    pieces++;
  }
  assert.equal(pieces, 1 + 5 * 4); // delay, then rise / top / fall / gap of each pulse (the last gap is the tail)
  assert.equal(w.continuous, true);
  assert.equal(new PulseTrain({ base: 0, amplitude: 1, delay: 0, rise: 0, width: 1, fall: 0 }, 2, 2).continuous, false);
});
