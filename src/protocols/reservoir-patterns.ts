/**
 * `reservoir-patterns`: the device level of reservoir computing with dynamic memristors (Du
 * et al., Nat. Commun. 8, 2204 (2017); measurements.md A9). All 2^F patterns of F frames
 * (default 4) are fed to a fresh device at two rates (defaults: A9 rate 1 = 0.8 ms frames,
 * 1.5 V / 0.5 ms pulses; rate 2 = 4 ms frames, 1.5 V / 0.8 ms pulses; a 1 is a pulse at the
 * frame start with the SET polarity), the state is read after every frame, and the metrics of
 * network/reservoir/patterns are reported: distinct states, "0001" vs "1000", ordering by
 * recency-weighted count, rate dependence, the decay constant implied by the recency contrast.
 * The streams run through the network layer's batched stream runner on the shared integrator
 * (all 2^F patterns of a rate in one batch); the device is driven directly (no series circuit).
 * @module protocols/reservoir-patterns
 */
import { SpecError } from '../units/parse.js';
import { DU2017_RATE1, DU2017_RATE2 } from '../network/reservoir/encoding.js';
import { PATTERN_METRICS, patternMetrics, patternStudy } from '../network/reservoir/patterns.js';
import { num, pp, str } from './params.js';
import { READ_PARAMS, ResultBuilder, readSettings } from './common.js';
import type { Protocol } from './types.js';

export const reservoirPatternsProtocol: Protocol = {
  id: 'reservoir-patterns',
  title: 'Reservoir: all F-bit pulse patterns at two rates',
  figures: 'Sec. 3.1 application (Du 2017, measurements.md A9)',
  summary: 'the 16 four-frame pulse patterns on one device at two frame rates; distinct states, recency ordering, rate dependence',
  params: [
    pp('frames', 4, 'dimensionless', '1', 'frames (bits) per pattern', { integer: true, min: 2, max: 10 }),
    pp('amplitude1', DU2017_RATE1.amplitude, 'voltage', 'V', 'rate 1 pulse amplitude (SET polarity)', { min: 0 }),
    pp('width1', DU2017_RATE1.width, 'time', 's', 'rate 1 pulse width (flat top)', { min: 0 }),
    pp('frame1', DU2017_RATE1.frame, 'time', 's', 'rate 1 frame width', { min: 0 }),
    pp('amplitude2', DU2017_RATE2.amplitude, 'voltage', 'V', 'rate 2 pulse amplitude (SET polarity)', { min: 0 }),
    pp('width2', DU2017_RATE2.width, 'time', 's', 'rate 2 pulse width (flat top)', { min: 0 }),
    pp('frame2', DU2017_RATE2.frame, 'time', 's', 'rate 2 frame width', { min: 0 }),
    pp('rtol', 1e-7, 'dimensionless', '1', 'integrator relative tolerance (the resolution is 10 rtol G_max)', { min: 1e-12, max: 1e-3 }),
    ...READ_PARAMS,
  ],
  run(ctx, p) {
    if (ctx.series) throw new SpecError('series', ctx.series.preset?.id ?? ctx.series.model.id, 'nothing: the reservoir drives each device directly');
    if (ctx.circuit.series !== 0 || Number.isFinite(ctx.circuit.compliance)) throw new SpecError('circuit', ctx.circuit, 'the ideal source (no series resistance or compliance) for reservoir-patterns');
    const b = new ResultBuilder('reservoir-patterns', ctx, p);
    const rd = readSettings(p);
    const s = patternStudy(
      { model: ctx.device.model, resolved: ctx.device.resolved, label: ctx.device.preset?.id ?? ctx.device.model.id },
      [{ amplitude: num(p, 'amplitude1'), width: num(p, 'width1'), frame: num(p, 'frame1') }, { amplitude: num(p, 'amplitude2'), width: num(p, 'width2'), frame: num(p, 'frame2') }],
      { mode: str(p, 'read') as 'virtual' | 'pulse', vRead: rd.vRead, width: rd.width },
      { frames: num(p, 'frames'), rtol: num(p, 'rtol'), seed: ctx.seed },
    );
    b.runs++;
    if (s.status !== 'ok') { b.failed = true; b.note(s.message); }
    const m = patternMetrics(s);
    for (const [k, v] of Object.entries(m)) b.metric(k, v, PATTERN_METRICS[k][0], PATTERN_METRICS[k][1]);
    const F = s.frames, cols: Record<string, number[]> = { pattern: s.patterns.map((_, q) => q) };
    for (let k = 0; k < F; k++) cols[`bit${k + 1}`] = s.patterns.map((q) => Number(q[k]));
    cols.gRate1 = Array.from(s.final[0]);
    cols.gRate2 = Array.from(s.final[1]);
    for (let r = 0; r < 2; r++) for (let k = 0; k < F; k++) cols[`rate${r + 1}Frame${k + 1}`] = s.patterns.map((_, q) => s.traces[r][q * F + k]);
    b.table('states', cols, Object.fromEntries(Object.keys(cols).map((k) => [k, k.startsWith('rate') || k.startsWith('gRate') ? 'S' : '1'])));
    return b.finish();
  },
};
