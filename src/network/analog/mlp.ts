/**
 * A two-layer perceptron (inputs -> hidden -> outputs) in float: the ideal reference of the
 * analog training and the arithmetic the analog trainer reuses with device-derived weights.
 *
 *   z1_j = sum_i x_i W1[i, j] + W1[nIn, j]          (row nIn: the bias, a constant-1 input row)
 *   h_j  = sigmoid(z1_j) or max(0, z1_j)
 *   z2_k = sum_j r_j W2[j, k] + W2[nHidden, k]
 *          r_j = h_j (analog read) or [h_j >= 0.5] (binaryHidden: NeuroSim's forward pass, which
 *          sends the hidden outputs as 1-bit spikes, threshold Hthreshold = 0.5; back-propagation
 *          and the layer-2 update still use the analog h_j, as NeuroSim's Train.cpp does)
 *   loss 'mse'     (NeuroSim's MLP):  o_k = sigmoid(z2_k),  L = 1/2 sum_k (o_k - t_k)^2
 *        'softmax':                   o_k = exp(z2_k) / sum exp,  L = -ln o_label
 *   t = one-hot label. Back-propagation (delta = dL/dz):
 *   d2_k = (o_k - t_k) o_k (1 - o_k)   (mse)   or   o_k - t_k   (softmax)
 *   d1_j = (sum_k W2[j, k] d2_k) h'(z1_j),   dL/dW1[i, j] = x_i d1_j,   dL/dW2[j, k] = h_j d2_k
 * Weights are row-major: W1 is (nIn + 1) x nHidden, W2 is (nHidden + 1) x nOut, so one input
 * row is one crossbar word line. Plain SGD with one image per step; weights clipped to
 * [-wMax, wMax] (the range the devices can represent).
 * @module network/analog/mlp
 */
import type { Rng } from '../../rng/rng.js';

export type Activation = 'sigmoid' | 'relu';
export type LossKind = 'mse' | 'softmax';

/** Shape and nonlinearities of the network. */
export interface MlpShape {
  nIn: number;
  nHidden: number;
  nOut: number;
  hidden: Activation;
  loss: LossKind;
  /** Forward the hidden outputs to layer 2 as 1 bit, [h >= 0.5] (NeuroSim); default false (analog). */
  binaryHidden?: boolean;
}

/** Two-layer perceptron with preallocated work buffers (no allocation per image). */
export class Mlp {
  readonly w1: Float64Array;
  readonly w2: Float64Array;
  /** Hidden pre-activations and activations, outputs and the deltas of the last image. */
  readonly z1: Float64Array;
  readonly h: Float64Array;
  readonly z2: Float64Array;
  readonly out: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;

  constructor(readonly shape: MlpShape) {
    const { nIn, nHidden, nOut } = shape;
    this.w1 = new Float64Array((nIn + 1) * nHidden);
    this.w2 = new Float64Array((nHidden + 1) * nOut);
    this.z1 = new Float64Array(nHidden);
    this.h = new Float64Array(nHidden);
    this.z2 = new Float64Array(nOut);
    this.out = new Float64Array(nOut);
    this.d1 = new Float64Array(nHidden);
    this.d2 = new Float64Array(nOut);
  }

  /** Glorot-uniform initial weights, U(-a, a) with a = sqrt(6 / (fan_in + fan_out)), clipped to wMax. */
  init(rng: Rng, wMax: number): void {
    const { nIn, nHidden, nOut } = this.shape;
    const a1 = Math.min(wMax, Math.sqrt(6 / (nIn + nHidden))), a2 = Math.min(wMax, Math.sqrt(6 / (nHidden + nOut)));
    for (let k = 0; k < this.w1.length; k++) this.w1[k] = rng.uniform(-a1, a1);
    for (let k = 0; k < this.w2.length; k++) this.w2[k] = rng.uniform(-a2, a2);
  }

  /** Forward pass of the image at x[off .. off + nIn): fills z1, h, z2, out. */
  forward(x: Float64Array, off: number): void {
    const { nIn, nHidden, nOut, hidden, loss } = this.shape;
    const w1 = this.w1, w2 = this.w2, z1 = this.z1, h = this.h, z2 = this.z2, o = this.out;
    for (let j = 0; j < nHidden; j++) z1[j] = w1[nIn * nHidden + j];
    for (let i = 0; i < nIn; i++) {
      const xi = x[off + i];
      if (xi === 0) continue;
      const r = i * nHidden;
      for (let j = 0; j < nHidden; j++) z1[j] += xi * w1[r + j];
    }
    if (hidden === 'sigmoid') for (let j = 0; j < nHidden; j++) h[j] = 1 / (1 + Math.exp(-z1[j]));
    else for (let j = 0; j < nHidden; j++) h[j] = z1[j] > 0 ? z1[j] : 0;
    for (let k = 0; k < nOut; k++) z2[k] = w2[nHidden * nOut + k];
    const bin = this.shape.binaryHidden === true;
    for (let j = 0; j < nHidden; j++) {
      const hj = bin ? (h[j] >= 0.5 ? 1 : 0) : h[j], r = j * nOut;
      if (hj === 0) continue;
      for (let k = 0; k < nOut; k++) z2[k] += hj * w2[r + k];
    }
    if (loss === 'mse') for (let k = 0; k < nOut; k++) o[k] = 1 / (1 + Math.exp(-z2[k]));
    else {
      let m = -Infinity, s = 0;
      for (let k = 0; k < nOut; k++) m = Math.max(m, z2[k]);
      for (let k = 0; k < nOut; k++) { o[k] = Math.exp(z2[k] - m); s += o[k]; }
      for (let k = 0; k < nOut; k++) o[k] /= s;
    }
  }

  /** Class with the largest output after forward(). */
  argmax(): number {
    const o = this.out;
    let b = 0;
    for (let k = 1; k < o.length; k++) if (o[k] > o[b]) b = k;
    return b;
  }

  /** Backward pass after forward(): fills d2, d1 for `label`; returns the loss. */
  backward(label: number): number {
    const { nHidden, nOut, hidden, loss } = this.shape;
    const o = this.out, d2 = this.d2, d1 = this.d1, h = this.h, z1 = this.z1, w2 = this.w2;
    let L = 0;
    for (let k = 0; k < nOut; k++) {
      const t = k === label ? 1 : 0;
      if (loss === 'mse') { const e = o[k] - t; L += 0.5 * e * e; d2[k] = e * o[k] * (1 - o[k]); }
      else d2[k] = o[k] - t;
    }
    if (loss === 'softmax') L = -Math.log(Math.max(o[label], 1e-300));
    for (let j = 0; j < nHidden; j++) {
      let s = 0;
      const r = j * nOut;
      for (let k = 0; k < nOut; k++) s += w2[r + k] * d2[k];
      d1[j] = hidden === 'sigmoid' ? s * h[j] * (1 - h[j]) : (z1[j] > 0 ? s : 0);
    }
    return L;
  }

  /** Full gradients dL/dW1, dL/dW2 of one image (for checks; the trainers use the deltas directly). */
  gradients(x: Float64Array, off: number, label: number, g1: Float64Array, g2: Float64Array): number {
    const { nIn, nHidden, nOut } = this.shape;
    this.forward(x, off);
    const L = this.backward(label);
    for (let i = 0; i <= nIn; i++) {
      const xi = i === nIn ? 1 : x[off + i];
      for (let j = 0; j < nHidden; j++) g1[i * nHidden + j] = xi * this.d1[j];
    }
    for (let j = 0; j <= nHidden; j++) {
      const hj = j === nHidden ? 1 : this.h[j];
      for (let k = 0; k < nOut; k++) g2[j * nOut + k] = hj * this.d2[k];
    }
    return L;
  }

  /** One SGD step on one image (learning rates lr1, lr2 of the two layers), weights clipped to +-wMax. */
  sgdStep(x: Float64Array, off: number, label: number, lr1: number, lr2: number, wMax: number): number {
    const { nIn, nHidden, nOut } = this.shape;
    this.forward(x, off);
    const L = this.backward(label);
    const w1 = this.w1, w2 = this.w2, d1 = this.d1, d2 = this.d2, h = this.h;
    for (let i = 0; i <= nIn; i++) {
      const xi = i === nIn ? 1 : x[off + i];
      if (xi === 0) continue;
      const r = i * nHidden, a = lr1 * xi;
      for (let j = 0; j < nHidden; j++) {
        const v = w1[r + j] - a * d1[j];
        w1[r + j] = v > wMax ? wMax : v < -wMax ? -wMax : v;
      }
    }
    for (let j = 0; j <= nHidden; j++) {
      const a = lr2 * (j === nHidden ? 1 : h[j]), r = j * nOut;
      for (let k = 0; k < nOut; k++) {
        const v = w2[r + k] - a * d2[k];
        w2[r + k] = v > wMax ? wMax : v < -wMax ? -wMax : v;
      }
    }
    return L;
  }
}
