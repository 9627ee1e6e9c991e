/**
 * The trained part of a reservoir computer: a linear readout y = W x + b of the (standardised)
 * reservoir state x, trained in float on the training states, class = argmax_c y_c.
 *
 *  - ridge:    W = argmin |X W - Y|^2 + lambda |W|^2 (bias not penalised), Y one-hot; closed
 *              form (X^T X + lambda I) W = X^T Y by Cholesky;
 *  - logistic: softmax regression, p = softmax(W x + b), cross-entropy + (lambda / 2) |W|^2,
 *              mini-batch gradient descent with momentum; the batch order comes from the seed.
 *
 * Features are standardised with the training mean and standard deviation (constant features
 * get sd 1), so conductances of 1e-7 S and pixel values of 1 train alike.
 * @module network/reservoir/readout
 */
import { Rng } from '../../rng/rng.js';
import { SpecError } from '../../units/parse.js';
import { permutation } from '../analog/dataset.js';

/** A labelled feature set: n samples of d features, row-major. */
export interface FeatureSet { x: Float64Array; y: Int32Array; n: number; d: number; classes: number; }

/** Readout options. */
export interface ReadoutOptions {
  kind: 'ridge' | 'logistic';
  /** Regularisation lambda (ridge: absolute on standardised features; logistic: L2 weight). */
  lambda: number;
  /** Logistic only: epochs, learning rate, batch size. */
  epochs: number;
  lr: number;
  batchSize: number;
  seed: number;
}

export const READOUT_DEFAULTS: Readonly<Omit<ReadoutOptions, 'seed'>> = Object.freeze({ kind: 'logistic', lambda: 1e-4, epochs: 60, lr: 0.1, batchSize: 32 });

/** A trained readout. */
export interface Readout {
  d: number;
  classes: number;
  mean: Float64Array;
  sd: Float64Array;
  /** Weights, class c feature k at c * (d + 1) + k; the bias at c * (d + 1) + d. */
  w: Float64Array;
}

function check(s: FeatureSet, path: string): void {
  if (!(Number.isInteger(s.n) && s.n >= 1 && Number.isInteger(s.d) && s.d >= 1)) throw new SpecError(`${path}.n`, s.n, 'at least one sample of at least one feature');
  if (s.x.length !== s.n * s.d) throw new SpecError(`${path}.x`, `${s.x.length} values`, `${s.n} x ${s.d}`);
  if (s.y.length !== s.n) throw new SpecError(`${path}.y`, `${s.y.length} labels`, `${s.n}`);
  for (let i = 0; i < s.x.length; i++) if (!Number.isFinite(s.x[i])) throw new SpecError(`${path}.x[${i}]`, s.x[i], 'a finite feature value');
  for (let i = 0; i < s.n; i++) if (!(s.y[i] >= 0 && s.y[i] < s.classes)) throw new SpecError(`${path}.y[${i}]`, s.y[i], `a class in [0, ${s.classes})`);
}

/** Standardised copy of the features with an appended 1 (bias): n x (d + 1). */
function design(s: FeatureSet, mean: Float64Array, sd: Float64Array): Float64Array {
  const d = s.d, D = d + 1, z = new Float64Array(s.n * D);
  for (let i = 0; i < s.n; i++) {
    for (let k = 0; k < d; k++) z[i * D + k] = (s.x[i * d + k] - mean[k]) / sd[k];
    z[i * D + d] = 1;
  }
  return z;
}

/** In-place Cholesky solve of the SPD system A X = B (A m x m, B m x r); false when not SPD. */
function cholSolve(m: number, A: Float64Array, B: Float64Array, r: number): boolean {
  for (let j = 0; j < m; j++) {
    let s = A[j * m + j];
    for (let k = 0; k < j; k++) s -= A[j * m + k] * A[j * m + k];
    if (!(s > 0)) return false;
    const L = Math.sqrt(s);
    A[j * m + j] = L;
    for (let i = j + 1; i < m; i++) {
      let t = A[i * m + j];
      for (let k = 0; k < j; k++) t -= A[i * m + k] * A[j * m + k];
      A[i * m + j] = t / L;
    }
  }
  for (let c = 0; c < r; c++) {
    for (let i = 0; i < m; i++) {
      let t = B[i * r + c];
      for (let k = 0; k < i; k++) t -= A[i * m + k] * B[k * r + c];
      B[i * r + c] = t / A[i * m + i];
    }
    for (let i = m - 1; i >= 0; i--) {
      let t = B[i * r + c];
      for (let k = i + 1; k < m; k++) t -= A[k * m + i] * B[k * r + c];
      B[i * r + c] = t / A[i * m + i];
    }
  }
  return true;
}

/** Train a readout on `train` (see module doc). */
export function trainReadout(train: FeatureSet, o: ReadoutOptions): Readout {
  check(train, 'train');
  if (o.kind !== 'ridge' && o.kind !== 'logistic') throw new SpecError('readout.kind', o.kind, 'ridge or logistic');
  if (!(o.lambda >= 0 && Number.isFinite(o.lambda))) throw new SpecError('readout.lambda', o.lambda, 'a non-negative number');
  const { n, d, classes: K } = train, D = d + 1;
  const mean = new Float64Array(d), sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += train.x[i * d + k] / n;
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) sd[k] += (train.x[i * d + k] - mean[k]) ** 2 / n;
  // a feature whose spread is at round-off level of its mean is constant: sd 1 (it only shifts the bias)
  for (let k = 0; k < d; k++) { const s = Math.sqrt(sd[k]); sd[k] = s > 1e-9 * Math.abs(mean[k]) && s > 0 ? s : 1; }
  const z = design(train, mean, sd), w = new Float64Array(K * D);
  if (o.kind === 'ridge') {
    const A = new Float64Array(D * D), B = new Float64Array(D * K);
    for (let i = 0; i < n; i++) {
      const zi = i * D;
      for (let a = 0; a < D; a++) {
        const za = z[zi + a];
        if (za === 0) continue;
        for (let b = 0; b <= a; b++) A[a * D + b] += za * z[zi + b];
        B[a * K + train.y[i]] += za;
      }
    }
    for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) A[b * D + a] = A[a * D + b];
    // lambda on the weights, a tiny jitter on the bias keeps rank-deficient problems solvable
    for (let a = 0; a < d; a++) A[a * D + a] += o.lambda + 1e-10 * n;
    A[d * D + d] += 1e-10 * n;
    if (!cholSolve(D, A, B, K)) throw new SpecError('readout.lambda', o.lambda, 'a positive value (the ridge system is singular)');
    for (let c = 0; c < K; c++) for (let a = 0; a < D; a++) w[c * D + a] = B[a * K + c];
  } else {
    for (const k of ['epochs', 'batchSize'] as const) if (!(Number.isInteger(o[k]) && o[k] >= 1)) throw new SpecError(`readout.${k}`, o[k], 'a positive integer');
    if (!(o.lr > 0 && Number.isFinite(o.lr))) throw new SpecError('readout.lr', o.lr, 'a positive number');
    const rng = new Rng(o.seed).stream('readout:order');
    const vel = new Float64Array(K * D), grad = new Float64Array(K * D), p = new Float64Array(K);
    const mu = 0.9;
    for (let ep = 0; ep < o.epochs; ep++) {
      const order = permutation(n, rng);
      for (let b0 = 0; b0 < n; b0 += o.batchSize) {
        const b1 = Math.min(n, b0 + o.batchSize), m = b1 - b0;
        grad.fill(0);
        for (let q = b0; q < b1; q++) {
          const i = order[q], zi = i * D;
          let mx = -Infinity;
          for (let c = 0; c < K; c++) {
            let s = 0;
            for (let a = 0; a < D; a++) s += w[c * D + a] * z[zi + a];
            p[c] = s; if (s > mx) mx = s;
          }
          let sum = 0;
          for (let c = 0; c < K; c++) { p[c] = Math.exp(p[c] - mx); sum += p[c]; }
          for (let c = 0; c < K; c++) {
            const e = p[c] / sum - (c === train.y[i] ? 1 : 0);
            if (e === 0) continue;
            for (let a = 0; a < D; a++) grad[c * D + a] += e * z[zi + a];
          }
        }
        for (let c = 0; c < K; c++) {
          for (let a = 0; a < D; a++) {
            const q = c * D + a, g = grad[q] / m + (a < d ? o.lambda * w[q] : 0);
            vel[q] = mu * vel[q] - o.lr * g;
            w[q] += vel[q];
          }
        }
      }
    }
  }
  return { d, classes: K, mean, sd, w };
}

/** Class scores of sample i of `x` (d features) into out (length classes). */
export function scores(r: Readout, x: Float64Array, i: number, out: Float64Array): void {
  const d = r.d, D = d + 1;
  for (let c = 0; c < r.classes; c++) {
    let s = r.w[c * D + d];
    for (let k = 0; k < d; k++) s += r.w[c * D + k] * ((x[i * d + k] - r.mean[k]) / r.sd[k]);
    out[c] = s;
  }
}

/** Accuracy and confusion (true class t, predicted p at t * classes + p) on a set. */
export function evaluateReadout(r: Readout, s: FeatureSet): { accuracy: number; confusion: Int32Array; predicted: Int32Array } {
  check(s, 'test');
  if (s.d !== r.d) throw new SpecError('test.d', s.d, `${r.d} features (as trained)`);
  const K = r.classes, out = new Float64Array(K), confusion = new Int32Array(K * K), predicted = new Int32Array(s.n);
  let ok = 0;
  for (let i = 0; i < s.n; i++) {
    scores(r, s.x, i, out);
    let best = 0;
    for (let c = 1; c < K; c++) if (out[c] > out[best]) best = c;
    predicted[i] = best;
    confusion[s.y[i] * K + best]++;
    if (best === s.y[i]) ok++;
  }
  return { accuracy: ok / s.n, confusion, predicted };
}
