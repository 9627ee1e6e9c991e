/**
 * Sweep over every model and preset in the catalogue (including models added later): each
 * preset loads, validates, simulates the standard bipolar triangular sweep scaled by its
 * `sweep` field (0 -> vSet -> 0 -> vReset -> 0, one period, through the preset's compliance),
 * gives finite columns, keeps every state inside its declared [min, max], and shows a pinched
 * loop (|I| = 0 at V = 0) when the model claims the zero-crossing property. Each model with
 * its defaults is run through the sweep of its first preset as well.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listModels, listPresets, presetsOf } from '../src/devices/catalogue.js';
import type { DeviceModel, Preset } from '../src/devices/contract.js';
import { resolveSpec, simulate, stateColumn } from '../src/experiment/index.js';

/** The standard sweep for a preset (defaults: +-1 V, 1 s). */
export function standardSweepSpec(device: Record<string, unknown>, preset: Preset | undefined): Record<string, unknown> {
  const sw = preset?.sweep ?? { vSet: 1, vReset: -1, period: 1 };
  const period = sw.period ?? 1;
  // SET first (vSet carries the model's SET polarity), then RESET
  const points: Array<[number, number]> = [[0, 0], [period / 4, sw.vSet], [period / 2, 0], [(3 * period) / 4, sw.vReset], [period, 0]];
  return {
    device,
    stimulus: { type: 'pwl', points },
    circuit: sw.compliance ? { compliance: sw.compliance } : undefined,
    record: { every: 'step', vRead: sw.vRead ?? 0.1 },
    seed: 3,
  };
}

function check(model: DeviceModel, label: string, spec: Record<string, unknown>, preset: Preset | undefined): void {
  const r = simulate(resolveSpec(spec));
  assert.equal(r.status, 'ok', `${label}: ${r.message}`);
  const c = r.columns;
  for (const [name, col] of Object.entries(c)) {
    for (let k = 0; k < col.length; k++) assert.ok(Number.isFinite(col[k]), `${label}: column ${name}[${k}] = ${col[k]}`);
  }
  for (const s of model.states) {
    const col = c[stateColumn(s.name)];
    // slack: the integrator may overshoot a smooth bound by its local error, at most a few atol
    const slack = 10 * s.atol;
    for (let k = 0; k < col.length; k++) {
      assert.ok(col[k] >= s.min - slack && col[k] <= s.max + slack, `${label}: state ${s.name}[${k}] = ${col[k]} outside [${s.min}, ${s.max}]`);
    }
  }
  const i = c.i, v = c.v, t = c.t;
  let iMax = 0;
  for (let k = 0; k < i.length; k++) iMax = Math.max(iMax, Math.abs(i[k]));
  assert.ok(iMax > 0, `${label}: no current flowed`);
  if (model.zeroCrossing) {
    const period = preset?.sweep?.period ?? 1;
    let seen = 0;
    for (let k = 0; k < t.length; k++) {
      if (v[k] !== 0 || t[k] === 0) continue;
      seen++;
      // I = G(x, V) V is exactly 0 at V = 0; 1e-9 of the peak allows rounding in implicit models
      assert.ok(Math.abs(i[k]) <= 1e-9 * iMax, `${label}: I = ${i[k]} A at V = 0 (t = ${t[k]}), peak ${iMax}`);
    }
    assert.ok(seen >= 2, `${label}: the sweep never recorded V = 0 after t = 0 (period ${period})`);
  }
}

for (const preset of listPresets()) {
  test(`catalogue sweep: preset ${preset.id} (${preset.model})`, () => {
    const model = listModels().find((m) => m.id === preset.model)!;
    assert.ok(model, `model ${preset.model} registered`);
    assert.ok(preset.fittedTo.length > 10, 'preset says what it was fitted to');
    check(model, preset.id, standardSweepSpec({ preset: preset.id }, preset), preset);
  });
}

for (const model of listModels()) {
  test(`catalogue sweep: model ${model.id} with defaults`, () => {
    for (const p of model.params) {
      assert.ok(p.default >= p.min && p.default <= p.max, `${model.id}.${p.name}: default ${p.default} outside [${p.min}, ${p.max}]`);
      assert.ok(p.meaning && p.source && p.unit, `${model.id}.${p.name}: meaning, source and unit documented`);
    }
    const first = presetsOf(model.id)[0];
    // a preset that only restates the defaults was run above
    if (first && Object.keys(first.params).length === 0) return;
    check(model, `${model.id} (defaults)`, standardSweepSpec({ model: model.id }, first), first);
  });
}
