/**
 * Connectivity of a synapse group: synapse k joins pre neuron pre[k] to post neuron post[k];
 * the outgoing synapses of pre neuron i are outSyn[outStart[i] .. outStart[i + 1]) and the
 * incoming synapses of post neuron j are inSyn[inStart[j] .. inStart[j + 1]) (compressed rows
 * both ways, so that a spike touches only its own synapses).
 * @module network/connectivity
 */
import type { Rng } from '../rng/rng.js';

/** How to connect: every pair, i -> i, each pair with probability p, or explicit pairs. */
export type ConnectRule =
  | { kind: 'all' }
  | { kind: 'one-to-one' }
  | { kind: 'random'; p: number }
  | { kind: 'pairs'; i: ArrayLike<number>; j: ArrayLike<number> };

/** Compressed connectivity (see module doc). */
export interface Connectivity {
  n: number;
  nPre: number;
  nPost: number;
  pre: Int32Array;
  post: Int32Array;
  outStart: Int32Array;
  outSyn: Int32Array;
  inStart: Int32Array;
  inSyn: Int32Array;
}

/**
 * Build the connectivity. Synapses are numbered pre-major (all synapses of pre neuron 0
 * first, by increasing post index), as Brian2's `connect()` numbers all-to-all synapses.
 * @param rng stream for random connectivity (drawn pre-major, one uniform per pair)
 */
export function connect(rule: ConnectRule, nPre: number, nPost: number, rng?: Rng): Connectivity {
  const pi: number[] = [], pj: number[] = [];
  switch (rule.kind) {
    case 'all':
      if (nPre * nPost > 2 ** 31 - 1) throw new RangeError(`connect: ${nPre} x ${nPost} synapses exceed 2^31`);
      for (let i = 0; i < nPre; i++) for (let j = 0; j < nPost; j++) { pi.push(i); pj.push(j); }
      break;
    case 'one-to-one':
      if (nPre !== nPost) throw new RangeError(`connect: one-to-one needs equal group sizes, got ${nPre} and ${nPost}`);
      for (let i = 0; i < nPre; i++) { pi.push(i); pj.push(i); }
      break;
    case 'random':
      if (!rng) throw new RangeError('connect: random connectivity needs a random stream');
      for (let i = 0; i < nPre; i++) for (let j = 0; j < nPost; j++) if (rng.next() < rule.p) { pi.push(i); pj.push(j); }
      break;
    case 'pairs': {
      const idx = Array.from({ length: rule.i.length }, (_, k) => k).sort((a, b) => rule.i[a] - rule.i[b] || rule.j[a] - rule.j[b]);
      for (const k of idx) { pi.push(rule.i[k]); pj.push(rule.j[k]); }
      break;
    }
  }
  const n = pi.length;
  const pre = Int32Array.from(pi), post = Int32Array.from(pj);
  for (let k = 0; k < n; k++) {
    if (!(pre[k] >= 0 && pre[k] < nPre)) throw new RangeError(`connect: pre index ${pre[k]} outside [0, ${nPre - 1}]`);
    if (!(post[k] >= 0 && post[k] < nPost)) throw new RangeError(`connect: post index ${post[k]} outside [0, ${nPost - 1}]`);
  }
  const outStart = new Int32Array(nPre + 1), inStart = new Int32Array(nPost + 1);
  for (let k = 0; k < n; k++) { outStart[pre[k] + 1]++; inStart[post[k] + 1]++; }
  for (let i = 0; i < nPre; i++) outStart[i + 1] += outStart[i];
  for (let j = 0; j < nPost; j++) inStart[j + 1] += inStart[j];
  const outSyn = new Int32Array(n), inSyn = new Int32Array(n);
  const fo = outStart.slice(0, nPre), fi = inStart.slice(0, nPost);
  for (let k = 0; k < n; k++) { outSyn[fo[pre[k]]++] = k; inSyn[fi[post[k]]++] = k; }
  return { n, nPre, nPost, pre, post, outStart, outSyn, inStart, inSyn };
}
