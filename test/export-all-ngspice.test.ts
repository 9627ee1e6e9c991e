/**
 * Every exported compact model against ngspice (Debian package): the sub-circuit written by
 * `nanoionics export spice` is driven by a PWL waveform (the preset's standard triangular sweep
 * or a short pulse) and its states and current are compared with nanoionics simulate() on the
 * same waveform, on a uniform output grid (ngspice `linearize`).
 *
 * Tolerance: ngspice's own truncation error is estimated by running the deck at the maximum
 * step h and h/2 (trapezoidal rule, error ~ h^2, so the h/2 run is off by about a third of the
 * difference); nanoionics runs at rtol 1e-9, far below. Each model must agree within 3x that
 * estimate plus a floor of 1e-5 of the state excursion / peak current (ngspice's reltol 1e-6
 * set in the deck, accumulated over ~1e4 accepted steps). Measured differences are printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSpice, deviceExpressions } from '../src/circuit/spice-export.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { resolveSpec, simulate, stateColumn } from '../src/experiment/index.js';

const HAVE = spawnSync('ngspice', ['-v'], { encoding: 'utf8' }).status === 0;
const SKIP = HAVE ? false : 'ngspice is not installed (apt-get install ngspice); the export cross-check is skipped';
const GRID = 400;

/** Two bipolar triangular cycles 0 -> vSet -> 0 -> vReset -> 0 (the preset's standard sweep). */
export function sweepPoints(vSet: number, vReset: number, period: number, cycles = 2): Array<[number, number]> {
  const q = period / 4, pts: Array<[number, number]> = [[0, 0]];
  for (let c = 0; c < cycles; c++) pts.push([c * period + q, vSet], [c * period + 2 * q, 0], [c * period + 3 * q, vReset], [(c + 1) * period, 0]);
  return pts;
}

interface NgRun { t: number[]; s: number[][]; i: number[] }

function runNgspice(text: string, name: string, states: string[], points: Array<[number, number]>, tEnd: number, hmax: number): NgRun {
  const dir = mkdtempSync(join(tmpdir(), 'ni-export-'));
  try {
    const out = join(dir, 'out.txt'), f = join(dir, 'deck.cir');
    const vecs = [...states.map((s) => `v(x1.s_${s})`), 'i(v1)'];
    const deck = ['* nanoionics export cross-check', text.trimEnd(), `V1 in 0 PWL(${points.map(([t, v]) => `${t} ${v}`).join(' ')})`, `X1 in 0 ${name}`,
      '.options reltol=1e-6 abstol=1e-15 vntol=1e-9', '.control', 'set numdgt=15', 'set wr_singlescale', `tran ${tEnd / GRID} ${tEnd} 0 ${hmax} uic`,
      'linearize', `wrdata ${out} ${vecs.join(' ')}`, '.endc', '.end', ''].join('\n');
    writeFileSync(f, deck);
    const r = spawnSync('ngspice', ['-b', f], { encoding: 'utf8', timeout: 60000 });
    let txt = '';
    try { txt = readFileSync(out, 'utf8'); } catch { throw new Error(`ngspice wrote no data: ${r.stdout.slice(-2000)} ${r.stderr.slice(-2000)}`); }
    const run: NgRun = { t: [], s: states.map(() => []), i: [] };
    for (const line of txt.split('\n')) {
      const c = line.trim().split(/\s+/).map(Number);
      if (c.length < states.length + 2 || c.some((z) => !Number.isFinite(z))) continue;
      run.t.push(c[0]);
      states.forEach((_, k) => run.s[k].push(c[1 + k]));
      run.i.push(-c[1 + states.length]); // ngspice: current into the source's + node
    }
    return run;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

/** Largest differences of nanoionics from ngspice and the tolerances, per state and current. */
export function crossCheck(preset: string, set: Record<string, unknown>, points: Array<[number, number]>, hmax: number, solver: Record<string, unknown> = {}): void {
  const dev = resolveDevice({ preset, set }, 'device');
  const sub = exportSpice(dev.model, dev.resolved, dev.preset);
  const ex = deviceExpressions(dev.model, dev.resolved);
  const names = ex.states.map((s) => s.name), tEnd = points[points.length - 1][0];
  const fine = runNgspice(sub.text, sub.name, names, points, tEnd, hmax / 2);
  const coarse = runNgspice(sub.text, sub.name, names, points, tEnd, hmax);
  const dt = tEnd / GRID;
  const r = simulate(resolveSpec({ device: { preset, set }, stimulus: { type: 'pwl', points }, solver: { rtol: 1e-9, atolScale: 1e-3, ...solver }, record: { every: dt } }));
  assert.equal(r.status, 'ok', r.message);
  const c = r.columns;
  const series = [...ex.states.map((s, k) => ({ label: s.name, ng: fine.s[k], co: coarse.s[k], ni: c[stateColumn(s.name)], scale: s.scale ?? 1 })), { label: 'i', ng: fine.i, co: coarse.i, ni: c.i, scale: 1 }];
  const report: string[] = [];
  for (const q of series) {
    assert.ok(q.ni, `nanoionics column ${q.label} missing`);
    let range = 0, ngErr = 0, diff = 0, m = 0;
    for (let k = 0; k < fine.t.length; k++) {
      range = Math.max(range, q.label === 'i' ? Math.abs(q.ng[k]) : Math.abs(q.ng[k] - q.ng[0]));
      if (k < coarse.t.length) ngErr = Math.max(ngErr, Math.abs(q.ng[k] - q.co[k]));
      while (m < c.t.length - 1 && c.t[m] < fine.t[k] - 1e-9 * dt) m++;
      if (Math.abs(c.t[m] - fine.t[k]) > 1e-6 * dt) continue;
      diff = Math.max(diff, Math.abs(q.ni[m] * q.scale - q.ng[k]));
    }
    const tol = 3 * ngErr + 1e-5 * range;
    report.push(`${q.label}: max diff ${diff.toExponential(2)} (ngspice h vs h/2 ${ngErr.toExponential(2)}, range ${range.toExponential(2)}, tol ${tol.toExponential(2)})`);
    assert.ok(range > 0, `${preset}: ${q.label} does not move; the waveform tests nothing`);
    assert.ok(diff <= tol, `${preset} ${q.label}: max |nanoionics - ngspice| = ${diff} > ${tol}\n${report.join('\n')}`);
  }
  console.log(`${preset}: ${report.join('; ')}`);
}

test('export vteam-memtorch: standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('vteam-memtorch', {}, sweepPoints(-1, 1, 200e-9), 200e-9 / 2000);
});
test('export yakopcic-knowm: standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('yakopcic-knowm', {}, sweepPoints(1, -1, 0.02), 0.02 / 2000);
});
test('export stanford-hfox-v1 (sinh kinetics, quasi-static T): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('stanford-hfox-v1', {}, sweepPoints(1.6, -1.6, 1), 1 / 2000);
});
test('export asu-hfox-thermal (generation-recombination, dynamic T state): RESET pulse in ngspice matches nanoionics', { skip: SKIP }, () => {
  // from g = 0.6 nm, -1.5 V with 1 ns edges for 50 ns: the gap opens to ~0.91 nm while T follows
  // |VI| R_th up to ~410 K (tau_th 0.23 ns resolved by the 0.02 ns step cap); a SET pulse without
  // the preset's 200 uA compliance runs away thermally (T > 7000 K) and tests nothing useful
  crossCheck('asu-hfox-thermal', { gini: '0.6 nm' }, [[0, 0], [1e-9, -1.5], [51e-9, -1.5], [52e-9, 0], [60e-9, 0]], 0.02e-9);
});
test('export wox-chang2011 (three relaxation modes): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('wox-chang2011', {}, sweepPoints(1.3, -1.3, 4), 4 / 2000);
});
test('export wox-du2015 (c and mobility enhancement m): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('wox-du2015', {}, sweepPoints(1.4, -1.4, 2), 2 / 2000);
});
test('export ta2o5-kim2015 (thermal-second-order, T state): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('ta2o5-kim2015', {}, sweepPoints(1.4, -1.4, 1e-3), 1e-3 / 4000);
});
test('export vo2-zhang2024 (mott-thermal, T and metallic fraction): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  // the preset's 3 mA compliance is a circuit element, not part of the device: swept without it
  // to 4 V (the metallic branch then carries ~3 mA through R_m + R_s)
  crossCheck('vo2-zhang2024', {}, sweepPoints(4, -4, 1e-3), 1e-3 / 4000);
});
test('export nbo2-pickett2013 (mott-thermal): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  // h = 1 ns: the thermal time C_th/S_e = 2 ns must be resolved for the h vs h/2 error estimate
  // to hold. Without the preset's 3 mA compliance the metallic branch at 1.2 V heats the model
  // far beyond melting (T ~ 1.4e4 K): this checks the exported equations, not the physics.
  crossCheck('nbo2-pickett2013', {}, sweepPoints(1.2, -1.2, 1e-5), 1e-5 / 10000);
});
test('export ta2o5-zhu2017 (metaplastic-filament: p, l, w, T): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  // h = 0.25 us against tau_th = 150 ns: ngspice adapts its step below h where T moves fast
  crossCheck('ta2o5-zhu2017', {}, sweepPoints(1.2, -1.2, 1e-3), 1e-3 / 4000);
});
test('export ag-sio2-pt (ecm-kinetic, smooth staircase; overpotential as internal node): one sweep cycle in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('ag-sio2-pt', {}, sweepPoints(1, -1, 1, 1), 1 / 4000);
});
test('export jart-hfo2-cuppers2019 (jart-vcm; V_S and T as internal nodes): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('jart-hfo2-cuppers2019', {}, sweepPoints(-1.2, 1.5, 2, 1), 2 / 4000);
});
test('export ag-asi-jo2010 (data-driven, tabulated monotone cubic): pulse train in ngspice matches nanoionics', { skip: SKIP }, () => {
  // 8 potentiating (+3.2 V) then 8 depressing (-2.8 V) reference pulses of 300 us, 10 us edges, 200 us gaps
  const pts: Array<[number, number]> = [[0, 0]];
  let t = 0;
  for (let k = 0; k < 16; k++) {
    const a = k < 8 ? 3.2 : -2.8;
    pts.push([t + 10e-6, a], [t + 310e-6, a], [t + 320e-6, 0], [t + 520e-6, 0]);
    t += 520e-6;
  }
  crossCheck('ag-asi-jo2010', {}, pts, 2e-6);
});
test('export taox-vcm-memory (activated-filament with Joule heating and wear): standard sweep in ngspice matches nanoionics', { skip: SKIP }, () => {
  crossCheck('taox-vcm-memory', {}, sweepPoints(1.5, -1.5, 1e-3), 1e-3 / 4000);
});
