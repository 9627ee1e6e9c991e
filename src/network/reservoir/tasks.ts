/**
 * Classification tasks on a physical reservoir: images -> pulse streams (encoding) -> device
 * states at one or more rates (run) -> a readout trained on the training states (readout),
 * against two references that use the same readout:
 *  - raw pixels: the binarised pixels themselves (what the readout does with no reservoir);
 *  - no-relaxation control: the same device model with its volatile dynamics off (control),
 *    a device that counts pulses, so the benefit of the short-term memory is measured.
 *
 * Features of sample i: rate r, channel c, read q at i d + (r C + c) R + q, d = rates C R; the
 * state is the read conductance (S), standardised by the readout.
 * @module network/reservoir/tasks
 */
import { Rng } from '../../rng/rng.js';
import { SpecError } from '../../units/parse.js';
import type { ImageSet } from '../analog/dataset.js';
import { imageStreams, type ImageEncoding, type StreamScheme } from './encoding.js';
import type { ReadScheme } from './frame-clock.js';
import { evaluateReadout, trainReadout, type FeatureSet, type ReadoutOptions } from './readout.js';
import { runReservoir, type ReservoirDevice } from './run.js';

/** How the reservoir is driven and read. */
export interface FeatureOptions {
  rates: StreamScheme[];
  read: ReadScheme;
  /** Frames after which each stream is read (virtual nodes; default the last). */
  reads?: number[];
  seed: number;
  rtol?: number;
  batch?: number;
  /**
   * Read noise: every read G becomes G (1 + sigma n), n standard normal from the seeded stream
   * "read-noise:<tag>" (default 0: exact reads). A finite read resolution is what makes two
   * states distinguishable or not in a measurement.
   */
  readNoise?: number;
  /** Tag of the read-noise stream (imageTask uses the device and data-set names). */
  noiseTag?: string;
}

/** Reservoir features of a data set. */
export interface Features {
  x: Float64Array;
  n: number;
  d: number;
  channels: number;
  status: 'ok' | 'failed';
  message: string;
  stats: { solves: number; steps: number; nfev: number; deviceEvals: number; unique: number };
}

/** Reservoir states of n images as features (module doc for the layout). */
export function reservoirFeatures(dev: ReservoirDevice, set: ImageSet, enc: ImageEncoding, o: FeatureOptions): Features {
  if (!o.rates.length) throw new SpecError('rates', '[]', 'at least one pulse scheme');
  const { bits, channels: C, frames: F } = imageStreams(set.x, set.n, enc);
  const runs = o.rates.map((scheme, r) => {
    try {
      return runReservoir(dev, bits, set.n * C, F, { scheme, read: o.read, reads: o.reads, channels: C, seed: o.seed, rtol: o.rtol, batch: o.batch });
    } catch (e) {
      if (e instanceof SpecError) throw new SpecError(`rates[${r}].${e.path}`, e.value, e.expected);
      throw e;
    }
  });
  const R = runs[0].reads, d = o.rates.length * C * R, x = new Float64Array(set.n * d);
  const stats = { solves: 0, steps: 0, nfev: 0, deviceEvals: 0, unique: 0 };
  let status: 'ok' | 'failed' = 'ok', message = 'ok';
  runs.forEach((st, r) => {
    for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] += st.stats[k];
    if (st.status !== 'ok' && status === 'ok') { status = 'failed'; message = `rate ${r + 1}: ${st.message}`; }
    for (let i = 0; i < set.n; i++) for (let c = 0; c < C; c++) for (let q = 0; q < R; q++) x[i * d + (r * C + c) * R + q] = st.g[((i * C) + c) * R + q];
  });
  const sigma = o.readNoise ?? 0;
  if (!(sigma >= 0 && sigma < 1)) throw new SpecError('readNoise', sigma, 'a relative sigma in [0, 1)');
  if (sigma > 0) {
    const rng = new Rng(o.seed).stream(`read-noise:${o.noiseTag ?? ''}`);
    for (let q = 0; q < x.length; q++) x[q] *= 1 + sigma * rng.normal();
  }
  return { x, n: set.n, d, channels: C, status, message, stats };
}

/** Binarised pixels as features (the raw-pixel reference). */
export function pixelFeatures(set: ImageSet, threshold: number): FeatureSet {
  const x = new Float64Array(set.n * set.size);
  for (let q = 0; q < x.length; q++) x[q] = set.x[q] >= threshold ? 1 : 0;
  return { x, y: set.y, n: set.n, d: set.size, classes: set.classes };
}

/** One line of a task's result. */
export interface TaskLine {
  /** "reservoir", "no-relaxation control" or "raw pixels". */
  name: string;
  device?: string;
  features: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** true class t, predicted p at t * classes + p (test set). */
  confusion: Int32Array;
}

/** A task's outcome: one line per reference, plus the reservoir's test states. */
export interface TaskResult {
  lines: TaskLine[];
  /** Test features of the reservoir (first device), for output. */
  testStates: Features;
  status: 'ok' | 'failed';
  message: string;
  deviceEvals: number;
}

/**
 * Train and test the readout on the reservoir of each device in `devices` (the first is the
 * reservoir, the others are controls) and on the raw pixels. Same readout options for all.
 */
export function imageTask(train: ImageSet, test: ImageSet, enc: ImageEncoding, devices: Array<{ name: string; dev: ReservoirDevice }>, o: FeatureOptions & { readout: ReadoutOptions }): TaskResult {
  if (!devices.length) throw new SpecError('devices', '[]', 'at least the reservoir device');
  if (train.size !== enc.rows * enc.cols || test.size !== train.size) throw new SpecError('encoding', `${enc.rows} x ${enc.cols}`, `the image size (${train.size} pixels)`);
  const lines: TaskLine[] = [];
  const fit = (name: string, tr: FeatureSet, te: FeatureSet, device?: string) => {
    const ro = trainReadout(tr, o.readout);
    const a = evaluateReadout(ro, tr), b = evaluateReadout(ro, te);
    lines.push({ name, device, features: tr.d, trainAccuracy: a.accuracy, testAccuracy: b.accuracy, confusion: b.confusion });
  };
  let status: 'ok' | 'failed' = 'ok', message = 'ok', evals = 0;
  let testStates: Features | undefined;
  for (const { name, dev } of devices) {
    const ftr = reservoirFeatures(dev, train, enc, { ...o, noiseTag: `${name}:train` }), fte = reservoirFeatures(dev, test, enc, { ...o, noiseTag: `${name}:test` });
    evals += ftr.stats.deviceEvals + fte.stats.deviceEvals;
    testStates ??= fte;
    if (ftr.status !== 'ok' || fte.status !== 'ok') { status = 'failed'; message = `${name}: ${ftr.status !== 'ok' ? ftr.message : fte.message}`; break; }
    fit(name, { x: ftr.x, y: train.y, n: train.n, d: ftr.d, classes: train.classes }, { x: fte.x, y: test.y, n: test.n, d: fte.d, classes: test.classes }, dev.label);
  }
  fit('raw pixels', pixelFeatures(train, enc.threshold), pixelFeatures(test, enc.threshold));
  return { lines, testStates: testStates!, status, message, deviceEvals: evals };
}

/** Crop images of side `side` to `rows` x `cols` starting at (r0, c0). */
export function cropWindow(set: ImageSet, side: number, r0: number, c0: number, rows: number, cols: number): ImageSet {
  if (side * side !== set.size) throw new SpecError('crop', side, `the image side (images have ${set.size} pixels)`);
  if (!(r0 >= 0 && c0 >= 0 && r0 + rows <= side && c0 + cols <= side)) throw new SpecError('crop', `${rows} x ${cols} at (${r0}, ${c0})`, `a window inside ${side} x ${side}`);
  const size = rows * cols, x = new Float64Array(set.n * size);
  for (let k = 0; k < set.n; k++) for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) x[k * size + r * cols + c] = set.x[k * set.size + (r + r0) * side + c + c0];
  return { x, y: set.y, n: set.n, size, classes: set.classes };
}
