/**
 * Fit outputs: the data-driven Ag/a-Si preset against the curve it was tabulated from, the
 * written preset loading through resolveSpec and reproducing the fitted curve, variability
 * spreads from repeated cycles, and the CLI end to end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { getPreset } from '../src/devices/catalogue.js';
import { resolveSpec, simulate } from '../src/experiment/index.js';
import { tabulateDataDriven, pulseSequenceToSet } from '../src/fit/tabulate.js';
import { observedSpreads, extractSwitching } from '../src/fit/variability.js';
import { Rng } from '../src/rng/rng.js';
import { main } from '../src/cli/main.js';
import { specContext } from '../src/cli/context.js';
import { syntheticIv, toCsv } from './fit-helpers.js';

/** The NeuroSim update curve of Ag/a-Si (measurements.md F); A / P_max from NeuroSim's getParamA table for NL 2.40 and 4.88. */
function neurosimAgASi(): { g: number[]; amps: number[]; range: number } {
  const gmax = 1 / 26e6, gmin = gmax / 12.5, R = gmax - gmin;
  const AP = 0.499181 * 97, AD = 0.200303 * 100;
  const BP = R / (1 - Math.exp(-97 / AP)), BD = R / (1 - Math.exp(-100 / AD));
  const g = [gmin], amps: number[] = [];
  for (let p = 1; p <= 97; p++) { g.push(BP * (1 - Math.exp(-p / AP)) + gmin); amps.push(3.2); }
  for (let p = 1; p <= 100; p++) { g.push(gmax - BD * (1 - Math.exp(-p / AD))); amps.push(-2.8); }
  return { g, amps, range: R };
}

test('ag-asi-jo2010 knots are the tabulation of the NeuroSim curve and replay it within 0.1 % of the range', () => {
  const { g, amps, range } = neurosimAgASi();
  const set = pulseSequenceToSet('neurosim', g, amps, 300e-6, 1e-3, 0.1);
  const tab = tabulateDataDriven([set]);
  const preset = getPreset('ag-asi-jo2010')!;
  for (const [k, v] of Object.entries(tab)) {
    const p = Number(preset.params[k]);
    // the preset stores 5 significant digits: half a unit of the 5th digit of values <= 0.05 is 5e-7
    assert.ok(Math.abs(p - v) <= 1e-6 * Math.max(1, Math.abs(v) * 1e3), `${k}: preset ${p}, tabulated ${v}`);
  }
  const r = simulate(resolveSpec({ device: { preset: 'ag-asi-jo2010' }, stimulus: { type: 'pwl', points: Array.from(set.t, (t, k) => [t, set.v[k]]) }, record: { every: 'breakpoint' } }));
  assert.equal(r.status, 'ok');
  let err = 0, j = 0;
  for (let k = 0; k < set.t.length; k++) {
    while (j + 1 < r.columns.t.length && r.columns.t[j + 1] <= set.t[k]) j++;
    err = Math.max(err, Math.abs(r.columns.g[j] - set.y[k]) / range);
  }
  // midpoint tabulation is second order: error per pulse O(dx^3) ~ 1e-5 of the range, summed
  // over ~100 pulses ~ 1e-3 at most; solver rtol 1e-6 adds far less
  assert.ok(err < 1e-3, `max |G_model - G_neurosim| / range = ${err}`);
});

test('data-driven devices with device-to-device spread run as an array', () => {
  const spec = resolveSpec({ device: { preset: 'ag-asi-jo2010', set: { gmaxDtod: 0.1, dp0Dtod: 0.2 }, count: 8 }, stimulus: { type: 'pulse-train', amplitude: '3.2 V', width: '300 us', period: '1 ms', count: 20 }, record: { every: 'none', devices: 'all' }, seed: 3 });
  const r = simulate(spec);
  assert.equal(r.status, 'ok');
  const x = r.final.x;
  for (const v of x) assert.ok(v > 0.2 && v < 1, `x ${v}`); // 20 pulses of ~2.5 % each, bounded by 1
  assert.ok(Math.max(...x) - Math.min(...x) > 1e-3, 'devices differ');
});

test('C2C and D2D spreads of lognormal resistances are recovered within 3 standard errors', () => {
  const rng = new Rng(9).stream('cycles');
  const nd = 12, nc = 30, sc = 0.1, sd = 0.2;
  const device: string[] = [], cycle: number[] = [], roff: number[] = [];
  for (let d = 0; d < nd; d++) {
    const mu = Math.log(1e5) + sd * rng.normal();
    for (let c = 0; c < nc; c++) { device.push(`D${d}`); cycle.push(c); roff.push(Math.exp(mu + sc * rng.normal())); }
  }
  const [o] = observedSpreads({ name: 't', device, cycle: Int32Array.from(cycle), roff: Float64Array.from(roff) });
  // standard error of a standard deviation from k degrees of freedom: sigma / sqrt(2 k)
  const seC = sc / Math.sqrt(2 * nd * (nc - 1)), seD = sd / Math.sqrt(2 * (nd - 1));
  assert.ok(Math.abs(o.c2c - sc) < 3 * seC, `c2c ${o.c2c} vs ${sc} (se ${seC})`);
  assert.ok(Math.abs(o.d2d - sd) < 3 * seD, `d2d ${o.d2d} vs ${sd} (se ${seD})`);
});

test('nanoionics fit writes a preset that loads through resolveSpec and reproduces the fitted curve', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-fit-'));
  const { set } = syntheticIv({ preset: 'hp-tio2-strukov2008', set: { ron: 150, roff: 12e3 } }, { type: 'sweep', vmax: '1 V', period: '1 s' }, 0.01, 0.01, 5);
  const rows = Array.from(set.t, (t, k) => [t * 1e3, set.v[k], set.y[k] * 1e3]);
  writeFileSync(join(dir, 'iv.csv'), toCsv('time (ms),V (V),I (mA)', rows));
  const cyc = 'device,cycle,R_on (Ohm),R_off (kOhm)\n' + Array.from({ length: 20 }, (_, k) => `D${k % 4},${k >> 2},${150 * (1 + 0.05 * Math.sin(k))},${12 * (1 + 0.2 * ((k % 4) - 1.5)) * (1 + 0.05 * Math.cos(3 * k))}`).join('\n') + '\n';
  writeFileSync(join(dir, 'cycles.csv'), cyc);
  const out = join(dir, 'out');
  const code = await main(['fit', 'hp-tio2-strukov2008', '--data', join(dir, 'iv.csv'), '--data', `${join(dir, 'cycles.csv')}:cycles`, '--free', 'ron,roff', '--generations', '15', '--id', 'my-cell', '--out', out]);
  assert.equal(code, 0);
  const doc = parseYaml(readFileSync(join(out, 'my-cell.yaml'), 'utf8')) as Record<string, any>;
  assert.equal(doc.data[0].sha256.length, 64);
  assert.ok(doc.uncertainties.ron.sigma > 0);
  assert.ok(doc.params.roffDtod > 0 && doc.params.roffC2c > 0, 'spreads written');
  assert.ok(readFileSync(join(out, 'fit-report.html'), 'utf8').includes('<svg'));
  const fitJson = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'));
  const fitted = fitJson.fit.sets[0].model as number[];
  // replay the measured stimulus with the written preset, as any user would
  const spec = resolveSpec({ device: { preset: join(out, 'my-cell.yaml') }, stimulus: { type: 'pwl', points: Array.from(set.t, (t, k) => [t, set.v[k]]) }, record: { every: 'breakpoint' }, solver: { rtol: 1e-8 } }, specContext());
  assert.ok(spec.device.preset?.metadata?.uncertainties, 'metadata round-trips');
  assert.equal(spec.device.preset?.sweep?.vSet, getPreset('hp-tio2-strukov2008')!.sweep!.vSet, 'protocol sweep scale copied from the base preset');
  assert.ok(spec.device.resolved.spreads.size > 0, 'spreads load');
  const r = simulate({ ...spec, device: { ...spec.device, resolved: { ...spec.device.resolved, spreads: new Map() } } });
  let err = 0, scale = 0;
  for (let k = 0; k < set.t.length; k++) { err = Math.max(err, Math.abs(r.columns.i[k] - fitted[k])); scale = Math.max(scale, Math.abs(fitted[k])); }
  // values are written with 6 significant digits: a relative change of 5e-6 in ron/roff moves the current by about as much
  assert.ok(err / scale < 1e-4, `max deviation ${err / scale} of the peak current`);
});

test('nanoionics fit rejects a malformed file with its line number (exit 2)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-fit-'));
  writeFileSync(join(dir, 'bad.csv'), 't,V,I\n0,0,0\n1,0.5,1e-5\n0.5,1,2e-5\n');
  const errors: string[] = [];
  const orig = console.error;
  console.error = (s: string) => { errors.push(s); };
  try {
    const code = await main(['fit', 'linear-drift', '--data', join(dir, 'bad.csv'), '--free', 'ron']);
    assert.equal(code, 2);
  } finally { console.error = orig; }
  assert.match(errors.join('\n'), /bad\.csv line 4/);
});

test('an equation model (device-spec file) is fitted by the CLI and its preset carries the equations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-fit-'));
  const truth = { k: 2.5, a: 2.6 };
  const { set } = syntheticIv({ preset: 'baseline-sinh', set: { ...truth, window: 'none' } }, { type: 'sweep', vmax: '1.2 V', period: '2 s' }, 0.02, 0.01, 71);
  writeFileSync(join(dir, 'iv.csv'), toCsv('t [s],V [V],I [A]', Array.from(set.t, (t, k) => [t, set.v[k], set.y[k]])));
  // the same physics as nonlinear-drift (sinh drift, linear conduction, gated bounds) as equations
  writeFileSync(join(dir, 'eq.yaml'), [
    'device:', '  model: equation', '  equations:',
    '    current: "G = gon*w + goff*(1 - w)"',
    '    states:', '      w: { rate: "k*sinh(a*V)", init: 0.05, min: 0, max: 1 }',
    '    params:', '      gon: { value: 1 mS, unit: S }', '      goff: { value: 10 uS, unit: S }',
    '      k: { value: 1, unit: 1/s, min: 0.01, max: 100 }', '      a: { value: 2, unit: 1/V, min: 0.5, max: 6 }', '',
  ].join('\n'));
  const out = join(dir, 'out');
  const code = await main(['fit', join(dir, 'eq.yaml'), '--data', join(dir, 'iv.csv'), '--free', 'k,a', '--generations', '12', '--id', 'eq-fit', '--out', out, '--json']);
  assert.equal(code, 0);
  const doc = parseYaml(readFileSync(join(out, 'eq-fit.yaml'), 'utf8')) as Record<string, any>;
  assert.ok(doc.equations, 'equations written');
  for (const name of ['k', 'a'] as const) {
    const u = doc.uncertainties[name];
    // 3 sigma, as in fit-recovery.test.ts; k is log-scaled, so compare in decades there
    const z = name === 'k' ? Math.log10(u.value / truth.k) / u.sigmaDecades : (u.value - truth.a) / u.sigma;
    assert.ok(Math.abs(z) <= 3, `${name}: ${u.value} +- ${u.sigma} vs ${truth[name]}`);
  }
  const spec = resolveSpec({ device: { preset: join(out, 'eq-fit.yaml') }, stimulus: { type: 'dc', level: 0.1, duration: 1e-3 } }, specContext());
  assert.equal(spec.device.model.id, 'equation');
});

test('switching parameters are extracted from an ideal bipolar loop', () => {
  // 0 -> 1 -> 0 -> -1 -> 0 V in 0.01 V steps; 10 kOhm until V reaches 0.6 V (SET), 1 kOhm until -0.5 V (RESET)
  const v: number[] = [], i: number[] = [];
  let r = 1e4;
  const push = (x: number) => {
    if (x >= 0.6 - 1e-9) r = 1e3;
    if (x <= -0.5 + 1e-9) r = 1e4;
    v.push(x); i.push(x / r);
  };
  for (let k = 0; k <= 100; k++) push(k / 100);
  for (let k = 99; k >= -100; k--) push(k / 100);
  for (let k = -99; k <= 0; k++) push(k / 100);
  const sw = extractSwitching(v, i, 1);
  // exact: the loop is piecewise ohmic, events land on grid points
  assert.ok(Math.abs(sw.vset - 0.6) < 1e-9, `vset ${sw.vset}`);
  assert.ok(Math.abs(sw.vreset + 0.5) < 1e-9, `vreset ${sw.vreset}`);
  assert.ok(Math.abs(sw.ron - 1e3) < 1e-6 && Math.abs(sw.roff - 1e4) < 1e-5, `ron ${sw.ron} roff ${sw.roff}`);
});
