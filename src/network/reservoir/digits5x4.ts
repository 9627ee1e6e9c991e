/**
 * The small digit task of Du et al. 2017 (Nat. Commun. 8, 2204; Fig. 1c,d: "for the simple
 * digit recognition task of 5 x 4 images, the reservoir consists of 5 memristors", S): digits
 * 0-9 drawn as 5 x 4 binary images, each row a 4-frame pulse stream into its own device, the 5
 * final states classified by a trained readout; the test images are noisy versions of the
 * digits.
 *
 * Reconstructed here (the paper's bitmaps and noise were not readable, code R): the glyphs
 * below are seven-segment-like 5 x 4 digits; "2" and "5" have the same number of lit pixels in
 * every row (rows 2 and 4 are mirror images, "0001" vs "1000"), so a device that only counts
 * pulses cannot tell them apart while one with recency can. Noisy variants flip `flips`
 * distinct pixels of a digit chosen at random (seeded); some of them coincide with another
 * digit ("8" and "9" differ by one pixel), which bounds any classifier below 100 %.
 * @module network/reservoir/digits5x4
 */
import { Rng } from '../../rng/rng.js';
import { SpecError } from '../../units/parse.js';
import type { ImageSet } from '../analog/dataset.js';

/** The ten glyphs, rows top to bottom. */
export const DIGITS_5X4: readonly string[][] = Object.freeze([
  ['1111', '1001', '1001', '1001', '1111'],
  ['0010', '0110', '0010', '0010', '0111'],
  ['1111', '0001', '1111', '1000', '1111'],
  ['1111', '0001', '0111', '0001', '1111'],
  ['1001', '1001', '1111', '0001', '0001'],
  ['1111', '1000', '1111', '0001', '1111'],
  ['1111', '1000', '1111', '1001', '1111'],
  ['1111', '0001', '0010', '0100', '0100'],
  ['1111', '1001', '1111', '1001', '1111'],
  ['1111', '1001', '1111', '0001', '1111'],
]);

/**
 * The ten clean digits as an image set (20 pixels each, values 0 / 1), `reps` copies of each
 * (image i is digit i mod 10): copies matter only when the reads are noisy.
 */
export function cleanDigits(reps = 1): ImageSet {
  if (!(Number.isInteger(reps) && reps >= 1)) throw new SpecError('reps', reps, 'a positive integer');
  const n = 10 * reps, x = new Float64Array(n * 20), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    y[i] = c;
    DIGITS_5X4[c].forEach((row, r) => { for (let k = 0; k < 4; k++) x[i * 20 + r * 4 + k] = row[k] === '1' ? 1 : 0; });
  }
  return { x, y, n, size: 20, classes: 10 };
}

/**
 * n noisy digits: digit d = i mod 10 (balanced classes), `flips` distinct pixels flipped,
 * positions from the seeded stream `noise:<stream>`.
 */
export function noisyDigits(n: number, flips: number, seed: number, stream: string): ImageSet {
  if (!(Number.isInteger(n) && n >= 1)) throw new SpecError('n', n, 'a positive integer number of images');
  if (!(Number.isInteger(flips) && flips >= 0 && flips <= 20)) throw new SpecError('flips', flips, 'an integer in [0, 20]');
  const clean = cleanDigits(), rng = new Rng(seed).stream(`noise:${stream}`);
  const x = new Float64Array(n * 20), y = new Int32Array(n), pos = new Int32Array(20);
  for (let i = 0; i < n; i++) {
    const d = i % 10;
    y[i] = d;
    x.set(clean.x.subarray(d * 20, d * 20 + 20), i * 20);
    for (let k = 0; k < 20; k++) pos[k] = k;
    for (let k = 0; k < flips; k++) {
      const j = k + rng.int(20 - k);
      const t = pos[k]; pos[k] = pos[j]; pos[j] = t;
      x[i * 20 + pos[k]] = 1 - x[i * 20 + pos[k]];
    }
  }
  return { x, y, n, size: 20, classes: 10 };
}

/** Readout epochs of the clean-digit fit (ten images: more epochs than the noisy sets need). */
export const CLEAN_DIGITS_EPOCHS = 200;

/**
 * The two data sets of the digits5x4 task (CLI `network reservoir --task digits5x4` and the
 * lab): "clean", 20 copies of each digit for training and for testing (identical without read
 * noise, independent reads with it), then "noisy", the 10 clean digits plus `nTrain` noisy
 * copies for training (stream "train") and `nTest` other noisy copies for testing ("test").
 */
export function digitsTaskSets(nTrain: number, nTest: number, flips: number, seed: number): Array<{ set: 'clean' | 'noisy'; train: ImageSet; test: ImageSet }> {
  const clean = cleanDigits();
  const noisy = nTrain ? noisyDigits(nTrain, flips, seed, 'train') : undefined;
  const train: ImageSet = noisy ? { ...clean, x: Float64Array.from([...clean.x, ...noisy.x]), y: Int32Array.from([...clean.y, ...noisy.y]), n: 10 + nTrain } : clean;
  return [
    { set: 'clean', train: cleanDigits(20), test: cleanDigits(20) },
    { set: 'noisy', train, test: noisyDigits(nTest, flips, seed, 'test') },
  ];
}
