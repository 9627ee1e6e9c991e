import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrossbarSystem } from '../src/circuit/crossbar-system.js';
import { ConductanceElement } from '../src/circuit/crossbar-cells.js';
import { CrossbarDrive } from '../src/circuit/crossbar-geometry.js';
import { buildCells, DEFAULT_SINH } from '../src/circuit/crossbar-build.js';
import { crossbarNetlist, parsePrintAll, exportSpice, deviceExpressions } from '../src/circuit/spice-export.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { resolveSpec, simulate } from '../src/experiment/index.js';
import { Rng } from '../src/rng/rng.js';

const HAVE = spawnSync('ngspice', ['-v'], { encoding: 'utf8' }).status === 0;
const SKIP = HAVE ? false : 'ngspice is not installed (apt-get install ngspice); the SPICE cross-check is skipped';

function ngspice(deck: string): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'ni-spice-'));
  try {
    const f = join(dir, 'deck.cir');
    writeFileSync(f, deck);
    const r = spawnSync('ngspice', ['-b', f], { encoding: 'utf8', timeout: 60000 });
    const vals = parsePrintAll(r.stdout);
    if (vals.size === 0) throw new Error(`ngspice produced no values: ${r.stderr}`);
    return vals;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
const CONTROL = '.control\nset numdgt=15\nop\nprint all\n.endc';

test('exported 8x8 linear crossbar: ngspice .op matches nanoionics', { skip: SKIP }, () => {
  const m = 8, n = 8, r = new Rng(11), g = new Float64Array(m * n);
  for (let k = 0; k < g.length; k++) g[k] = r.uniform(1e-6, 1e-4);
  const d = new CrossbarDrive(m, n);
  for (let i = 0; i < m; i++) { d.word(i, 0, r.uniform(0, 0.2)); if (i === 2) d.word(i, 1, 0.1, 30); }
  for (let j = 0; j < n; j++) d.bit(j, 1, 0, j % 2 ? 10 : 0);
  const layout = { rows: m, cols: n, rWord: 1, rBit: 1 };
  const sys = new CrossbarSystem(layout, new ConductanceElement(g), { rtol: 1e-14 });
  sys.setDrive(d);
  assert.equal(sys.solve().status, 'ok');
  const ref = ngspice(crossbarNetlist(layout, { kind: 'conductance', g }, d, CONTROL));
  const src = sys.sourceCurrents();
  let worst = 0;
  for (let j = 0; j < n; j++) {
    // ngspice reports the branch current flowing into the source's + node: minus what it delivers
    const ng = -ref.get(`vdb${j}_1#branch`)!;
    worst = Math.max(worst, Math.abs(ng - src.bl[2 * j + 1]) / Math.abs(src.bl[2 * j + 1]));
  }
  // a linear .op is one exact LU solve in ngspice: both sides agree to the 15 printed digits
  // times the condition number of the wire-dominated system (~1e5)
  assert.ok(worst < 1e-9, `column currents differ by ${worst}`);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    const v = ref.get(`w${i}_${j}`)!, k = sys.nodes.cellW[i * n + j];
    assert.ok(Math.abs(v - sys.x[k]) < 1e-10, `w${i}_${j}: ${v} vs ${sys.x[k]}`);
  }
});

test('exported 4x4 nonlinear 1S1R crossbar (sinh selector + device expressions): ngspice .op matches', { skip: SKIP }, () => {
  const m = 4, n = 4, dev = resolveDevice({ preset: 'baseline-sinh' }, 'device');
  const cells = buildCells({ type: '1s1r', device: dev }, m, n);
  const r = new Rng(3);
  for (let c = 0; c < m * n; c++) cells.memory.x[c] = r.uniform(0.05, 0.95);
  const layout = { rows: m, cols: n, rWord: 2, rBit: 2 };
  const sys = new CrossbarSystem(layout, cells.cell, {});
  const d = new CrossbarDrive(m, n);
  for (let i = 0; i < m; i++) d.word(i, 0, i === 1 ? 1.2 : 0.6);
  for (let j = 0; j < n; j++) d.bit(j, 1, j === 2 ? 0 : 0.6);
  sys.setDrive(d);
  assert.equal(sys.solve().status, 'ok');
  const s = DEFAULT_SINH.kind === 'sinh' ? DEFAULT_SINH : { is: 0, vs: 1 };
  const deck = crossbarNetlist(layout, { kind: 'device-dc', expr: deviceExpressions(dev.model, dev.resolved), states: cells.memory.x, selector: { is: s.is, vs: s.vs } }, d, CONTROL);
  const ref = ngspice(deck);
  const src = sys.sourceCurrents();
  const ng = -ref.get('vdb2_1#branch')!;
  // ngspice stops its Newton at reltol 1e-3 / abstol 1e-12 A / vntol 1e-6 V (defaults); the
  // selected current (~0.3 mA) must agree to that tolerance
  assert.ok(Math.abs(ng - src.bl[5]) < 1e-3 * Math.abs(src.bl[5]) + 1e-12, `sense current ngspice ${ng} vs ${src.bl[5]}`);
  for (let j = 0; j < n; j++) {
    const v = ref.get(`b0_${j}`)!, k = sys.nodes.cellB[j];
    assert.ok(Math.abs(v - sys.x[k]) < 1e-5, `b0_${j}: ${v} vs ${sys.x[k]}`);
  }
});

test('exported device sub-circuit: ngspice transient of the baseline pulse train matches nanoionics', { skip: SKIP }, () => {
  const dev = resolveDevice({ preset: 'baseline-sinh' }, 'device');
  const sub = exportSpice(dev.model, dev.resolved, dev.preset);
  const pulses = 50, amp = 2;
  const deck = [`* nanoionics device export check`, sub.text.trimEnd(), `V1 in 0 PULSE(0 ${amp} 0 10n 10n 990n 2u)`, `X1 in 0 ${sub.name}`,
    '.control', 'set numdgt=15', `tran 10n ${pulses * 2}u uic`, `let wend = v(x1.s_w)[length(v(x1.s_w))-1]`, 'print wend', '.endc', '.end', ''].join('\n');
  const ng = ngspice(deck).get('wend')!;
  const spec = resolveSpec({
    device: { preset: 'baseline-sinh' },
    stimulus: { type: 'pulse-train', amplitude: `${amp} V`, rise: '10 ns', width: '990 ns', fall: '10 ns', period: '2 us', count: pulses, tail: '990 ns' },
    solver: { method: 'dopri5', rtol: 1e-9 }, record: { every: 'none' },
  });
  const ni = simulate(spec).final.w[0];
  // exact w after n pulses (logit(w) grows by a fixed step per pulse, shared/baselines model.py)
  const a = 3 * amp, k = 1.476, w0 = 0.05;
  const per = Math.sinh(a) * 990e-9 + 20e-9 * (Math.cosh(a) - 1) / a;
  const ex = 1 / (1 + Math.exp(-(Math.log(w0 / (1 - w0)) + 4 * k * per * pulses)));
  const dw = ex - w0;
  // ngspice's trapezoidal rule with its default tolerances reached 1.7e-3 of the change at
  // 1000 pulses (RESULTS.md); 50 pulses with a 10 ns step: allow 1e-2 of the change.
  // nanoionics at rtol 1e-9 (state atol 1e-10 on a change of ~3e-3): 1e-5 of the change
  assert.ok(Math.abs(ng - ex) < 1e-2 * dw, `ngspice ${ng} exact ${ex}`);
  assert.ok(Math.abs(ni - ex) < 1e-5 * dw, `nanoionics ${ni} exact ${ex}`);
  assert.ok(Math.abs(ng - ni) < 1e-2 * dw, `ngspice ${ng} nanoionics ${ni}`);
});

test('exported diffusive selector (two states, no rupture): ngspice transient matches nanoionics', { skip: SKIP }, () => {
  const dev = resolveDevice({ preset: 'ag-sioxny-wang2017', set: { kappa: 0 } }, 'device');
  const sub = exportSpice(dev.model, dev.resolved, dev.preset);
  const deck = ['* diffusive export check', sub.text.trimEnd(), 'V1 in 0 PULSE(0 0.75 0 10u 10u 8m 20m)', `X1 in 0 ${sub.name}`,
    '.control', 'set numdgt=15', 'tran 1u 8.02m uic', 'let fend = v(x1.s_f)[length(v(x1.s_f))-1]', 'let rend = v(x1.s_r)[length(v(x1.s_r))-1]', 'print fend rend', '.endc', '.end', ''].join('\n');
  const ng = ngspice(deck);
  const spec = resolveSpec({ device: { preset: 'ag-sioxny-wang2017', set: { kappa: 0 } }, stimulus: { type: 'pulse-train', amplitude: '0.75 V', rise: '10 us', width: '8 ms', fall: '10 us', period: '20 ms', count: 1, tail: '0 s' }, solver: { rtol: 1e-8 }, record: { every: 'none' } });
  const fin = simulate(spec).final;
  // the pulse switches the device ON (f from 0 to ~0.74); ngspice's trapezoidal rule with a 1 us
  // step cap and default tolerances: agreement to 1e-4 absolute on states of order 1 and 1e-2
  assert.ok(fin.f[0] > 0.5, `nanoionics f ${fin.f[0]}`);
  assert.ok(Math.abs(ng.get('fend')! - fin.f[0]) < 1e-4, `f: ngspice ${ng.get('fend')} nanoionics ${fin.f[0]}`);
  assert.ok(Math.abs(ng.get('rend')! - fin.r[0]) < 1e-4, `r: ngspice ${ng.get('rend')} nanoionics ${fin.r[0]}`);
});

test('exported yang-selector (filament growth, compliance limiter): ngspice transient matches nanoionics', { skip: SKIP }, () => {
  const dev = resolveDevice({ preset: 'yang-selector' }, 'device');
  const sub = exportSpice(dev.model, dev.resolved, dev.preset);
  const deck = ['* filament-growth export check', sub.text.trimEnd(), 'V1 in 0 PULSE(0 1 0 10u 10u 1m 20m)', `X1 in 0 ${sub.name}`,
    '.control', 'set numdgt=15', 'tran 1u 1.02m uic', 'let hend = v(x1.s_hn)[length(v(x1.s_hn))-1]', 'print hend', '.endc', '.end', ''].join('\n');
  const ng = ngspice(deck).get('hend')!;
  const spec = resolveSpec({ device: { preset: 'yang-selector' }, stimulus: { type: 'pulse-train', amplitude: '1 V', rise: '10 us', width: '1 ms', fall: '10 us', period: '20 ms', count: 1, tail: '0 s' }, solver: { method: 'rodas3', rtol: 1e-10 }, record: { every: 'none' } });
  const hn = simulate(spec).final.h[0] / dev.resolved.values[dev.model.params.findIndex((p) => p.name === 'hmax')];
  // the pulse closes the gap (h -> h_max) and the 10 us fall dissolves about 2 % of it; ngspice
  // (default tolerances, 1 us step cap) and nanoionics must agree on the end state to 1e-3,
  // i.e. 5 % of the change during the fall
  assert.ok(hn > 0.95 && hn < 0.995, `nanoionics h/h_max ${hn}`);
  assert.ok(Math.abs(ng - hn) < 1e-3, `ngspice ${ng} nanoionics ${hn}`);
});
