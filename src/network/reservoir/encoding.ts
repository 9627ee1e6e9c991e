/**
 * Pulse-stream encoding of a reservoir's inputs (Du, Cai, Zidan, Ma, Lee, Lu, Nat. Commun. 8,
 * 2204 (2017); measurements.md A9): a binary sequence b_0 .. b_{F-1} is fed to one device as F
 * time frames of width T; frame k holds a programming pulse of amplitude A and flat-top width w
 * when b_k = 1 and nothing when b_k = 0. The pulse starts at the frame start:
 *
 *   v(t) = A b_k p(t - k T),   k = floor(t / T),
 *   p(s) = trapezoid rising over [0, e], flat on [e, e + w], falling over [e + w, 2 e + w]
 *
 * with edges e = min(0.02 w, 1 us) as the protocols' pulses (protocols/plan). The polarity is
 * the device's SET polarity. A9's two schemes (S): rate 1 = frames of 0.8 ms with 1.5 V /
 * 0.5 ms pulses, rate 2 = frames of 4 ms with 1.5 V / 0.8 ms pulses.
 *
 * Images become streams row by row (Du 2017: a 5 x 4 digit is five rows of four pixels, each
 * row a 4-frame stream into its own device); a row may be cut into `segments` equal pieces,
 * each its own channel (one reading of how 22 x 20 MNIST crops became 88 streams; see
 * tasks-mnist). Grey pixels are binarised at `threshold`.
 * @module network/reservoir/encoding
 */
import { SpecError } from '../../units/parse.js';

/** One pulse scheme (SI: V, s). */
export interface StreamScheme {
  /** Pulse amplitude (magnitude; applied with the device's SET polarity), V. */
  amplitude: number;
  /** Flat-top width of a pulse, s. */
  width: number;
  /** Frame width (one bit), s. */
  frame: number;
}

/** A9 rate 1 (S): frame 0.8 ms, pulse 1.5 V / 0.5 ms. */
export const DU2017_RATE1: Readonly<StreamScheme> = Object.freeze({ amplitude: 1.5, width: 0.5e-3, frame: 0.8e-3 });
/** A9 rate 2 (S): frame 4 ms, pulse 1.5 V / 0.8 ms. */
export const DU2017_RATE2: Readonly<StreamScheme> = Object.freeze({ amplitude: 1.5, width: 0.8e-3, frame: 4e-3 });

/** Edge time of a pulse of flat-top width w (the protocols' trapezoid: 2 % of w, at most 1 us). */
export function pulseEdge(width: number): number { return Math.min(0.02 * width, 1e-6); }

/** Check a scheme; errors name `path`.field. The pulse (with its edges) must fit in the frame. */
export function checkScheme(s: StreamScheme, path = 'scheme'): StreamScheme {
  for (const k of ['amplitude', 'width', 'frame'] as const) {
    if (!(typeof s[k] === 'number' && Number.isFinite(s[k]) && s[k] > 0)) throw new SpecError(`${path}.${k}`, s[k], 'a positive number (SI: V or s)');
  }
  const len = s.width + 2 * pulseEdge(s.width);
  if (len > s.frame) throw new SpecError(`${path}.width`, s.width, `a pulse that fits in the frame of ${s.frame} s (width + 2 edges = ${len} s)`);
  return s;
}

/**
 * The pulse times of one stream: for every 1 bit k, the flat top [t_on, t_off] =
 * [k T + e, k T + e + w] (the edges are e wide on either side).
 */
export function pulseTimes(bits: ArrayLike<number>, s: StreamScheme): { on: number[]; off: number[] } {
  checkScheme(s);
  const e = pulseEdge(s.width), on: number[] = [], off: number[] = [];
  for (let k = 0; k < bits.length; k++) if (bits[k]) { on.push(k * s.frame + e); off.push(k * s.frame + e + s.width); }
  return { on, off };
}

/** Bits of a binary string ("1001" -> [1, 0, 0, 1]); anything but 0/1 names the field. */
export function parseBits(text: string, path = 'pattern'): Uint8Array {
  if (!/^[01]+$/.test(text)) throw new SpecError(path, text, 'a string of 0 and 1');
  return Uint8Array.from(text, (c) => (c === '1' ? 1 : 0));
}

/** All 2^F patterns of F bits, pattern q at q * F (bit k = (q >> (F - 1 - k)) & 1: "0001" = 1). */
export function allPatterns(F: number): Uint8Array {
  if (!(Number.isInteger(F) && F >= 1 && F <= 16)) throw new SpecError('frames', F, 'an integer in [1, 16]');
  const n = 1 << F, out = new Uint8Array(n * F);
  for (let q = 0; q < n; q++) for (let k = 0; k < F; k++) out[q * F + k] = (q >> (F - 1 - k)) & 1;
  return out;
}

/** How images become channels. */
export interface ImageEncoding {
  rows: number;
  cols: number;
  /** Pieces each row is cut into (cols must divide evenly); each piece is one channel. */
  segments: number;
  /** Pixels >= threshold are 1. */
  threshold: number;
}

/**
 * Binary streams of n images (row-major, `rows * cols` pixels each): channel c = r * segments + g
 * of image i carries pixels [g L, (g + 1) L) of row r, L = cols / segments. Output: bits of stream
 * s = i * C + c at s * L (C = rows * segments channels, L frames).
 */
export function imageStreams(x: ArrayLike<number>, n: number, e: ImageEncoding): { bits: Uint8Array; channels: number; frames: number } {
  const { rows, cols, segments, threshold } = e;
  if (!(Number.isInteger(rows) && rows >= 1)) throw new SpecError('encoding.rows', rows, 'a positive integer');
  if (!(Number.isInteger(cols) && cols >= 1)) throw new SpecError('encoding.cols', cols, 'a positive integer');
  if (!(Number.isInteger(segments) && segments >= 1 && cols % segments === 0)) throw new SpecError('encoding.segments', segments, `a divisor of the ${cols} columns`);
  if (!(threshold > 0 && threshold <= 1)) throw new SpecError('encoding.threshold', threshold, 'a number in (0, 1]');
  const size = rows * cols;
  if (x.length < n * size) throw new SpecError('images', `${x.length} values`, `${n} images of ${rows} x ${cols} pixels`);
  const L = cols / segments, C = rows * segments, bits = new Uint8Array(n * C * L);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const g = Math.floor(c / L), s = i * C + r * segments + g;
        bits[s * L + (c - g * L)] = x[i * size + r * cols + c] >= threshold ? 1 : 0;
      }
    }
  }
  return { bits, channels: C, frames: L };
}
