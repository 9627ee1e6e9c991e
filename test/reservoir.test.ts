import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { SpecError } from '../src/units/parse.js';
import { Batch } from '../src/network/device-batch.js';
import {
  DU2017_RATE1, DU2017_RATE2, DEFAULT_READ, FrameClock, NO_RELAXATION, READOUT_DEFAULTS, StreamTerm, allPatterns, checkScheme, cleanDigits, evaluateReadout,
  imageStreams, imageTask, noisyDigits, reservoirFeatures, parseBits, patternStudy, pulseEdge, pulseTimes, runReservoir, trainReadout, type ReservoirDevice,
} from '../src/network/reservoir/index.js';
import { main } from '../src/cli/main.js';
import { runProtocolSpec } from '../src/protocols/registry.js';
import { a9Checks } from '../src/report/panels-reservoir.js';
import { Rng } from '../src/rng/rng.js';

function device(preset: string, set: Record<string, unknown> = {}): ReservoirDevice {
  const pr = getPreset(preset)!, model = getModel(pr.model)!;
  return { model, resolved: resolveParams(model, pr, set, 'device'), label: preset };
}
const RATES: [typeof DU2017_RATE1, typeof DU2017_RATE2] = [DU2017_RATE1, DU2017_RATE2];

test('encoder: exact pulse timings, breakpoints and per-device voltages of the A9 rate-1 scheme', () => {
  const s = DU2017_RATE1, T = 0.8e-3, w = 0.5e-3, e = pulseEdge(w);
  assert.equal(e, 1e-6); // min(2 % of 0.5 ms, 1 us)
  const p = pulseTimes(parseBits('1011'), s);
  assert.deepEqual(p.on, [e, 2 * T + e, 3 * T + e]);
  assert.deepEqual(p.off, [e + w, 2 * T + e + w, 3 * T + e + w]);
  // breakpoints of the shared clock: every edge of every frame, then the frame end
  const clock = new FrameClock(s, 4, DEFAULT_READ);
  const bps: number[] = [];
  for (let t = 0; t < clock.end;) { t = clock.next(t); bps.push(t); }
  const want: number[] = [];
  for (let k = 0; k < 4; k++) want.push(k * T + e, k * T + e + w, k * T + 2 * e + w, (k + 1) * T);
  assert.deepEqual(bps, want);
  assert.equal(clock.next(clock.end), Infinity);
  assert.deepEqual(Array.from(clock.readTimes), [4 * T]);
  // two devices, "1011" and "0100": voltages inside the flat tops and in the gaps
  const dev = device('wox-du2017'), b = new Batch(dev.model);
  b.reserve(2); b.nb = 2;
  const term = new StreamTerm(b, clock);
  term.bind(Float64Array.from([1.5, 0, 1.5, 1.5, 0, 1.5, 0, 0]));
  const at = (t: number) => { term.voltages(t); return [b.v[0], b.v[1]]; };
  assert.deepEqual(at(e + w / 2), [1.5, 0]);
  assert.deepEqual(at(T + e + w / 2), [0, 1.5]);
  assert.deepEqual(at(T - 1e-5), [0, 0]);
  // half-way up the rising edge; t - 3T loses ~ulp(2.4 ms) = 4e-19 s of the 1 us edge: 1e-12 relative
  const mid = at(3 * T + e / 2);
  assert.ok(Math.abs(mid[0] - 0.75) < 1e-12 && mid[1] === 0, String(mid));
  // a real read pulse sits at the end of the read frame, after the programming pulse
  const pr = new FrameClock(s, 4, { mode: 'pulse', vRead: 0.1, width: 1e-6 });
  assert.ok(Math.abs(pr.readTimes[0] - (4 * T - 0.02e-6 - 0.5e-6)) < 1e-15, String(pr.readTimes[0])); // flat top ends 0.02 us (edge) before 4T
  assert.ok(Math.abs(pr.readVoltage(pr.readTimes[0]) - 0.1) < 1e-15 && pr.readVoltage(2 * T) === 0);
});

test('image streams: rows (or row pieces) become channels, bits in pixel order', () => {
  const x = Float64Array.from([1, 0, 0, 1, 0.2, 0.7, 1, 0]); // one 2 x 4 image
  const r = imageStreams(x, 1, { rows: 2, cols: 4, segments: 2, threshold: 0.5 });
  assert.equal(r.channels, 4); assert.equal(r.frames, 2);
  assert.deepEqual(Array.from(r.bits), [1, 0, 0, 1, 0, 1, 1, 0]);
  assert.deepEqual(Array.from(allPatterns(2)), [0, 0, 0, 1, 1, 0, 1, 1]);
});

test('physics: without relaxation the state depends only on the pulse count; with it later pulses weigh more', () => {
  const bits = allPatterns(4);
  const count = (q: number) => bits.subarray(q * 4, q * 4 + 4).reduce((a, b) => a + b, 0);
  const dev = device('wox-du2017');
  const ctl = device('wox-du2017', NO_RELAXATION['wox-chang']);
  const o = { scheme: DU2017_RATE2, read: DEFAULT_READ, channels: 1, seed: 1, rtol: 1e-8 };
  const gc = runReservoir(ctl, bits, 16, 4, o).g, gr = runReservoir(dev, bits, 16, 4, o).g;
  for (let a = 0; a < 16; a++) for (let b = 0; b < 16; b++) {
    if (count(a) !== count(b)) continue;
    // same count: equal to well within the integration tolerance (G ~ 7e-7 S)
    assert.ok(Math.abs(gc[a] - gc[b]) < 1e-13, `control ${a} vs ${b}: ${gc[a]} vs ${gc[b]}`);
  }
  assert.ok(gc[3] > gc[1] && gc[7] > gc[3], 'control: more pulses, higher state');
  // relaxing device: moving one pulse later raises the state ("1000" < "0100" < "0010" < "0001")
  assert.ok(gr[8] < gr[4] && gr[4] < gr[2] && gr[2] < gr[1], `${gr[8]} ${gr[4]} ${gr[2]} ${gr[1]}`);
  assert.ok(gr[12] < gr[10] && gr[10] < gr[6] && gr[6] < gr[3]);
  const s = patternStudy(dev, RATES, DEFAULT_READ, { seed: 1 });
  assert.equal(s.rate[0].orderViolations + s.rate[1].orderViolations, 0);
  assert.ok(s.rate.every((m) => m.distinct && m.recencyHolds) && s.rateDifferent);
});

test('physics: one relaxation mode, no consolidation: dG("1000") / dG("0001") = exp(-3 T / tau1) (the decay between the pulses)', () => {
  const dev = device('wox-du2017', { nuC: 0 });
  const s = patternStudy(dev, RATES, DEFAULT_READ, { seed: 1, rtol: 1e-9 });
  for (const m of s.rate) assert.ok(Math.abs(m.tauEff / 10e-3 - 1) < 1e-4, `tau_eff ${m.tauEff} s vs tau1 = 10 ms`);
  // the slow preset (tau1 = 3 s) shows a recency contrast only at the 1e-3 level: tau_eff of seconds
  const slow = patternStudy(device('wox-chang2011'), RATES, DEFAULT_READ, { seed: 1 });
  assert.ok(slow.rate[1].tauEff > 1, `wox-chang2011 tau_eff ${slow.rate[1].tauEff} s`);
});

test('readout: recovers a linearly separable toy problem (ridge and logistic), confusion sums to n', () => {
  const rng = new Rng(3).stream('toy');
  const make = (n: number) => {
    const x = new Float64Array(n * 2), y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 3, a = (2 * Math.PI * c) / 3;
      y[i] = c; x[2 * i] = 1e-6 * (3 * Math.cos(a) + 0.4 * rng.normal()); x[2 * i + 1] = 1e-6 * (3 * Math.sin(a) + 0.4 * rng.normal());
    }
    return { x, y, n, d: 2, classes: 3 };
  };
  const tr = make(150), te = make(300);
  for (const kind of ['ridge', 'logistic'] as const) {
    const r = trainReadout(tr, { ...READOUT_DEFAULTS, kind, seed: 1 });
    const ev = evaluateReadout(r, te);
    assert.equal(ev.accuracy, 1, kind);
    assert.equal(ev.confusion.reduce((a, b) => a + b, 0), 300);
  }
});

test('determinism, dedupe and device-to-device variability', () => {
  const set = { tau1Dtod: 0.3 };
  const x = noisyDigits(30, 1, 2, 'det');
  const { bits, channels } = imageStreams(x.x, x.n, { rows: 5, cols: 4, segments: 1, threshold: 0.5 });
  const o = { scheme: DU2017_RATE2, read: DEFAULT_READ, channels, seed: 5 };
  const a = runReservoir(device('wox-du2017', set), bits, x.n * channels, 4, o);
  const b = runReservoir(device('wox-du2017', set), bits, x.n * channels, 4, o);
  assert.deepEqual(a.g, b.g);
  assert.ok(a.stats.unique < x.n * channels);
  const c = runReservoir(device('wox-du2017', set), bits, x.n * channels, 4, { ...o, dedupe: false, batch: 37 });
  for (let k = 0; k < a.g.length; k++) assert.ok(Math.abs(a.g[k] - c.g[k]) < 1e-6 * a.g[k], `stream ${k}`);
  const d = runReservoir(device('wox-du2017', set), bits, x.n * channels, 4, { ...o, seed: 6 });
  assert.notDeepEqual(a.g, d.g); // other devices drawn
  // read noise: seeded, relative, and absent at sigma 0
  const enc = { rows: 5, cols: 4, segments: 1, threshold: 0.5 }, fo = { rates: [DU2017_RATE2], read: DEFAULT_READ, seed: 1 };
  const exact = reservoirFeatures(device('wox-du2017'), x, enc, fo);
  const n1 = reservoirFeatures(device('wox-du2017'), x, enc, { ...fo, readNoise: 0.01, noiseTag: 't' });
  assert.deepEqual(n1.x, reservoirFeatures(device('wox-du2017'), x, enc, { ...fo, readNoise: 0.01, noiseTag: 't' }).x);
  let s2 = 0;
  for (let k = 0; k < exact.x.length; k++) s2 += (n1.x[k] / exact.x[k] - 1) ** 2;
  const sd = Math.sqrt(s2 / exact.x.length);
  assert.ok(sd > 0.008 && sd < 0.012, `relative read noise sd ${sd} (150 draws of sigma 0.01)`);
  const task = () => imageTask(cleanDigits(), cleanDigits(), { rows: 5, cols: 4, segments: 1, threshold: 0.5 }, [{ name: 'reservoir', dev: device('wox-du2017') }], { rates: [DU2017_RATE2], read: DEFAULT_READ, seed: 1, readout: { ...READOUT_DEFAULTS, epochs: 1000, seed: 1 } });
  const t1 = task(), t2 = task();
  assert.deepEqual(t1.lines.map((l) => l.testAccuracy), t2.lines.map((l) => l.testAccuracy));
  assert.equal(t1.lines[0].testAccuracy, 1); // the 10 clean digits apart with recency ("2" vs "5")
});

test('protocol reservoir-patterns and the fig5-reservoir panel checks (A9) on wox-du2017', () => {
  const r = runProtocolSpec({ protocol: 'reservoir-patterns', device: { preset: 'wox-du2017' }, seed: 1 });
  assert.equal(r.status, 'ok');
  assert.equal(r.tables.states.columns.gRate1.length, 16);
  const checks = a9Checks((k) => r.metrics[k].value);
  assert.deepEqual(checks.filter((c) => !c.pass).map((c) => c.metric), []);
  assert.throws(() => runProtocolSpec({ protocol: 'reservoir-patterns', device: { preset: 'wox-du2017' }, circuit: { series: '1 kOhm' } }), (e: unknown) => e instanceof SpecError && e.path === 'circuit');
});

test('bad input names the field', () => {
  const named = (f: () => unknown, path: string) => assert.throws(f, (e: unknown) => e instanceof SpecError && e.path === path, path);
  named(() => checkScheme({ amplitude: 1.5, width: 1e-3, frame: 0.8e-3 }), 'scheme.width');
  named(() => checkScheme({ amplitude: -1, width: 1e-3, frame: 2e-3 }), 'scheme.amplitude');
  named(() => parseBits('10a1'), 'pattern');
  named(() => new FrameClock(DU2017_RATE1, 4, DEFAULT_READ, [3, 1]), 'reads[1]');
  named(() => new FrameClock(DU2017_RATE1, 4, { mode: 'pulse', vRead: 0.1, width: 0.5e-3 }), 'read.width');
  named(() => runReservoir(device('wox-du2017'), new Uint8Array(7), 2, 4, { scheme: DU2017_RATE1, read: DEFAULT_READ, channels: 1, seed: 1 }), 'bits');
  named(() => imageStreams(new Float64Array(20), 1, { rows: 5, cols: 4, segments: 3, threshold: 0.5 }), 'encoding.segments');
  named(() => trainReadout({ x: Float64Array.of(NaN), y: Int32Array.of(0), n: 1, d: 1, classes: 2 }, { ...READOUT_DEFAULTS, seed: 1 }), 'train.x[0]');
});

test('CLI: network reservoir patterns (json), digits5x4 (--out), bad flags exit 2 naming the flag', async () => {
  const log = console.log, err = console.error, out: string[] = [], errs: string[] = [];
  console.log = (s: string) => { out.push(String(s)); };
  console.error = (s: string) => { errs.push(String(s)); };
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-reservoir-'));
  try {
    assert.equal(await main(['network', 'reservoir', '--task', 'patterns', '--json']), 0);
    const doc = JSON.parse(out.join('\n'));
    assert.equal(doc.patterns.length, 16);
    assert.ok(doc.checks.length >= 5 && doc.checks.every((c: { pass: boolean }) => c.pass));
    out.length = 0;
    assert.equal(await main(['network', 'reservoir', '--task', 'digits5x4', '--train', '20', '--test', '40', '--out', dir]), 0);
    assert.deepEqual(readdirSync(dir).sort(), ['accuracy.csv', 'confusion.csv', 'reservoir.svg', 'states.csv', 'summary.json']);
    const sum = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    assert.deepEqual(sum.results.map((r: { set: string }) => r.set), ['clean', 'noisy']);
    assert.equal(sum.results[0].lines[0].testAccuracy, 1);
    assert.equal(sum.results[0].lines[1].testAccuracy, 0.9); // the counting control cannot tell "2" from "5"
    assert.equal(await main(['network', 'reservoir', '--task', 'speech']), 2);
    assert.match(errs.join('\n'), /--task: got speech/);
    assert.equal(await main(['network', 'reservoir', '--task', 'digits5x4', '--rate', '3']), 2);
    assert.match(errs.join('\n'), /--rate: got 3/);
    assert.equal(await main(['network', 'reservoir', '--task', 'patterns', '--width', '1ms']), 2);
    assert.match(errs.join('\n'), /rate 1\.width: got 0\.001/);
  } finally {
    console.log = log; console.error = err;
    rmSync(dir, { recursive: true, force: true });
  }
});
