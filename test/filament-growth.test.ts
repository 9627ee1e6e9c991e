import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexAt, runSegments } from './syn-helpers.js';

test('yang-selector: volatile threshold switching within the built-in compliance', () => {
  const { r, starts } = runSegments('yang-selector', [
    { type: 'pulse', amplitude: 1, width: 1e-3 }, { type: 'dc', level: 0, duration: 10e-3 },
  ], { every: 'step', vRead: 0.08 });
  assert.equal(r.status, 'ok', r.message);
  const { t, g, i, h } = r.columns;
  const gOff = g[0];
  const kEnd = indexAt(t, starts[1]);
  assert.ok(g[kEnd - 1] / gOff > 1e4, `ON at the end of the pulse: G/G_off = ${g[kEnd - 1] / gOff}`);
  let iMax = 0;
  for (const x of i) iMax = Math.max(iMax, Math.abs(x));
  // smooth limiter with p = 8: |I| <= I_cc exactly (I0 (1 + (I0/Icc)^8)^(-1/8) < Icc)
  assert.ok(iMax <= 100e-6, `|I| max ${iMax}`);
  assert.ok(g[g.length - 1] < 1.01 * gOff, 'dissolved 10 ms after the pulse');
  // slack of 10 atol (1e-12 m), as in the catalogue sweep: an explicit step may overshoot the
  // wall by its local error before the wall pushes the state back
  for (const x of h) assert.ok(x >= -1e-12 && x <= 15e-9 + 1e-12, `h ${x} inside [0, h_max]`);
});

test('yang-drift: non-volatile SET by a positive pulse, RESET by a negative one', () => {
  const { r, starts } = runSegments('yang-drift', [
    { type: 'pulse', amplitude: 1.5, width: 1e-3 }, { type: 'dc', level: 0, duration: 1000 },
    { type: 'pulse', amplitude: -1.5, width: 1e-3 }, { type: 'dc', level: 0, duration: 1 },
  ]);
  assert.equal(r.status, 'ok', r.message);
  const { t, g, h } = r.columns;
  const gOff = g[0], gSet = g[indexAt(t, starts[1])], gKept = g[indexAt(t, starts[2])], gReset = g[g.length - 1];
  assert.ok(gSet > 3 * gOff, `SET: ${gSet} vs ${gOff}`);
  assert.ok(Math.abs(gKept - gSet) / gSet < 0.01, `retained after 1000 s: ${gKept} vs ${gSet}`);
  assert.ok(Math.abs(gReset - gOff) / gOff < 0.01, `RESET: ${gReset} vs ${gOff}`);
  // 10 atol (1e-12 m) of slack, as in the catalogue sweep (a wall is held to the local error)
  for (const x of h) assert.ok(x >= -1e-12 && x <= 15e-9 + 1e-12, `h ${x} inside [0, h_max]`);
});

test('taox-drift-wang2017: analog and non-volatile at mid-window lengths (the element yang-drift dissolves)', () => {
  // a weak positive and a weak negative pulse from h_max / 2: each moves h part of the way,
  // and the partial states are kept over 1000 s at zero bias
  const { r, starts } = runSegments('taox-drift-wang2017', [
    { type: 'pulse', amplitude: 0.15, width: 1e-3 }, { type: 'dc', level: 0, duration: 1000 },
    { type: 'pulse', amplitude: -0.15, width: 2e-3 }, { type: 'dc', level: 0, duration: 1000 },
  ]);
  assert.equal(r.status, 'ok', r.message);
  const { t, g, h } = r.columns;
  const h0 = h[0], hUp = h[indexAt(t, starts[1])], hUpKept = h[indexAt(t, starts[2])], hDown = h[indexAt(t, starts[3])], hDownKept = h[h.length - 1];
  assert.ok(h0 === 7.5e-9, `starts mid-window: ${h0}`);
  assert.ok(hUp > h0 + 0.5e-9 && hUp < 14e-9, `partial SET: h ${hUp}`);
  assert.ok(hDown < hUp - 0.5e-9 && hDown > 0.5e-9, `partial RESET: h ${hDown}`);
  assert.equal(hUpKept, hUp, 'no change at zero bias after the SET');
  assert.equal(hDownKept, hDown, 'no change at zero bias after the RESET');
  assert.ok(g[indexAt(t, starts[1])] > g[0] && g[g.length - 1] < g[indexAt(t, starts[1])], 'G follows h');
  // the same partial SET on yang-drift (dissolution Gaussian at h2 = 5 nm) is lost within 1000 s
  const y = runSegments('yang-drift', [{ type: 'pulse', amplitude: 0.15, width: 1e-3 }, { type: 'dc', level: 0, duration: 1000 }], { set: { h0: 7.5e-9 } });
  assert.ok(y.r.final.h[0] < 1e-9, `yang-drift mid-window state dissolves: h ${y.r.final.h[0]}`);
});
