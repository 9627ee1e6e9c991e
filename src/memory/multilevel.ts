/**
 * `multilevel`: write-verify programming of N devices to K target conductances, for several
 * K. Every device starts from the reference HRS; the targets are log-spaced over the ln G
 * window (level 0 is the HRS itself). Each verify step reads G with a relative Gaussian read
 * noise; a device below its target receives one partial SET pulse (rated vSet, width
 * t_SET / stepsPerHalfWindow), a device at or above it stops. Devices are simulated together
 * as one group (device-to-device and cycle-to-cycle spreads from the device spec); the
 * devices that have stopped are restored after each pulse, which is exact because they are
 * independent.
 *
 * Read-error rate: each level's ln G (programmed value plus read noise) is taken as normal
 * with the sample mean and standard deviation; adjacent levels k, k+1 are separated at the
 * point of equal tail probability, so a read of level k falls across it with probability
 * Phi(-(mu_k+1 - mu_k) / (sigma_k + sigma_k+1)); a level's error is the sum over its two
 * neighbours. K levels are distinguishable when every level's error is at most the target
 * rate. The Gaussian tail is an extrapolation beyond what N samples show (said in the notes).
 * @module memory/multilevel
 */
import type { MemoryProtocol, OptionDef, Curve } from './protocol.js';
import { resolveOptions, metric, cleanOptions } from './protocol.js';
import { driveOf, preparedCell } from './program.js';
import { sweepKinetics } from './switching-kinetics.js';
import { temperatureParam } from './retention-bake.js';
import { Pwl } from '../stimulus/waveform.js';
import { Rng } from '../rng/rng.js';
import { mean, std } from '../math/stats.js';
import type { Metric } from '../experiment/run.js';

const OPTIONS: readonly OptionDef[] = [
  { name: 'levels', dim: 'dimensionless', unit: '1', list: true, default: [2, 4, 8, 16, 32], min: 2, max: 1024, integer: true, meaning: 'level counts K tried' },
  { name: 'devices', dim: 'dimensionless', unit: '1', default: 32, min: 2, max: 10000, integer: true, meaning: 'devices programmed per level' },
  { name: 'errorRate', dim: 'dimensionless', unit: '1', default: 1e-3, min: 1e-15, max: 0.5, meaning: 'largest acceptable read-error rate per level' },
  { name: 'readNoise', dim: 'dimensionless', unit: '1', default: 0.01, min: 0, max: 1, meaning: 'relative read noise (sd of ln G per read; an assumption, not from the model)' },
  { name: 'stepsPerHalfWindow', dim: 'dimensionless', unit: '1', default: 32, min: 1, max: 1e5, meaning: 'partial pulses that take the HRS to the log-midpoint (sets the pulse width)' },
  { name: 'maxPulses', dim: 'dimensionless', unit: '1', default: 1000, min: 1, max: 1e6, integer: true, meaning: 'pulse budget per device and level' },
  { name: 'retention', dim: 'time', unit: 's', default: 86400, min: 0, max: 1e12, meaning: 'hold at 0 V after programming before the drift read' },
  { name: 'retentionTemperature', dim: 'temperature', unit: 'K', min: 1, max: 2000, meaning: 'temperature of the retention hold (default: the preset ambient)' },
  { name: 'vRead', dim: 'voltage', unit: 'V', meaning: 'read voltage (default: the preset sweep vRead)' },
];

/** Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x), t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
/** Standard normal upper tail Q(z) = 1 - Phi(z). */
export function normalTail(z: number): number { return 0.5 * erfc(z / Math.SQRT2); }

/** Largest per-level read-error rate of levels with ln-G means mu and sds sd (sorted by mean). */
export function levelErrorRate(mu: readonly number[], sd: readonly number[]): number {
  let worst = 0;
  for (let k = 0; k < mu.length; k++) {
    let e = 0;
    for (const j of [k - 1, k + 1]) {
      if (j < 0 || j >= mu.length) continue;
      const s = sd[k] + sd[j], gap = Math.abs(mu[j] - mu[k]);
      e += s > 0 ? normalTail(gap / s) : gap > 0 ? 0 : 0.5;
    }
    worst = Math.max(worst, e);
  }
  return worst;
}

export const multilevel: MemoryProtocol = {
  name: 'multilevel',
  summary: 'write-verify to K conductance levels: distinguishable levels at a read-error rate, pulses per level, drift after retention',
  options: OPTIONS,
  run(ref, raw = {}, seed = 1) {
    const o = resolveOptions(OPTIONS, raw);
    const drive = driveOf(ref, { vRead: o.vRead as number | undefined });
    const N = o.devices as number, sr = o.readNoise as number, target = o.errorRate as number;
    const { cell, refs } = preparedCell(ref, drive, { seed, count: N });
    const dev = ref.preset?.id ?? ref.model.id;
    const tSet = sweepKinetics(cell, refs.xHrs, [drive.vSet], refs.gMid, 1, drive.vRead, 1).t[0];
    const metrics: Record<string, Metric> = {};
    const notes: string[] = [];
    if (!(tSet > 0)) {
      notes.push('the device does not SET at the rated voltage within 1 s: no multilevel programming');
      return { protocol: 'multilevel', device: dev, metrics, curves: {}, notes, options: cleanOptions(o) };
    }
    // every device starts from its own reference HRS (programmed on all devices together)
    const hrsAll = Float64Array.from(refs.xHrs);
    const width = tSet / (o.stepsPerHalfWindow as number);
    const pulse = new Pwl([0, width], [drive.vSet, drive.vSet]);
    const noise = new Rng(seed).stream('memory:read-noise');
    const readNoisy = (): Float64Array => {
      const g = cell.read(drive.vRead);
      for (let j = 0; j < N; j++) g[j] *= Math.exp(sr * noise.normal());
      return g;
    };
    const lnH = Math.log(refs.gHrs), W = Math.log(refs.gLrs / refs.gHrs);
    const tp = temperatureParam(ref.model);
    const tRet = o.retention as number;
    const rows: { K: number; err: number; errRet: number; pulses: number; drift: number; mu: number[]; sd: number[] }[] = [];
    for (const K of o.levels as number[]) {
      const mu: number[] = [], sd: number[] = [], muR: number[] = [], sdR: number[] = [];
      let pulses = 0, drift = 0;
      for (let k = 0; k < K; k++) {
        cell.restore(hrsAll);
        const lnT = lnH + (0.95 * W * k) / (K - 1);
        const done = new Uint8Array(N);
        let count = 0;
        if (k > 0) {
          for (let p = 0; p < (o.maxPulses as number); p++) {
            const g = readNoisy();
            let open = 0;
            for (let j = 0; j < N; j++) if (!done[j] && Math.log(g[j]) >= lnT) done[j] = 1; else if (!done[j]) open++;
            if (!open) break;
            const before = cell.snapshot();
            if (cell.group.hasC2c) cell.group.resampleC2c();
            const r = cell.apply(pulse);
            if (r.status !== 'ok') throw new Error(`multilevel pulse failed: ${r.message}`);
            const S = cell.group.model.states.length;
            for (let j = 0; j < N; j++) if (done[j]) for (let s = 0; s < S; s++) cell.x[s * N + j] = before[s * N + j];
            count += open;
          }
        }
        pulses = Math.max(pulses, count / N);
        const lg = Array.from(readNoisy(), Math.log);
        mu.push(mean(lg)); sd.push(std(lg));
        if (tRet > 0) {
          const t0 = tp ? cell.group.get(tp) : NaN;
          if (tp && o.retentionTemperature !== undefined) cell.setParam(tp, o.retentionTemperature as number);
          cell.hold(0, tRet);
          if (tp) cell.setParam(tp, t0);
          const lr = Array.from(readNoisy(), Math.log);
          muR.push(mean(lr)); sdR.push(std(lr));
          drift = Math.max(drift, Math.abs(muR[k] - mu[k]));
        }
      }
      const err = levelErrorRate(mu, sd);
      rows.push({ K, err, errRet: tRet > 0 ? levelErrorRate(muR, sdR) : NaN, pulses, drift, mu, sd });
    }
    const ok = rows.filter((r) => r.err <= target);
    const okRet = rows.filter((r) => r.errRet <= target);
    const best = ok.length ? ok.reduce((a, b) => (b.K > a.K ? b : a)) : undefined;
    metrics.levels = metric(best?.K ?? 1, '1', `largest tried level count whose worst read-error rate is <= ${target}`);
    metrics.levelsAfterRetention = metric(okRet.length ? Math.max(...okRet.map((r) => r.K)) : 1, '1', `the same after a ${tRet} s hold at 0 V`);
    metrics.bitsPerCell = metric(Math.log2(best?.K ?? 1), 'bit', 'log2 of the distinguishable levels');
    metrics.errorRateAtLevels = metric(best?.err ?? NaN, '1', 'worst per-level read-error rate at that level count');
    metrics.pulsesPerLevel = metric(best?.pulses ?? NaN, '1', 'mean verify pulses to reach the top level at that count (worst level)');
    metrics.levelDrift = metric(best?.drift ?? NaN, '1', 'largest shift of a level mean in ln G over the retention hold');
    metrics.pulseWidth = metric(width, 's', 'partial SET pulse width');
    const curves: Record<string, Curve> = {
      errors: { title: 'Worst read-error rate vs level count', x: rows.map((r) => r.K), xLabel: 'levels K', xUnit: '1', logX: true, logY: true, yUnit: '1', series: { 'after programming': rows.map((r) => Math.max(r.err, 1e-300)), 'after retention': rows.map((r) => Math.max(r.errRet, 1e-300)) } },
    };
    if (best) curves.levels = { title: `Programmed levels (K = ${best.K}): mean and spread`, x: best.mu.map((_, k) => k), xLabel: 'level', xUnit: '1', logY: true, yUnit: 'S', series: { mean: best.mu.map(Math.exp), '-3 sd': best.mu.map((m, k) => Math.exp(m - 3 * best.sd[k])), '+3 sd': best.mu.map((m, k) => Math.exp(m + 3 * best.sd[k])) } };
    notes.push(`read noise ${sr} (sd of ln G) is an assumption; level spreads come from it, the verify overshoot and the device's Dtod / C2c spreads${cell.group.hasC2c ? '' : ' (none in this device spec)'}.`);
    notes.push(`error rates below 1/N = ${(1 / N).toExponential(1)} are Gaussian-tail extrapolations from ${N} devices per level.`);
    return { protocol: 'multilevel', device: dev, metrics, curves, notes, options: cleanOptions({ ...o, vRead: drive.vRead }) };
  },
};
