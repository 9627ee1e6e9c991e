/**
 * Hand-off from the physics level to compact models by fitting (cli/commands/filament-handoff):
 * the fitted compact model reproduces the physics run's switching statistics, the fit improves
 * on the moment-matched start, and the written preset works as a device everywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VCM_DEFAULTS } from '../../src/physics/kmc/vcm-lattice.js';
import { cycleStatistics, SWEEP_DEFAULTS } from '../../src/physics/kmc/vcm-cycles.js';
import { resolveContinuumParams } from '../../src/physics/continuum/params.js';
import { cycle } from '../../src/physics/continuum/scenarios.js';
import { handoffKmc, handoffContinuum } from '../../src/cli/commands/filament-handoff.js';
import { resolveSpec, simulate } from '../../src/experiment/index.js';
import { specContext } from '../../src/cli/context.js';

const BIN = join(process.cwd(), 'bin', 'nanoionics.js');
const meanSd = (x: number[]) => {
  const m = x.reduce((s, y) => s + y, 0) / x.length;
  return { m, sd: Math.sqrt(x.reduce((s, y) => s + (y - m) ** 2, 0) / (x.length - 1)) };
};
type Row = { quantity: string; compactStart: number; compactFitted: number };

test('KMC cycles -> stanford-pku: fitted switching statistics within the physics run\'s own spread; preset loads as a device', () => {
  const seeds = [1, 2, 3];
  const st = cycleStatistics(VCM_DEFAULTS, seeds, 4);
  const per = (f: (c: (typeof st.runs)[number]['cycles'][number]) => number) => st.runs.map((r) => r.cycles.map(f));
  const dir = mkdtempSync(join(tmpdir(), 'handoff-kmc-'));
  const s = handoffKmc('stanford-pku', {
    devices: seeds, vSet: per((c) => c.vSet), vReset: per((c) => c.vReset), rOn: per((c) => c.rOn), rOff: per((c) => c.rOff),
    gapOffMean: st.gapOff.mean, thickness: VCM_DEFAULTS.nz * VCM_DEFAULTS.a, lattice: VCM_DEFAULTS.a,
    rSeries: VCM_DEFAULTS.rSeries, rate: SWEEP_DEFAULTS.rate, vResetStop: SWEEP_DEFAULTS.vResetStop, vSetMax: SWEEP_DEFAULTS.vSetMax,
  }, dir, 'csv');
  assert.notEqual(s.status, 'failed', String(s.status));
  assert.ok((s.cost as number) < (s.startCost as number), `fit cost ${s.cost} not below the moment-matched start ${s.startCost}`);
  // Physics statistics recomputed here, independently of the hand-off code. Tolerance: one
  // standard deviation of the physics run's own cycle-to-cycle + device-to-device scatter
  // (a deterministic compact cycle inside that band is as typical as any physics cycle);
  // voltages on V, resistances on ln R.
  const rows = s.comparison as Row[];
  const cmp = (name: string, phys: number[], log: boolean) => {
    const { m, sd } = meanSd(phys.filter(Number.isFinite).map((x) => (log ? Math.log(x) : x)));
    const r = rows.find((x) => x.quantity === name)!;
    const got = log ? Math.log(r.compactFitted) : r.compactFitted;
    assert.ok(Math.abs(got - m) <= Math.max(sd, log ? 0.01 : 0.02), `${name}: compact ${r.compactFitted}, physics mean ${log ? Math.exp(m) : m} (sd ${sd}${log ? ' in ln' : ' V'})`);
  };
  cmp('V_set', per((c) => c.vSet).flat(), false);
  cmp('V_reset', per((c) => c.vReset).flat(), false);
  cmp('R_on', per((c) => c.rOn).flat(), true);
  cmp('R_off', per((c) => c.rOff).flat(), true);
  // the preset file: loads through resolveSpec (device.preset = file) and simulates a sweep
  const path = String(s.preset);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  assert.equal(doc.model, 'stanford-pku');
  const spec = resolveSpec({ device: { preset: path }, stimulus: { type: 'sweep', vmax: 2, vmin: -1.5, rate: 10 } }, specContext());
  const fitted = (s.params as Array<{ name: string; value: number }>);
  for (const p of fitted) {
    const k = spec.device.model.params.findIndex((q) => q.name === p.name);
    // the preset stores 6 significant digits
    assert.ok(Math.abs(spec.device.resolved.values[k] / p.value - 1) < 1e-5, `${p.name}: preset ${spec.device.resolved.values[k]}, fitted ${p.value}`);
  }
  assert.equal(simulate(spec).status, 'ok');
  // and as --device of the crossbar command
  const r = spawnSync(process.execPath, [BIN, 'crossbar', '--op', 'read', '--rows', '4', '--cols', '4', '--device', path, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
