import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getMultiTerminalModel, getMultiTerminalPreset, listMultiTerminalPresets, resolveMultiTerminal } from '../src/devices/index.js';
import { MultiTerminalTerm, runMultiTerminal } from '../src/circuit/index.js';
import { Dc, PulseTrain, type Waveform } from '../src/stimulus/waveform.js';
import { SpecError } from '../src/units/parse.js';

const train = (amp: number, n: number, period: number, width = 1e-3, tail = 0) =>
  new PulseTrain({ base: 0, amplitude: amp, delay: 0, rise: 0, width, fall: 0 }, period, n, tail);

function li(k: number, inputs: Record<number, Waveform>, tEnd: number) {
  const m = getMultiTerminalModel('li-reservoir')!;
  const r = resolveMultiTerminal(m, getMultiTerminalPreset('limos2-zhu2019'), { k }, 'device');
  const src: (Waveform | undefined)[] = Array.from({ length: k + 1 }, (_, i) => inputs[i]);
  const run = runMultiTerminal(new MultiTerminalTerm(m, r.p, src), tEnd, undefined, { every: 'step' });
  assert.equal(run.status, 'ok', run.message);
  return run;
}

for (const k of [2, 4]) {
  test(`limos2-zhu2019 (k = ${k}): total Li conserved to 1e-12, competition lowers an unstimulated synapse`, () => {
    const run = li(k, { 0: train(3, 20, 10e-3, 1e-3, 20) }, 20.2);
    const names = Object.keys(run.states);
    const total = (j: number) => names.reduce((s, n) => s + run.states[n][j], 0);
    const t0 = total(0);
    let dev = 0;
    for (let j = 0; j < run.t.length; j++) dev = Math.max(dev, Math.abs(total(j) - t0) / t0);
    // fluxes are written antisymmetrically, so the only error is round-off accumulated over
    // the steps (~1e-16 each)
    assert.ok(dev <= 1e-12, `relative drift of total Li ${dev}`);
    const last = run.t.length - 1;
    assert.ok(run.states.c1[last] > run.states.c1[0], 'the stimulated synapse gained Li');
    const far = `G${k}`; // for k = 2 the partner, for k = 4 the far end of the chain
    assert.ok(run.g[far][last] < run.g[far][0], `competition: ${far} ${run.g[far][0]} -> ${run.g[far][last]}`);
  });
}

test('limos2-zhu2019: cooperation, a weak input crosses the phase threshold only beside a driven neighbour', () => {
  const tEnd = 0.2; // the end of the 20-pulse trains
  const alone = li(4, { 1: train(1.5, 20, 10e-3) }, tEnd);
  const both = li(4, { 0: train(3, 20, 10e-3), 1: train(1.5, 20, 10e-3) }, tEnd);
  const neighbour = li(4, { 0: train(3, 20, 10e-3) }, tEnd);
  const gA = alone.g.G2[alone.t.length - 1], gB = both.g.G2[both.t.length - 1], gN = neighbour.g.G2[neighbour.t.length - 1];
  const g0 = alone.g.G2[0];
  // alone: below the 2H -> 1T' step (gPh = 2 uS): less than a quarter of it gained
  assert.ok(gA - g0 < 0.5e-6, `weak input alone: ${g0} -> ${gA}`);
  // with the neighbour driven: across the step, and more than the sum of the two alone
  assert.ok(gB - g0 > 1e-6 && gB - g0 > (gA - g0) + (gN - g0), `together ${gB}, alone ${gA}, neighbour only ${gN}`);
});

test('ag-np-yang2015: pulses to SET fall and the rupture time rises monotonically with the modulatory bias', () => {
  const m = getMultiTerminalModel('modulatory-filament')!;
  const r = resolveMultiTerminal(m, getMultiTerminalPreset('ag-np-yang2015'), {}, 'device');
  const gMid = Math.sqrt(1e-5 * 1e-11); // log-midpoint of R_on = 100 kOhm and R_off = 100 GOhm
  const biases = [-5, -2.5, 0, 2.5, 5];
  const nSet: number[] = [], tRup: number[] = [];
  for (const vm of biases) {
    const run = runMultiTerminal(new MultiTerminalTerm(m, r.p, [train(10, 100, 0.1), undefined, new Dc(vm, 10)]), 10, undefined, { every: 'step' });
    assert.equal(run.status, 'ok', run.message);
    let n = Infinity;
    for (let j = 0; j < run.t.length; j++) if (run.g.G[j] > gMid) { n = Math.floor(run.t[j] / 0.1) + 1; break; }
    nSet.push(n);
    const rel = runMultiTerminal(new MultiTerminalTerm(m, r.p, [undefined, undefined, new Dc(vm, 5)]), 5, Float64Array.of(1), { every: 'step' });
    const j = rel.g.G.findIndex((g) => g < gMid);
    tRup.push(j < 0 ? Infinity : rel.t[j]);
  }
  for (let k = 1; k < biases.length; k++) {
    assert.ok(nSet[k] <= nSet[k - 1] && tRup[k] > tRup[k - 1], `V_mod ${biases.join(', ')}: pulses to SET ${nSet.join(', ')}, rupture ${tRup.join(', ')}`);
  }
  // measurements.md A8 (b): reversing the sign of V_mod suppresses the change
  assert.ok(Number.isFinite(nSet[4]) && nSet[0] === Infinity, `pulses to SET ${nSet.join(', ')}`);
  assert.ok(nSet[4] < nSet[2], 'a positive bias speeds up SET');
});

test('multi-terminal: presets resolve, bad overrides name the field, invalid source counts are refused', () => {
  for (const p of listMultiTerminalPresets()) {
    const m = getMultiTerminalModel(p.model);
    assert.ok(m, `model of ${p.id}`);
    const r = resolveMultiTerminal(m, p, {}, 'device');
    assert.equal(r.p.length, m.params.length);
    assert.ok(p.fittedTo.length > 20 && p.citation.length > 10);
  }
  const m = getMultiTerminalModel('li-reservoir')!;
  assert.throws(() => resolveMultiTerminal(m, undefined, { nu: -1 }, 'device'), (e: unknown) => e instanceof SpecError && /device\.set\.nu/.test(e.message));
  assert.throws(() => resolveMultiTerminal(m, undefined, { nuDtod: 0.1 }, 'device'), SpecError);
  const r = resolveMultiTerminal(m, undefined, {}, 'device');
  assert.throws(() => new MultiTerminalTerm(m, r.p, [undefined]), RangeError);
});
