import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getModel, listPresets } from '../src/devices/index.js';
import { resolveSpec, simulate } from '../src/experiment/index.js';

// The generic expectations of the catalogue, for the synaptic models of this branch: every
// preset loads, validates, runs its standard bipolar sweep without non-finite values, stays
// inside its state bounds, and shows I = 0 at V = 0 (all these models claim zero crossing).
const MODELS = ['wox-du', 'wox-chang', 'thermal-second-order', 'diffusive', 'filament-growth', 'metaplastic-filament'];

for (const preset of listPresets().filter((p) => MODELS.includes(p.model))) {
  test(`${preset.id}: standard bipolar sweep is finite, bounded and pinched`, () => {
    const model = getModel(preset.model)!;
    const sw = preset.sweep!;
    assert.ok(sw, 'preset has a sweep');
    assert.ok(preset.fittedTo.length > 30 && preset.citation.length > 10, 'provenance');
    for (const p of model.params) {
      assert.ok(p.default >= p.min && p.default <= p.max, `${p.name} default in range`);
      assert.ok(p.meaning.length > 3 && p.source.length > 3 && p.unit.length > 0, `${p.name} documented`);
    }
    const spec = resolveSpec({
      device: { preset: preset.id },
      ...(sw.compliance ? { circuit: { series: 0, compliance: sw.compliance } } : {}),
      stimulus: { type: 'sweep', vmax: sw.vSet, vmin: sw.vReset, period: sw.period ?? 1, cycles: 2 },
      record: { every: 'step', vRead: sw.vRead ?? 0.1 },
      solver: { maxStep: (sw.period ?? 1) / 400 },
    });
    const r = simulate(spec);
    assert.equal(r.status, 'ok', r.message);
    let iMax = 0;
    for (const [name, col] of Object.entries(r.columns)) {
      for (const x of col) assert.ok(Number.isFinite(x), `${name} finite`);
      if (name === 'i') for (const x of col) iMax = Math.max(iMax, Math.abs(x));
    }
    for (const s of model.states) {
      // the walls make the bounds exact for the ODE; the numerical solution may overshoot a
      // wall by at most the local error the step control accepts (atol + rtol |x|, rtol 1e-6)
      const tol = s.atol + 1e-6 * Math.max(Math.abs(s.min), Math.abs(s.max));
      for (const x of r.columns[s.name]) assert.ok(x >= s.min - tol && x <= s.max + tol, `${s.name} = ${x} outside [${s.min}, ${s.max}]`);
    }
    const { v, i } = r.columns;
    let zeros = 0;
    for (let k = 0; k < v.length; k++) if (v[k] === 0) { zeros++; assert.ok(Math.abs(i[k]) <= 1e-12 * iMax + 1e-300, `I(V=0) = ${i[k]}`); }
    assert.ok(zeros >= 3, 'the sweep passes through V = 0');
  });
}
