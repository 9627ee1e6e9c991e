/**
 * Training of the two-layer perceptron by back-propagation, one image per step (SGD), in
 * float (the ideal reference) or on devices (analog: each weight matrix a DeviceLayer; the
 * forward and backward passes read the weights the devices hold, as an ideal VMM, and every
 * update is turned into programming pulses; NeuroSim V3's online-learning loop with ideal
 * read-out). Order of work per image: forward, backward (deltas from the current weights),
 * then the layer-1 updates row by row (input rows with x_i = 0 get no pulses), then layer 2.
 * Per epoch the training images are visited in a fresh seeded order (stream "order"); the test
 * accuracy is measured after every epoch. Deterministic for a given seed.
 * @module network/analog/train
 */
import { Rng } from '../../rng/rng.js';
import { SpecError } from '../../units/parse.js';
import type { ImageSet } from './dataset.js';
import { permutation } from './dataset.js';
import { Mlp, type MlpShape } from './mlp.js';
import { DeviceLayer, type DeviceLayerOptions } from './device-layer.js';
import type { PulseTables } from './pulse-table.js';

/** Training options (SI-free: learning rates and weights are dimensionless). */
export interface TrainOptions {
  shape: MlpShape;
  epochs: number;
  /** Learning rates of layer 1 (input -> hidden) and layer 2 (hidden -> output). */
  lr1: number;
  lr2: number;
  wMax: number;
  seed: number;
  /** Devices: absent = float training. */
  device?: { tables: PulseTables; layer: Omit<DeviceLayerOptions, 'wMax'> };
}

/** One epoch's record. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  /** Accuracy on the training images while they were being trained on (running). */
  trainAccuracy: number;
  testAccuracy: number;
  /** Programming pulses applied in this epoch (0 for float). */
  pulses: number;
}

/** Training outcome. */
export interface TrainResult {
  epochs: EpochRecord[];
  /** The network with the final weights (device-derived for analog training). */
  mlp: Mlp;
  /** The device layers (analog training only). */
  layers?: [DeviceLayer, DeviceLayer];
  /** Confusion matrix of the final test pass: counts[label * classes + predicted]. */
  confusion: Int32Array;
  testAccuracy: number;
  /** Images trained on, weight writes (updates with >= 1 pulse) and pulses over the run. */
  images: number;
  writes: number;
  pulses: number;
}

/** Accuracy of the network on a set; fills `confusion` (label-major) when given. */
export function evaluate(mlp: Mlp, set: ImageSet, confusion?: Int32Array): number {
  let ok = 0;
  const C = mlp.shape.nOut;
  confusion?.fill(0);
  for (let k = 0; k < set.n; k++) {
    mlp.forward(set.x, k * set.size);
    const p = mlp.argmax();
    if (p === set.y[k]) ok++;
    if (confusion) confusion[set.y[k] * C + p]++;
  }
  return ok / set.n;
}

function checkOptions(o: TrainOptions, train: ImageSet, test: ImageSet): void {
  const s = o.shape;
  if (train.size !== s.nIn || test.size !== s.nIn) throw new SpecError('shape.nIn', s.nIn, `the image size (${train.size} pixels)`);
  if (train.classes > s.nOut) throw new SpecError('shape.nOut', s.nOut, `at least the ${train.classes} classes`);
  if (!(Number.isInteger(s.nHidden) && s.nHidden >= 1)) throw new SpecError('hidden', s.nHidden, 'a positive integer number of hidden neurons');
  if (!(Number.isInteger(o.epochs) && o.epochs >= 1)) throw new SpecError('epochs', o.epochs, 'a positive integer');
  for (const k of ['lr1', 'lr2', 'wMax'] as const) if (!(o[k] > 0 && Number.isFinite(o[k]))) throw new SpecError(k, o[k], 'a positive number');
  if (o.device) {
    const l = o.device.layer;
    if (!(l.c2c >= 0 && l.c2c < 1)) throw new SpecError('c2c', l.c2c, 'a cycle-to-cycle sigma in [0, 1) of the conductance range');
    if (!(Number.isInteger(l.maxPulses) && l.maxPulses >= 1)) throw new SpecError('maxPulses', l.maxPulses, 'a positive integer');
    if (o.device.tables.status !== 'ok') throw new SpecError('device', o.device.tables.message, 'a device whose pulse table could be built');
  }
}

/**
 * Train on `train`, test on `test` after every epoch (see module doc). `onEpoch` is called
 * after each epoch (progress, timing in the CLI).
 */
export function trainMlp(train: ImageSet, test: ImageSet, o: TrainOptions, onEpoch?: (r: EpochRecord) => void): TrainResult {
  checkOptions(o, train, test);
  const root = new Rng(o.seed);
  const mlp = new Mlp(o.shape);
  mlp.init(root.stream('init'), o.wMax);
  const { nIn, nHidden, nOut } = o.shape;
  let layers: [DeviceLayer, DeviceLayer] | undefined;
  if (o.device) {
    const lo = { ...o.device.layer, wMax: o.wMax };
    const vr = root.stream('variants');
    layers = [new DeviceLayer(nIn + 1, nHidden, o.device.tables, lo, vr), new DeviceLayer(nHidden + 1, nOut, o.device.tables, lo, vr)];
    layers[0].program(mlp.w1); layers[0].weights(mlp.w1);
    layers[1].program(mlp.w2); layers[1].weights(mlp.w2);
  }
  const order = root.stream('order'), upd = root.stream('update');
  const epochs: EpochRecord[] = [];
  const x = train.x, size = train.size;
  let pulsesBefore = 0;
  for (let e = 1; e <= o.epochs; e++) {
    const perm = permutation(train.n, order);
    let loss = 0, ok = 0;
    for (let q = 0; q < train.n; q++) {
      const k = perm[q], off = k * size, label = train.y[k];
      if (!layers) {
        loss += mlp.sgdStep(x, off, label, o.lr1, o.lr2, o.wMax);
        if (mlp.argmax() === label) ok++;
        continue;
      }
      mlp.forward(x, off);
      if (mlp.argmax() === label) ok++;
      loss += mlp.backward(label);
      const [l1, l2] = layers, w1 = mlp.w1, w2 = mlp.w2, d1 = mlp.d1, d2 = mlp.d2, h = mlp.h;
      for (let i = 0; i <= nIn; i++) {
        const xi = i === nIn ? 1 : x[off + i];
        if (xi === 0) continue;
        const a = -o.lr1 * xi, r = i * nHidden;
        for (let j = 0; j < nHidden; j++) w1[r + j] = l1.update(r + j, a * d1[j], upd);
      }
      for (let j = 0; j <= nHidden; j++) {
        const a = -o.lr2 * (j === nHidden ? 1 : h[j]), r = j * nOut;
        for (let c = 0; c < nOut; c++) w2[r + c] = l2.update(r + c, a * d2[c], upd);
      }
    }
    const pulsesNow = layers ? layers[0].stats.pulses + layers[1].stats.pulses : 0;
    const rec: EpochRecord = { epoch: e, trainLoss: loss / train.n, trainAccuracy: ok / train.n, testAccuracy: evaluate(mlp, test), pulses: pulsesNow - pulsesBefore };
    pulsesBefore = pulsesNow;
    epochs.push(rec);
    onEpoch?.(rec);
  }
  const confusion = new Int32Array(nOut * nOut);
  const acc = evaluate(mlp, test, confusion);
  return {
    epochs, mlp, layers, confusion, testAccuracy: acc, images: train.n * o.epochs,
    writes: layers ? layers[0].stats.writes + layers[1].stats.writes : 0,
    pulses: layers ? layers[0].stats.pulses + layers[1].stats.pulses : 0,
  };
}
