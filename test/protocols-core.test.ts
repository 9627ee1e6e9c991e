import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProtocolSpec, resolveProtocolSpec } from '../src/protocols/registry.js';
import { Plan } from '../src/protocols/plan.js';
import { SpecError } from '../src/units/parse.js';

// Protocols on the core presets (no second state variable): limits with known answers.

test('ppf on a first-order non-volatile device: no interval dependence (nothing decays at V = 0)', () => {
  const r = runProtocolSpec({ protocol: 'ppf', device: { preset: 'hp-tio2-strukov2008' }, params: { amplitude: '1 V', width: '10 ms', intervals: ['1 ms', '10 ms', '100 ms', '1 s'] } });
  assert.equal(r.status, 'ok');
  const ppf = r.tables.ppf.columns.ppf;
  // the state is frozen between pulses, so every interval gives the same pair: equal to the
  // integrator's relative tolerance (1e-6) times a few
  for (const x of ppf) assert.ok(Math.abs(x - ppf[0]) < 1e-5 * Math.abs(ppf[0]), `${ppf}`);
  assert.ok(r.read.startsWith('virtual'));
});

test('real read pulses agree with the virtual read when the read voltage is too small to move the state', () => {
  const base = { protocol: 'pulse-response', device: { preset: 'hp-tio2-strukov2008' }, params: { pulses: 5, amplitude: '1 V', depressAmplitude: '1 V', width: '10 ms', interval: '2 ms', vRead: '0.01 V', readWidth: '10 us' } };
  const v = runProtocolSpec(base);
  const p = runProtocolSpec({ ...base, params: { ...base.params, read: 'pulse' } });
  const gv = v.tables.curve.columns.g, gp = p.tables.curve.columns.g;
  assert.equal(gv.length, gp.length);
  // linear drift at 10 mV for 10 us moves x by ~1e-8 of its range; the linear device's chord
  // conductance I/V equals its read conductance: agreement to 1e-4 relative
  for (let k = 0; k < gv.length; k++) assert.ok(Math.abs(gp[k] - gv[k]) < 1e-4 * gv[k], `read ${k}: ${gp[k]} vs ${gv[k]}`);
  assert.ok(p.read.startsWith('real read pulses'));
});

test('iv: SET at positive, RESET at negative voltage on a bipolar drift device; ON/OFF > 1', () => {
  const r = runProtocolSpec({ protocol: 'iv', device: { preset: 'baseline-sinh' } });
  assert.equal(r.status, 'ok');
  assert.ok(r.metrics.vSet.value > 0 && r.metrics.vReset.value < 0, `${r.metrics.vSet.value} ${r.metrics.vReset.value}`);
  assert.ok(r.metrics.onOff.value > 1);
});

test('protocol parameters: units, lists and errors that name the path', () => {
  const s = resolveProtocolSpec({ protocol: 'srdp', device: { preset: 'baseline-sinh' }, params: { rates: '1 Hz, 10 Hz', width: '2 ms' } });
  assert.deepEqual(s.params.rates, [1, 10]);
  assert.equal(s.params.width, 2e-3);
  assert.throws(() => resolveProtocolSpec({ protocol: 'srdp', device: { preset: 'baseline-sinh' }, params: { width: '2 V' } }), (e: unknown) => e instanceof SpecError && e.path === 'params.width');
  assert.throws(() => resolveProtocolSpec({ protocol: 'srdp', device: { preset: 'baseline-sinh' }, params: { nope: 1 } }), (e: unknown) => e instanceof SpecError && e.path === 'params.nope');
  assert.throws(() => resolveProtocolSpec({ protocol: 'nope', device: { preset: 'baseline-sinh' } }), (e: unknown) => e instanceof SpecError && e.path === 'protocol');
  assert.throws(() => runProtocolSpec({ protocol: 'stdp', device: { preset: 'baseline-sinh' }, params: { delays: ['1 ms'] } }), (e: unknown) => e instanceof SpecError && e.path === 'params.delays');
});

test('plan: read marks are breakpoints; real reads split the flat top at the mark', () => {
  const plan = new Plan({ mode: 'pulse', vRead: 0.1, width: 1e-6 });
  plan.pulse(1, 1e-3);
  const k = plan.readNow();
  const w = plan.waveform();
  const t = plan.marks[k];
  assert.equal(w.value(t), 0.1);
  // the mark is a breakpoint: the next breakpoint after just before it is the mark itself
  assert.equal(w.nextBreakpoint(t - 1e-12), t);
});
