import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveNetworkSpec } from '../src/network/spec.js';
import { SpecError } from '../src/units/parse.js';

// The network spec at the boundary (errors name the field) and the `nanoionics network` command.

const LIF = { type: 'lif', n: 2, tauM: '20 ms', vRest: '-70 mV', vReset: '-65 mV', vThreshold: '-54 mV' };
const base = (): Record<string, any> => ({
  dt: '0.1 ms', duration: '20 ms', seed: 3,
  groups: { input: { type: 'poisson', n: 4, rate: '20 Hz' }, out: { ...LIF } },
  synapses: { ff: { from: 'input', to: 'out', kind: 'rule', weight: 0.01, stdp: { aPre: 1e-4, aPost: -1e-4, wMax: 0.02 } } },
});
const dev = (): Record<string, any> => ({
  from: 'input', to: 'out', kind: 'device', device: { preset: 'wox-du2015' }, weightRange: [0, 0.01],
  waveform: { progAmplitude: '1.4 V', progWidth: '1 ms', heatAmplitude: '0.9 V', heatWidth: '5 ms' },
});

test('network spec: units as strings, defaults, and a valid device synapse group', () => {
  const s = resolveNetworkSpec({ ...base(), synapses: { d: dev() } });
  assert.equal(s.dt, 1e-4);
  assert.equal(s.duration, 0.02);
  const g = s.groups[1];
  assert.ok(g.type === 'lif' && Math.abs(g.lif.vThreshold + 0.054) < 1e-15 && g.lif.synapse === 'conductance' && g.lif.v0 === g.lif.vRest);
  const d = s.synapses[0];
  assert.equal(d.target, 'ge');
  assert.deepEqual(d.pre, { progAmplitude: 1.4, progWidth: 1e-3, heatAmplitude: 0.9, heatWidth: 5e-3, gap: 0 });
  assert.ok(d.conductanceRange![0] > 0 && d.conductanceRange![1] > 10 * d.conductanceRange![0]);
});

test('network spec: bad input names the field', () => {
  const cases: Array<[(s: Record<string, any>) => void, RegExp]> = [
    [(s) => { delete s.duration; }, /^duration: got nothing/],
    [(s) => { s.dt = '-1 ms'; }, /^dt: got "-1 ms"/],
    [(s) => { s.extra = 1; }, /^extra: .*a key of a network spec/],
    [(s) => { s.groups.out.tauM = '20 V'; }, /^groups\.out\.tauM: .*time/],
    [(s) => { s.groups.out.type = 'izhikevich'; }, /^groups\.out\.type: .*poisson, lif or generator/],
    [(s) => { s.groups.out.vReset = '-50 mV'; }, /^groups\.out\.vReset: .*below the threshold/],
    [(s) => { s.groups.input.rate = '-3 Hz'; }, /^groups\.input\.rate: /],
    [(s) => { s.groups.input.rate = '20 kHz'; }, /^groups\.input\.rate: .*1\/dt/],
    [(s) => { s.synapses.ff.from = 'nowhere'; }, /^synapses\.ff\.from: got "nowhere"/],
    [(s) => { s.synapses.ff.target = 'gx'; }, /^synapses\.ff\.target: .*ge, gi/],
    [(s) => { s.synapses.ff.stdp.tauPre = '-2 ms'; }, /^synapses\.ff\.stdp\.tauPre: /],
    [(s) => { s.synapses.ff.connect = { p: 2 }; }, /^synapses\.ff\.connect\.p: /],
    [(s) => { s.synapses.ff.kind = 'magic'; }, /^synapses\.ff\.kind: /],
    [(s) => { s.synapses.ff = { ...dev(), device: { preset: 'no-such' } }; }, /^synapses\.ff\.device\.preset: got "no-such"/],
    [(s) => { s.synapses.ff = { ...dev(), device: { preset: 'wox-du2015', set: { c0: 3 } } }; }, /^synapses\.ff\.device\.set\.c0: got 3/],
    [(s) => { s.synapses.ff = { ...dev(), waveform: { progAmplitude: '1 V' } }; }, /^synapses\.ff\.waveform\.progWidth: got nothing/],
    [(s) => { s.synapses.ff = { ...dev(), weightRange: undefined }; }, /^synapses\.ff\.weightRange: got nothing/],
    [(s) => { s.synapses.ff = { ...dev(), stdp: {} }; }, /^synapses\.ff\.stdp: .*a key of/],
    [(s) => { s.monitors = { states: [{ group: 'out', variable: 'w' }] }; }, /^monitors\.states\[0\]\.variable: got "w"/],
    [(s) => { s.monitors = { weights: [{ synapses: 'ff', every: '0.05 ms' }] }; }, /^monitors\.weights\[0\]\.every: .*multiple of dt/],
  ];
  for (const [mutate, re] of cases) {
    const s = base();
    mutate(s);
    assert.throws(() => resolveNetworkSpec(s), (e: unknown) => e instanceof SpecError && re.test(e.message), `${re}`);
  }
});

const CLI = join('bin', 'nanoionics.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, 'network', ...args], { encoding: 'utf8' });

test('nanoionics network: --help, --json, --out files, bad input exits 2 naming the field', () => {
  const h = cli('--help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /kind: device/);
  const dir = mkdtempSync(join(tmpdir(), 'ni-network-'));
  try {
    const spec = join(dir, 'net.json');
    writeFileSync(spec, JSON.stringify({ ...base(), synapses: { ff: base().synapses.ff, d: dev() }, monitors: { spikes: ['input', 'out'], weights: [{ synapses: 'd', every: '5 ms' }] } }));
    const r = cli(spec, '--json', '--out', join(dir, 'out'), '--duration', '30 ms');
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.status, 'ok');
    assert.ok(Math.abs(doc.t - 0.03) < 1e-15);
    assert.equal(doc.synapses[1].kind, 'device');
    assert.ok(doc.synapses[1].device.stats.programs > 0);
    assert.match(doc.provenance.specHash, /^[0-9a-f]+$/);
    const files = readdirSync(join(dir, 'out')).sort();
    for (const f of ['network.svg', 'result.json', 'spikes-input.csv', 'spikes-out.csv', 'weights-d.csv', 'weights-ff.csv', 'weight-trace-d.csv']) assert.ok(files.includes(f), `${f} in ${files}`);
    const w = readFileSync(join(dir, 'out', 'weights-d.csv'), 'utf8').trim().split('\n');
    assert.equal(w[0], 'pre,post,initial,final');
    assert.equal(w.length, 1 + 8);
    assert.match(readFileSync(join(dir, 'out', 'network.svg'), 'utf8'), /^<svg/);
    writeFileSync(spec, JSON.stringify({ ...base(), groups: { ...base().groups, out: { ...LIF, tauM: 'fast' } } }));
    const bad = cli(spec);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /groups\.out\.tauM: got "fast"/);
    assert.equal(cli().status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nanoionics network --demo: rule and device synapses side by side, deterministic', () => {
  const a = cli('--demo', '--json', '--duration', '100 ms'), b = cli('--demo', '--json', '--duration', '100 ms');
  assert.equal(a.status, 0, a.stderr);
  const da = JSON.parse(a.stdout), db = JSON.parse(b.stdout);
  assert.deepEqual(da.groups, db.groups);
  assert.deepEqual(da.synapses, db.synapses);
  assert.deepEqual(da.synapses.map((s: { kind: string }) => s.kind), ['rule', 'device']);
  assert.equal(da.synapses[1].device.preset, 'wox-du2015');
});
