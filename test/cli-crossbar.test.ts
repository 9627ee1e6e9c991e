import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(process.cwd(), 'bin', 'nanoionics.js');
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('crossbar read writes the voltage and current maps; rf reports the C3 cutoff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nano-xbar-'));
  const r = cli(['crossbar', '--op', 'read', '--rows', '6', '--cols', '5', '--cell', '1s1r', '--out', dir, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.status, 'ok');
  assert.ok(j.kclError < 1e-12);
  const map = readFileSync(join(dir, 'cell-current.csv'), 'utf8').trim().split('\n');
  assert.equal(map.length, 6);
  assert.equal(map[0].split(',').length, 5);
  assert.ok(existsSync(join(dir, 'crossbar.json')));
  const rf = JSON.parse(cli(['crossbar', '--op', 'rf', '--json']).out);
  assert.ok(Math.abs(rf.cutoffHz - 36e12) / 36e12 < 0.02, `f_c ${rf.cutoffHz}`);
});

test('export spice / verilog-a print the model; bad input exits 2 naming the option', () => {
  const s = cli(['export', 'spice', 'baseline-sinh']);
  assert.equal(s.code, 0);
  assert.match(s.out, /\.subckt ni_baseline_sinh p n/);
  assert.match(cli(['export', 'verilog-a', 'hp-tio2-strukov2008']).out, /module ni_hp_tio2_strukov2008\(p, n\);/);
  const bad = cli(['export', 'spice', 'ag-sio2-pt', '--set', 'quantize=stochastic']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /quantize=smooth/);
  const b2 = cli(['crossbar', '--op', 'read', '--scheme', 'v4']);
  assert.equal(b2.code, 2);
  assert.match(b2.err, /--scheme/);
});
