/**
 * Inference of a trained two-layer perceptron through crossbars: each weight matrix is an
 * array of the trained conductances (single devices plus a reference column at G_ref, or
 * differential pairs in adjacent columns; the bias is a word line held at V_read), inputs are
 * word-line voltages V_i = V_read q_DAC(x_i) driven at the near end, bit lines are held at
 * 0 V at the far end by transimpedance amplifiers (circuit/crossbar-vmm's arrangement), and
 * the column currents become weighted sums
 *
 *   single:        y_j = 2 w_max (I_j - I_ref) / (R V_read)
 *   differential:  y_j = w_max (I+_j - I-_j) / (R V_read)            (R: nominal G range)
 *
 * quantised by an ADC of `adcBits` over +-FS, FS the largest |ideal y| of the layer over
 * `calibration` training images (a fixed, data-independent range after calibration). The
 * hidden activation is applied digitally, and its DAC maps [0, h_max] (h_max = 1 for the
 * sigmoid, the calibrated largest activation for ReLU) onto 2^bits levels.
 *
 * Wire resistance: the array is linear at read (cells are the conductances they were trained
 * to, circuit/crossbar-cells ConductanceElement), so the bit-line currents are a linear map of
 * the word-line voltages, I = T V. T is built by superposition from one nodal solve per word
 * line (circuit/crossbar-system: wire resistance rWire on every segment of both line kinds,
 * ideal drivers), which is exact for linear cells and costs `rows` solves instead of one per
 * image. rWire = 0 gives T = G^T (ideal VMM). Not modelled: nonlinear device I-V at read,
 * read disturb, driver and TIA resistance, sneak paths beyond the nodal network (there are
 * none in a fully driven VMM: every cell is read).
 * @module network/analog/crossbar-inference
 */
import { CrossbarSystem } from '../../circuit/crossbar-system.js';
import { ConductanceElement } from '../../circuit/crossbar-cells.js';
import { CrossbarDrive } from '../../circuit/crossbar-geometry.js';
import { quantize } from '../../circuit/crossbar-vmm.js';
import { SpecError } from '../../units/parse.js';
import type { ImageSet } from './dataset.js';
import type { Mlp } from './mlp.js';
import type { DeviceLayer } from './device-layer.js';

/** Read-out settings. */
export interface CrossbarReadOptions {
  /** Wire segment resistance (Ohm), word and bit lines. */
  rWire: number;
  /** Read voltage of a full-scale input (V). */
  vRead: number;
  /** DAC and ADC bits (0 = ideal). */
  dacBits: number;
  adcBits: number;
}

/** One layer as a crossbar: T (physical columns x rows, A/V) and the output map. */
export interface CrossbarLayer {
  rows: number;
  cols: number;
  /** Physical columns (cols + 1 reference, or 2 cols). */
  pc: number;
  /** Bit-line current of column c per volt on word line i: T[c * rows + i]. */
  T: Float64Array;
  scheme: 'single' | 'differential';
  /** Weight units per ampere per volt of V_read: y = gain * (current difference) / V_read. */
  gain: number;
  /** Nodal solves and CG iterations spent, worst status. */
  solves: number;
  cgIterations: number;
  status: string;
}

/** Physical conductances of a device layer, rows x pc row-major (reference column last for 'single'). */
export function layerConductances(l: DeviceLayer): { g: Float64Array; pc: number } {
  const single = l.opt.scheme === 'single', pc = single ? l.cols + 1 : 2 * l.cols;
  const g = new Float64Array(l.rows * pc);
  for (let i = 0; i < l.rows; i++) {
    for (let j = 0; j < l.cols; j++) {
      const k = i * l.cols + j;
      if (single) g[i * pc + j] = l.g[k];
      else { g[i * pc + 2 * j] = l.g[2 * k]; g[i * pc + 2 * j + 1] = l.g[2 * k + 1]; }
    }
    if (single) g[i * pc + l.cols] = l.gRef;
  }
  return { g, pc };
}

/** Build the crossbar transfer matrix of a device layer for wire resistance rWire (see module doc). */
export function crossbarLayer(l: DeviceLayer, rWire: number): CrossbarLayer {
  if (!(rWire >= 0 && Number.isFinite(rWire))) throw new SpecError('wire', rWire, 'a non-negative wire resistance per segment (Ohm)');
  const { g, pc } = layerConductances(l), rows = l.rows;
  const T = new Float64Array(pc * rows);
  const single = l.opt.scheme === 'single';
  const gain = (single ? 2 : 1) * l.opt.wMax / l.range;
  let solves = 0, cg = 0, status = 'ok';
  if (rWire === 0) {
    for (let i = 0; i < rows; i++) for (let c = 0; c < pc; c++) T[c * rows + i] = g[i * pc + c];
  } else {
    const sys = new CrossbarSystem({ rows, cols: pc, rWord: rWire, rBit: rWire }, new ConductanceElement(g), { rtol: 1e-10 });
    const d = new CrossbarDrive(rows, pc);
    for (let c = 0; c < pc; c++) d.bit(c, 1, 0);
    for (let i = 0; i < rows; i++) {
      for (let q = 0; q < rows; q++) d.word(q, 0, q === i ? 1 : 0);
      sys.setDrive(d);
      const r = sys.solve();
      solves++; cg += r.cgIterations;
      if (r.status !== 'ok') status = `${r.status}: ${r.message}`;
      const s = sys.sourceCurrents();
      // current into the virtual ground = minus what its source delivers
      for (let c = 0; c < pc; c++) T[c * rows + i] = -s.bl[2 * c + 1];
    }
  }
  return { rows, cols: l.cols, pc, T, scheme: single ? 'single' : 'differential', gain, solves, cgIterations: cg, status };
}

/** Unsigned DAC: x in [0, 1] to 2^bits levels (0 bits: identity). */
export function dac(x: number, bits: number): number {
  const c = x < 0 ? 0 : x > 1 ? 1 : x;
  if (!(bits > 0)) return c;
  const L = 2 ** bits - 1;
  return Math.round(c * L) / L;
}

/** Weighted sums y (cols) of input vector u (rows, in [0, 1], last = bias 1) through the layer, before the ADC. */
export function layerOutputs(cl: CrossbarLayer, u: Float64Array, vRead: number, dacBits: number, cur: Float64Array, y: Float64Array): void {
  const R = cl.rows, T = cl.T;
  for (let c = 0; c < cl.pc; c++) {
    let s = 0;
    const o = c * R;
    for (let i = 0; i < R; i++) { const v = u[i]; if (v !== 0) s += T[o + i] * vRead * dac(v, dacBits); }
    cur[c] = s;
  }
  const k = cl.gain / vRead;
  if (cl.scheme === 'single') for (let j = 0; j < cl.cols; j++) y[j] = k * (cur[j] - cur[cl.cols]);
  else for (let j = 0; j < cl.cols; j++) y[j] = k * (cur[2 * j] - cur[2 * j + 1]);
}

/** A trained network read through two crossbar layers. */
export class CrossbarMlp {
  private readonly u1: Float64Array;
  private readonly u2: Float64Array;
  private readonly cur: Float64Array;
  private readonly y1: Float64Array;
  private readonly y2: Float64Array;
  /** ADC full scales of the two layers and the hidden DAC range. */
  fs1 = 0;
  fs2 = 0;
  hMax = 1;

  constructor(readonly mlp: Mlp, readonly l1: CrossbarLayer, readonly l2: CrossbarLayer, readonly o: CrossbarReadOptions) {
    this.u1 = new Float64Array(l1.rows);
    this.u2 = new Float64Array(l2.rows);
    this.cur = new Float64Array(Math.max(l1.pc, l2.pc));
    this.y1 = new Float64Array(l1.cols);
    this.y2 = new Float64Array(l2.cols);
  }

  /** Calibrate the ADC ranges (and the ReLU DAC range) on the first n images of a set, ideal arithmetic. */
  calibrate(set: ImageSet, n: number): void {
    const m = this.mlp;
    let f1 = 0, f2 = 0, hm = 0;
    for (let k = 0; k < Math.min(n, set.n); k++) {
      m.forward(set.x, k * set.size);
      for (const z of m.z1) f1 = Math.max(f1, Math.abs(z));
      for (const z of m.z2) f2 = Math.max(f2, Math.abs(z));
      for (const h of m.h) hm = Math.max(hm, h);
    }
    this.fs1 = f1 || 1; this.fs2 = f2 || 1;
    this.hMax = m.shape.hidden === 'sigmoid' || m.shape.binaryHidden ? 1 : (hm || 1);
  }

  /** Predicted class of image k of a set. */
  predict(set: ImageSet, k: number): number {
    const { nIn, nHidden, hidden, binaryHidden } = this.mlp.shape, o = this.o;
    const u1 = this.u1, u2 = this.u2, y1 = this.y1, y2 = this.y2;
    for (let i = 0; i < nIn; i++) u1[i] = set.x[k * set.size + i];
    u1[nIn] = 1;
    layerOutputs(this.l1, u1, o.vRead, o.dacBits, this.cur, y1);
    for (let j = 0; j < nHidden; j++) {
      const z = o.adcBits > 0 ? this.fs1 * quantize(y1[j] / this.fs1, o.adcBits) : y1[j];
      const h = hidden === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : z > 0 ? z : 0;
      u2[j] = binaryHidden ? (h >= 0.5 ? 1 : 0) / this.hMax : h / this.hMax;
    }
    u2[nHidden] = 1 / this.hMax;
    layerOutputs(this.l2, u2, o.vRead, o.dacBits, this.cur, y2);
    let best = 0, bv = -Infinity;
    for (let c = 0; c < y2.length; c++) {
      const y = y2[c] * this.hMax; // the hidden inputs were scaled by 1 / h_max onto the DAC range
      const z = o.adcBits > 0 ? this.fs2 * quantize(y / this.fs2, o.adcBits) : y;
      if (z > bv) { bv = z; best = c; }
    }
    return best;
  }

  /** Accuracy on a set. */
  accuracy(set: ImageSet): number {
    let ok = 0;
    for (let k = 0; k < set.n; k++) if (this.predict(set, k) === set.y[k]) ok++;
    return ok / set.n;
  }
}
