import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(process.cwd(), 'bin', 'nanoionics.js');
function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function specFile(obj: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'nano-cli-'));
  const p = join(dir, 'spec.json');
  writeFileSync(p, JSON.stringify(obj));
  return p;
}
const good = { device: { preset: 'baseline-sinh' }, stimulus: { type: 'pulse-train', amplitude: '1 V', width: '1 us', period: '2 us', count: 3 } };

test('bad specs exit non-zero with a message naming the field', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ ...good, device: { model: 'no-such-model' } }, /device\.model/],
    [{ ...good, stimulus: { ...good.stimulus, width: '1 nm' } }, /stimulus\.width.*time/],
    [{ ...good, device: { model: 'linear-drift', set: { d: '-5 nm' } } }, /device\.set\.d/],
    [{ ...good, device: { model: 'linear-drift', set: { d: 'NaN nm' } } }, /device\.set\.d/],
    [{ device: good.device }, /stimulus/],
    [{ ...good, stimulus: { type: 'pulse-train', amplitude: '1 V', width: '1 us', period: '2 us' } }, /stimulus\.count/],
    [{ ...good, circuit: { series: '1 kV' } }, /circuit\.series/],
    [{ ...good, seed: -1 }, /seed/],
  ];
  for (const [spec, re] of cases) {
    const r = cli(['run', specFile(spec)]);
    assert.equal(r.code, 2, `exit code for ${JSON.stringify(spec)}: ${r.err}`);
    assert.match(r.err, re);
    assert.equal(r.err.trim().split('\n').length, 1, 'one-line reason');
  }
  const missing = cli(['run', '/nonexistent/spec.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file/);
});

test('run writes CSV and JSON under --out and prints JSON with --json; same seed, same numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nano-out-'));
  const spec = specFile({ ...good, device: { preset: 'baseline-sinh', set: { kDtod: 0.2 }, count: 4 }, seed: 5, record: { devices: 'all' } });
  const r = cli(['run', spec, '--out', dir, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.status, 'ok');
  assert.equal(j.provenance.seed, 5);
  assert.match(j.provenance.specHash, /^[0-9a-f]{16}$/);
  assert.ok(existsSync(join(dir, 'result.csv')) && existsSync(join(dir, 'result.json')));
  assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary files left behind');
  const csv = readFileSync(join(dir, 'result.csv'), 'utf8').trim().split('\n');
  assert.match(csv[0], /^t \[s\],vs \[V\],v\[0\] \[V\]/);
  const again = JSON.parse(cli(['run', spec, '--json']).out);
  assert.deepEqual(again.final, j.final);
  // device-to-device variability: 4 devices, 4 different final states
  assert.equal(new Set(j.final.w).size, 4);
});

test('models lists the catalogue and shows a model with its schema', () => {
  const list = JSON.parse(cli(['models', '--json']).out);
  assert.ok(list.models.some((m: { id: string }) => m.id === 'linear-drift'));
  const show = JSON.parse(cli(['models', 'show', 'linear-drift', '--json']).out);
  for (const p of show.params) for (const k of ['default', 'unit', 'min', 'max', 'meaning', 'source']) assert.ok(k in p, `${p.name} lacks ${k}`);
  assert.equal(cli(['models', 'show', 'nope']).code, 2);
  for (const c of ['models', 'run']) assert.equal(cli([c, '--help']).code, 0);
});

test('reproduce --only memory writes the memory datasheets section, datasheet pages and summary rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nano-rep-'));
  const r = cli(['reproduce', '--only', 'memory', '--quick-datasheets', '--out', dir, '--json']);
  assert.equal(r.code, 0, r.err);
  const summary = JSON.parse(r.out);
  assert.ok(summary.datasheets.length >= 3, 'three memory stacks');
  for (const d of summary.datasheets) {
    assert.ok(existsSync(join(dir, 'datasheets', `${d.preset}.html`)) && existsSync(join(dir, 'datasheets', `${d.preset}.json`)));
    for (const c of d.criteria) assert.ok(['pass', 'fail', 'n/a'].includes(c.status));
  }
  assert.match(readFileSync(join(dir, 'index.html'), 'utf8'), /Memory figures of merit/);
});
