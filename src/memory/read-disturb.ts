/**
 * `read-disturb`: repeated read pulses (amplitude vRead, width `width`, period `period`)
 * applied to the programmed HRS and LRS. Each read is one cycle of the envelope engine
 * (memory/envelope), so 1e12 reads cost a few hundred simulated ones; the failure is the
 * level losing `margin` of the ln G window (the HRS drifting up under a read of SET
 * polarity, the LRS drifting down under a read of RESET polarity or by relaxation between
 * reads). Reports the drift per read (ln G per read over the first simulated reads) and
 * the reads until each level is lost (or a lower bound: the target).
 * @module memory/read-disturb
 */
import type { MemoryProtocol, OptionDef, Curve } from './protocol.js';
import { resolveOptions, metric, cleanOptions } from './protocol.js';
import { driveOf, preparedCell } from './program.js';
import { runEnvelope } from './envelope.js';
import { stateRanges, CYCLE_RTOL, CYCLE_ATOL_SCALE } from './endurance.js';
import { Pwl } from '../stimulus/waveform.js';
import type { Metric } from '../experiment/run.js';

const OPTIONS: readonly OptionDef[] = [
  { name: 'vRead', dim: 'voltage', unit: 'V', meaning: 'read voltage (default: the preset sweep vRead)' },
  { name: 'width', dim: 'time', unit: 's', default: 100e-9, min: 1e-12, max: 1, meaning: 'read pulse width' },
  { name: 'period', dim: 'time', unit: 's', default: 1e-6, min: 1e-12, max: 10, meaning: 'read period (>= width; 0 V in between)' },
  { name: 'target', dim: 'dimensionless', unit: '1', default: 1e12, min: 1, max: 1e16, meaning: 'reads to apply' },
  { name: 'margin', dim: 'dimensionless', unit: '1', default: 0.5, min: 0.01, max: 0.99, meaning: 'fraction of the ln G window whose loss loses the level' },
  { name: 'block', dim: 'dimensionless', unit: '1', default: 8, min: 4, max: 1e4, integer: true, meaning: 'fully simulated reads per envelope block' },
  { name: 'tol', dim: 'dimensionless', unit: '1', default: 1e-4, min: 1e-10, max: 0.1, meaning: 'local extrapolation error per jump, fraction of each state range' },
];

export const readDisturb: MemoryProtocol = {
  name: 'read-disturb',
  summary: 'repeated reads at the read voltage: drift per read, reads until a level is lost',
  options: OPTIONS,
  run(ref, raw = {}, seed = 1) {
    const o = resolveOptions(OPTIONS, raw);
    const drive = driveOf(ref, { vRead: o.vRead as number | undefined });
    const width = o.width as number, period = Math.max(o.period as number, width);
    const { cell, refs } = preparedCell(ref, drive, { seed, rtol: CYCLE_RTOL, atolScale: CYCLE_ATOL_SCALE });
    const W = Math.log(refs.gLrs / refs.gHrs), m = o.margin as number;
    const wave = period > width ? new Pwl([0, width, width, period], [drive.vRead, drive.vRead, 0, 0]) : new Pwl([0, width], [drive.vRead, drive.vRead]);
    const metrics: Record<string, Metric> = {};
    const curves: Record<string, Curve> = {};
    const notes: string[] = [];
    const series: Record<string, number[]> = {};
    const xs: Record<string, number[]> = {};
    for (const [label, start, lnFail, sign] of [['HRS', refs.xHrs, Math.log(refs.gHrs) + m * W, 1], ['LRS', refs.xLrs, Math.log(refs.gLrs) - m * W, -1]] as const) {
      cell.restore(start);
      const cycle = (): number[] => {
        const r = cell.apply(wave);
        if (r.status !== 'ok') throw new Error(`read pulse failed: ${r.message}`);
        return [Math.log(cell.read(drive.vRead)[0])];
      };
      const res = runEnvelope(cell.x, stateRanges(cell), cycle, {
        target: o.target as number, block: o.block as number, tol: o.tol as number,
        failed: (ob) => sign * (ob[0] - lnFail) > 0,
        margin: (ob) => -sign * (ob[0] - lnFail),
      });
      const tr = res.trace;
      const k1 = Math.min(tr.length - 1, (o.block as number) - 1);
      const drift = k1 > 0 ? (tr[k1].obs[0] - tr[0].obs[0]) / (tr[k1].n - tr[0].n) : NaN;
      const key = label.toLowerCase();
      metrics[`${key}DriftPerRead`] = metric(drift, '1', `change of ln G of the ${label} per read over the first simulated reads`);
      metrics[`${key}ReadsToLoss`] = res.failed
        ? metric(res.cycles, '1', `reads until the ${label} lost ${m} of the window`)
        : { value: res.cycles, unit: '1', meaning: `no loss: reads until the ${label} is lost is at least this`, bound: 'lower' } as Metric;
      series[label] = tr.map((p) => Math.exp(p.obs[0]));
      xs[label] = tr.map((p) => p.n);
      notes.push(`${label}: ${res.simulated} reads simulated, ${res.jumps} envelope jumps, ${res.failed ? 'level lost' : 'level kept'} after ${res.cycles.toExponential(3)} reads.`);
    }
    curves.hrs = { title: 'HRS read conductance vs reads', x: xs.HRS, xLabel: 'reads', xUnit: '1', logX: true, logY: true, yUnit: 'S', series: { HRS: series.HRS } };
    curves.lrs = { title: 'LRS read conductance vs reads', x: xs.LRS, xLabel: 'reads', xUnit: '1', logX: true, logY: true, yUnit: 'S', series: { LRS: series.LRS } };
    return { protocol: 'read-disturb', device: ref.preset?.id ?? ref.model.id, metrics, curves, notes, options: cleanOptions({ ...o, vRead: drive.vRead, period }) };
  },
};
