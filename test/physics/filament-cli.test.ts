/**
 * `nanoionics filament --model continuum --protocol set --times ...`: maps at chosen times
 * (issue 4: "maps ... at chosen times"), the fixed maps still taken at the ends of forming,
 * RESET and SET, and bad times rejected naming the option.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cycleWaveform } from '../../src/physics/continuum/scenarios.js';

const BIN = join(process.cwd(), 'bin', 'nanoionics.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'filament', '--model', 'continuum', ...args], { encoding: 'utf8' });

test('filament --times writes maps at the chosen times and keeps the forming/RESET/SET maps at their own times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-times-'));
  // coarse grid: the point is the bookkeeping, not the physics
  const r = run(['--set', 'nx=10', '--set', 'nz=8', '--times', '1.5ms,6.002ms', '--out', dir, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const w = cycleWaveform().t;
  const title = (f: string) => /vacancy density \(t = ([0-9.e+-]+) s\)/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
  for (const [file, t] of [['t-1.5000e-3s-vacancies.svg', 1.5e-3], ['t-6.0020e-3s-vacancies.svg', 6.002e-3], ['formed-vacancies.svg', w[2]], ['reset-vacancies.svg', w[4]], ['set-vacancies.svg', w[6]]] as const) {
    assert.ok(existsSync(join(dir, file)), `${file} written`);
    assert.equal(Number(title(file)), Number(t.toExponential(2)), `${file} is the map at t = ${t}`);
  }
  for (const f of ['temperature', 'potential', 'current-density']) assert.ok(existsSync(join(dir, `t-1.5000e-3s-${f}.svg`)));
});

test('filament --times: out-of-range times and other protocols are refused naming --times', () => {
  const late = run(['--times', '1s']);
  assert.equal(late.status, 2);
  assert.match(late.stderr, /--times: got 1 s, expected times within \(0, /);
  const ring = run(['--protocol', 'ring', '--times', '1us']);
  assert.equal(ring.status, 2);
  assert.match(ring.stderr, /--times: only with --protocol set/);
  const bad = run(['--times', 'soon']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--times/);
});
