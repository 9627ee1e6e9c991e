/**
 * `heterosynaptic`: multi-terminal systems (review Fig. 9, 10), driven terminal by terminal
 * through circuit/multi-terminal (one source per terminal, reads from the model's channel
 * conductances: a virtual read).
 *
 *  - competition (LixMoS2, Zhu et al. 2019; li-reservoir): `pulses` pulses on in1 only; the
 *    conductances of the stimulated and the unstimulated synapses over time, and the drift of
 *    the total Li content (an invariant of the model) during the run;
 *  - cooperation: weak pulses on in2 alone, then (fresh system) the same weak pulses on in2
 *    together with strong pulses on in1; enabledGain = dG2(together) / dG2(alone);
 *  - modulation (Ag-NP planar device, Yang, Chen, Lu 2015; modulatory-filament): pre pulses
 *    at each modulatory bias V_mod; pulses to SET (G above setRatio x G_0) and the time the
 *    channel then needs to relax below that level with the pulses off.
 * @module protocols/heterosynaptic
 */
import { SpecError } from '../units/parse.js';
import { Dc, PulseTrain, type Waveform } from '../stimulus/waveform.js';
import { MultiTerminalTerm, runMultiTerminal, type MultiTerminalRun } from '../circuit/multi-terminal.js';
import { resolveMultiTerminal } from '../devices/multi-terminal.js';
import { list, num, pp, str } from './params.js';
import { ResultBuilder } from './common.js';
import type { Protocol, ProtocolContext, ProtocolParams } from './types.js';

function train(amp: number, width: number, period: number, count: number, tail: number): Waveform {
  const edge = Math.min(width * 0.02, 1e-6);
  return new PulseTrain({ base: 0, amplitude: amp, delay: 0, rise: edge, width, fall: edge }, period, count, tail);
}

/** Conductance of `ch` right after each pulse k (end of its fall edge) and at the end. */
function afterPulses(r: MultiTerminalRun, ch: string, width: number, period: number, count: number): number[] {
  const edge = Math.min(width * 0.02, 1e-6), out: number[] = [];
  const t = r.t, g = r.g[ch];
  let j = 0;
  for (let k = 0; k < count; k++) {
    const tk = k * period + 2 * edge + width;
    while (j < t.length - 1 && t[j] < tk * (1 - 1e-12)) j++;
    out.push(g[j]);
  }
  return out;
}

/** Largest relative change of the model's invariants over a run. */
function invariantDrift(ctx: ProtocolContext, r: MultiTerminalRun): number {
  const m = ctx.multi!.model, p = ctx.multi!.p;
  const inv = m.invariants?.(p) ?? [];
  const names = m.states(p).map((s) => s.name);
  let worst = 0;
  for (const c of inv) {
    const at = (k: number) => names.reduce((s, nm, q) => s + c[q] * r.states[nm][k], 0);
    const c0 = at(0);
    for (let k = 0; k < r.t.length; k++) worst = Math.max(worst, Math.abs(at(k) - c0) / Math.max(Math.abs(c0), 1e-300));
  }
  return inv.length ? worst : NaN;
}

function liRuns(ctx: ProtocolContext, p: ProtocolParams, b: ResultBuilder) {
  const k = num(p, 'synapses');
  const sys = resolveMultiTerminal(ctx.multi!.model, ctx.multi!.preset, { k }, 'device');
  const c2: ProtocolContext = { ...ctx, multi: sys };
  const term = (src: (Waveform | undefined)[]) => new MultiTerminalTerm(sys.model, sys.p, src);
  const nT = sys.model.terminals(sys.p).length;
  const run = (src: (Waveform | undefined)[]) => {
    const full = Array.from({ length: nT }, (_, q) => src[q]);
    const r = runMultiTerminal(term(full), undefined, undefined, { every: 'breakpoint' });
    b.ran(r.status === 'ok', `${r.status}: ${r.message}`);
    return r;
  };
  return { c2, run, k };
}

function competition(ctx: ProtocolContext, p: ProtocolParams, b: ResultBuilder): void {
  const { c2, run, k } = liRuns(ctx, p, b);
  const w = num(p, 'width'), T = num(p, 'period'), N = num(p, 'pulses');
  const r = run([train(num(p, 'amplitude'), w, T, N, num(p, 'rest'))]);
  const cols: Record<string, number[]> = { t: Array.from(r.t) }, units: Record<string, string> = { t: 's' };
  for (let q = 1; q <= k; q++) { cols[`G${q}`] = Array.from(r.g[`G${q}`]); units[`G${q}`] = 'S'; }
  b.table('weights', cols, units);
  const g1 = r.g.G1, g2 = r.g.G2, e = r.t.length - 1;
  b.metric('stimulatedChange', g1[e] - g1[0], 'S', 'change of the stimulated synapse G1 over the run');
  b.metric('partnerChange', g2[e] - g2[0], 'S', 'change of the unstimulated partner G2 over the run');
  b.metric('ionDrift', invariantDrift(c2, r), '1', 'largest relative change of the total Li content during the run');
}

function cooperation(ctx: ProtocolContext, p: ProtocolParams, b: ResultBuilder): void {
  const { c2, run } = liRuns(ctx, p, b);
  const w = num(p, 'width'), T = num(p, 'period'), N = num(p, 'pulses'), rest = num(p, 'rest');
  const weak = () => train(num(p, 'weakAmplitude'), w, T, N, rest);
  const alone = run([undefined, weak()]);
  const together = run([train(num(p, 'amplitude'), w, T, N, rest), weak()]);
  const g2a = afterPulses(alone, 'G2', w, T, N), g2b = afterPulses(together, 'G2', w, T, N);
  const g0 = alone.g.G2[0];
  b.table('weights', { pulse: g2a.map((_, q) => q + 1), G2alone: g2a, G2withNeighbour: g2b, G1withNeighbour: afterPulses(together, 'G1', w, T, N) }, { pulse: '1', G2alone: 'S', G2withNeighbour: 'S', G1withNeighbour: 'S' });
  const dA = g2a[N - 1] - g0, dB = g2b[N - 1] - g0;
  b.metric('dG2Alone', dA, 'S', 'change of G2 under weak pulses alone');
  b.metric('dG2WithNeighbour', dB, 'S', 'change of G2 under the same weak pulses while in1 is driven');
  b.metric('enabledGain', dB / dA, '1', 'dG2(with neighbour) / dG2(alone)');
  b.metric('ionDrift', Math.max(invariantDrift(c2, alone), invariantDrift(c2, together)), '1', 'largest relative change of the total Li content');
}

function modulation(ctx: ProtocolContext, p: ProtocolParams, b: ResultBuilder): void {
  const sys = ctx.multi!;
  const names = sys.model.terminals(sys.p);
  const iPre = names.indexOf('pre'), iMod = names.indexOf('mod');
  if (iPre < 0 || iMod < 0) throw new SpecError('device', sys.preset?.id ?? sys.model.id, 'a multi-terminal system with pre, post and mod terminals for mode modulation');
  const w = num(p, 'width'), T = num(p, 'period'), N = num(p, 'pulses'), rest = num(p, 'rest');
  const vm = list(p, 'vmod'), toSet: number[] = [], relax: number[] = [], gEnd: number[] = [];
  for (const v of vm) {
    const src: (Waveform | undefined)[] = names.map(() => undefined);
    src[iPre] = train(num(p, 'amplitude'), w, T, N, rest);
    src[iMod] = new Dc(v, T * N + rest);
    const r = runMultiTerminal(new MultiTerminalTerm(sys.model, sys.p, src), undefined, undefined, { every: 'step' });
    b.ran(r.status === 'ok', `V_mod ${v} V: ${r.status}: ${r.message}`);
    const ch = sys.model.channels(sys.p)[0];
    const g = afterPulses(r, ch, w, T, N), g0 = r.g[ch][0], level = num(p, 'setRatio') * g0;
    const kSet = g.findIndex((x) => x >= level);
    toSet.push(kSet < 0 ? NaN : kSet + 1);
    gEnd.push(g[N - 1]);
    // relaxation: first time after the last pulse at which G is back below the SET level
    const tLast = (N - 1) * T + w, gg = r.g[ch];
    let tr = NaN;
    if (kSet >= 0) for (let j = 0; j < r.t.length; j++) if (r.t[j] > tLast && gg[j] < level) { tr = r.t[j] - tLast; break; }
    relax.push(tr);
  }
  b.table('modulation', { vmod: vm, pulsesToSet: toSet, relaxTime: relax, gAfterTrain: gEnd }, { vmod: 'V', pulsesToSet: '1', relaxTime: 's', gAfterTrain: 'S' });
  // "never" counts as more pulses than the train has
  const eff = toSet.map((x) => (Number.isFinite(x) ? x : N + 1));
  const order = vm.map((v, q) => [v, eff[q]] as const).sort((a, c) => a[0] - c[0]);
  b.metric('monotoneInVmod', order.every(([, x], q) => q === 0 || x <= order[q - 1][1]) && order[0][1] > order[order.length - 1][1] ? 1 : 0, '1', '1 when pulses-to-SET never rises with V_mod and falls over the sweep');
  const z = vm.indexOf(0), lo = order[0];
  b.metric('reverseSuppresses', z >= 0 && lo[0] < 0 && lo[1] > eff[z] ? 1 : 0, '1', '1 when the most negative V_mod needs more pulses than V_mod = 0 (or never SETs)');
  b.metric('pulsesToSetAt0', z >= 0 ? toSet[z] : NaN, '1', 'pulses to SET at V_mod = 0');
}

export const heterosynapticProtocol: Protocol = {
  id: 'heterosynaptic',
  title: 'Heterosynaptic plasticity (multi-terminal)',
  figures: 'Fig. 9, 10',
  summary: 'shared Li+ pool (competition, cooperation; total ions conserved) or a modulatory terminal (pulses-to-SET and relaxation vs bias)',
  multiTerminal: true,
  params: [
    pp('mode', 'competition', 'dimensionless', '1', 'experiment', { choices: ['competition', 'cooperation', 'modulation'] }),
    pp('synapses', 2, 'dimensionless', '1', 'synapses sharing the Li pool (2 or 4 in the review)', { integer: true, min: 2, max: 16 }),
    pp('amplitude', 3, 'voltage', 'V', 'pulse amplitude on the stimulated input (pre terminal in modulation mode)'),
    pp('weakAmplitude', 1.5, 'voltage', 'V', 'weak input amplitude (cooperation)'),
    pp('width', 1e-3, 'time', 's', 'pulse width', { min: 0 }),
    pp('period', 0.1, 'time', 's', 'pulse period', { min: 0 }),
    pp('pulses', 20, 'dimensionless', '1', 'pulses per train', { integer: true, min: 1, max: 100000 }),
    pp('rest', 2, 'time', 's', 'zero-bias time after the train', { min: 0 }),
    pp('vmod', [-4, -2, 0, 2, 4, 6], 'voltage', 'V', 'modulatory biases (modulation)'),
    pp('setRatio', 10, 'dimensionless', '1', 'G / G_0 that counts as SET (modulation)', { min: 1 }),
  ],
  run(ctx, p) {
    if (!ctx.multi) throw new SpecError('device', ctx.device?.preset?.id, 'a multi-terminal preset (limos2-zhu2019, ag-np-yang2015)');
    const b = new ResultBuilder('heterosynaptic', ctx, p);
    const mode = str(p, 'mode');
    if (mode === 'modulation') modulation(ctx, p, b);
    else if (mode === 'cooperation') cooperation(ctx, p, b);
    else competition(ctx, p, b);
    return { ...b.finish(), read: 'virtual read: channel conductances of the multi-terminal model (small-signal, non-perturbing)' };
  },
};
