/**
 * The exported expressions are the TypeScript equations: for every device preset of the
 * catalogue, the neutral-syntax expressions of circuit/spice-templates, evaluated in JavaScript,
 * reproduce the model's rhs and current at random states and voltages (no ngspice needed; the
 * transient comparisons are in export-all-ngspice.test.ts). Models with algebraic internal nodes
 * (ecm-kinetic, jart-vcm) are checked there only, since their node values come from the solve.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listPresets } from '../src/devices/catalogue.js';
import { deviceExpressions, exportSpice, exportVerilogA } from '../src/circuit/spice-export.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { Rng } from '../src/rng/rng.js';

type Fn = (V: number, S: Record<string, number>) => number;
function compile(e: string): Fn {
  const body = e.replace(/\{V\}/g, 'V').replace(/\{s:([A-Za-z0-9_]+)\}/g, 'S.$1');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('V', 'S', `const {exp,tanh,min,max,abs,sinh,cosh,pow,sqrt,sin,asin}=Math; const ln=Math.log; return ${body};`) as Fn;
}

test('every device preset exports to ngspice and Verilog-A (or is refused with a reason)', () => {
  for (const pr of listPresets()) {
    const dev = resolveDevice({ preset: pr.id }, 'device');
    const s = exportSpice(dev.model, dev.resolved, dev.preset), v = exportVerilogA(dev.model, dev.resolved, dev.preset);
    assert.match(s.text, new RegExp(`\\.subckt ${s.name} p n`), pr.id);
    assert.match(v.text, /I\(p, n\) <\+/, pr.id);
    assert.ok(!/NaN|Infinity|undefined/.test(s.text + v.text), `${pr.id}: non-numeric literal in the export`);
  }
});

test('exported expressions reproduce rhs and current of every model without internal nodes', () => {
  const rng = new Rng(5);
  let checked = 0;
  for (const pr of listPresets()) {
    const dev = resolveDevice({ preset: pr.id }, 'device');
    const ex = deviceExpressions(dev.model, dev.resolved);
    if (ex.nodes?.length) continue;
    const m = dev.model, ns = m.states.length, P = dev.resolved.values;
    const rhs = ex.rhs.map(compile), cur = compile(ex.current);
    for (let trial = 0; trial < 20; trial++) {
      const V = rng.uniform(-1.5, 1.5);
      const x = new Float64Array(ns);
      m.states.forEach((s, k) => {
        // states inside their physical range: normalised ones in (0, 1), lengths near the preset's initial value
        const i0 = typeof s.init === 'number' ? s.init : P[m.params.findIndex((q) => q.name === s.init)];
        x[k] = s.max <= 1 ? rng.uniform(0.01, 0.99) * (s.min < 0 ? 0.3 : 1) : s.name === 'T' ? rng.uniform(300, 500) : i0 * rng.uniform(0.5, 1.5) + (s.max - s.min) * 1e-4 * rng.uniform(0, 1);
      });
      const dx = new Float64Array(ns), i = new Float64Array(1);
      m.rhs(0, new Float64Array([V]), x, P, dx, 1);
      m.current(new Float64Array([V]), x, P, i, null, 1);
      const S: Record<string, number> = {};
      // exported state k is the model state of the same name (filament-growth renames h to hn = h / h_max)
      const idx = (name: string, k: number): number => { const j = m.states.findIndex((q) => q.name === name); return j >= 0 ? j : k; };
      ex.states.forEach((s, k) => { S[s.name] = x[idx(s.name, k)] * (s.scale ?? 1); });
      // round-off only: the expressions fold constants in another order (1e-9 relative)
      const ic = cur(V, S);
      assert.ok(Math.abs(ic - i[0]) <= 1e-9 * Math.abs(i[0]) + 1e-30, `${pr.id}: current ${ic} vs ${i[0]} at V ${V}, x ${[...x]}`);
      ex.states.forEach((s, k) => {
        const km = idx(s.name, k), r = rhs[k](V, S) / (s.scale ?? 1);
        assert.ok(Math.abs(r - dx[km]) <= 1e-9 * Math.abs(dx[km]) + 1e-12 * (s.max - s.min) / (s.scale ?? 1), `${pr.id}: d${s.name}/dt ${r} vs ${dx[km]} at V ${V}, x ${[...x]}`);
      });
      checked++;
    }
  }
  assert.ok(checked >= 300, `only ${checked} points checked`);
});
