/**
 * Grouping of the synapses caught up in one step by voltage program, without allocation: a
 * synapse last brought up to date in step n_l, whose pre and post neurons last spiked in
 * steps n_pre, n_post, and which is now brought to step n, runs
 *
 *   program (a, b) = (n_l - n_pre, n_l - n_post)   (-1 for a side whose waveform is over)
 *   for min(L dt, end(a, b)),  L = n - n_l,
 *
 * then rests at zero bias for the remainder L dt - end (when positive). Synapses with the same
 * (a, b) and the same program length (the full program, or L dt when it is cut short) form
 * one batch. Keys go through an open-addressing hash table cleared by a stamp, and a
 * counting sort orders the synapses by group.
 * @module network/program-groups
 */
import type { Program, ProgramCache } from './spike-waveform.js';

const NEVER = -2147483648;
/** Octave bins of rest lengths (dt, 2 dt, 4 dt, ...; the last takes everything longer). */
export const REST_BINS = 24;

/** Batches of one catch-up (see module doc). */
export class ProgramGroups {
  /** Synapse ids of the programs, group by group. */
  readonly order: Int32Array;
  /** Group g holds order[groupStart[g] .. groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  readonly groupA: Int32Array;
  readonly groupB: Int32Array;
  /** Program length in steps when cut short (groupFull 0), else unused. */
  readonly groupL: Int32Array;
  readonly groupFull: Uint8Array;
  groupCount = 0;
  /** Synapses with a zero-bias rest, and its length (s), in classification order. */
  readonly rest: Int32Array;
  readonly restSpan: Float64Array;
  restCount = 0;
  /**
   * The rests sorted into bins of similar length (octaves of dt): bin r holds
   * restOrder[restStart[r] .. restStart[r + 1]) with lengths restSorted[...]. A rescaled rest
   * takes the steps its longest member needs, so mixing 0.1 ms and 1 s rests in one batch
   * would make the short ones pay for the long one.
   */
  readonly restOrder: Int32Array;
  readonly restSorted: Float64Array;
  readonly restStart = new Int32Array(REST_BINS + 1);
  private readonly restBin: Int32Array;
  /** Synapses that moved (L > 0) in the last classify(). */
  count = 0;
  private readonly gid: Int32Array;
  private readonly tabKey: Float64Array;
  private readonly tabStamp: Int32Array;
  private readonly tabGid: Int32Array;
  private readonly mask: number;
  private stampNow = 0;
  private readonly K: number;

  constructor(n: number, readonly cache: ProgramCache) {
    this.order = new Int32Array(n);
    this.groupStart = new Int32Array(n + 1);
    this.groupA = new Int32Array(n);
    this.groupB = new Int32Array(n);
    this.groupL = new Int32Array(n);
    this.groupFull = new Uint8Array(n);
    this.rest = new Int32Array(n);
    this.restSpan = new Float64Array(n);
    this.restOrder = new Int32Array(n);
    this.restSorted = new Float64Array(n);
    this.restBin = new Int32Array(n);
    this.gid = new Int32Array(n);
    let T = 64;
    while (T < 2 * n) T *= 2;
    this.tabKey = new Float64Array(T);
    this.tabStamp = new Int32Array(T);
    this.tabGid = new Int32Array(T);
    this.mask = T - 1;
    this.K = Math.max(cache.maxPre, cache.maxPost) + 3;
  }

  /** The program of group g. */
  program(g: number): Program { return this.cache.get(this.groupA[g], this.groupB[g]); }

  /** Classify synapses ids[0 .. m) brought from tl[k] to `step`. */
  classify(ids: Int32Array, m: number, step: number, tl: Int32Array, preLast: Int32Array, postLast: Int32Array, pre: Int32Array, post: Int32Array): void {
    const cache = this.cache, dt = cache.dt, maxPre = cache.maxPre, maxPost = cache.maxPost, K = this.K;
    const gid = this.gid, tabKey = this.tabKey, tabStamp = this.tabStamp, tabGid = this.tabGid, mask = this.mask;
    const cnt = this.groupStart; // counts first, prefix sums after
    const stamp = ++this.stampNow;
    let G = 0, nr = 0, moved = 0;
    for (let q = 0; q < m; q++) {
      const k = ids[q], t0 = tl[k], L = step - t0;
      gid[q] = -1;
      if (L <= 0) continue;
      moved++;
      const tp = preLast[pre[k]], tq = postLast[post[k]];
      let a = tp === NEVER ? -1 : t0 - tp, b = tq === NEVER ? -1 : t0 - tq;
      if (a > maxPre) a = -1;
      if (b > maxPost) b = -1;
      const Ld = L * dt;
      if (a < 0 && b < 0) { this.rest[nr] = k; this.restSpan[nr++] = Ld; continue; }
      const end = cache.get(a, b).end;
      const full = Ld >= end;
      if (full && Ld > end) { this.rest[nr] = k; this.restSpan[nr++] = Ld - end; }
      const key = ((a + 1) * K + (b + 1)) * (K + 1) + (full ? 0 : L);
      // open addressing on the key (multiplicative hash)
      let h = Math.imul(key | 0, 0x9e3779b1) >>> 0 & mask;
      let g = -1;
      while (tabStamp[h] === stamp) {
        if (tabKey[h] === key) { g = tabGid[h]; break; }
        h = (h + 1) & mask;
      }
      if (g < 0) {
        g = G++;
        tabStamp[h] = stamp; tabKey[h] = key; tabGid[h] = g;
        this.groupA[g] = a; this.groupB[g] = b; this.groupL[g] = L; this.groupFull[g] = full ? 1 : 0;
        cnt[g + 1] = 0;
      }
      gid[q] = g;
      cnt[g + 1]++;
    }
    cnt[0] = 0;
    for (let g = 0; g < G; g++) cnt[g + 1] += cnt[g];
    // counting sort: place with running offsets (groupStart restored afterwards)
    const order = this.order;
    for (let q = 0; q < m; q++) {
      const g = gid[q];
      if (g >= 0) order[cnt[g]++] = ids[q];
    }
    for (let g = G; g > 0; g--) cnt[g] = cnt[g - 1];
    cnt[0] = 0;
    this.groupCount = G;
    this.restCount = nr;
    this.count = moved;
    this.sortRests(dt);
  }

  private sortRests(dt: number): void {
    const nr = this.restCount, bin = this.restBin, st = this.restStart, span = this.restSpan;
    st.fill(0);
    for (let q = 0; q < nr; q++) {
      const r = Math.min(REST_BINS - 1, Math.max(0, Math.floor(Math.log2(span[q] / dt)) + 1));
      bin[q] = r;
      st[r + 1]++;
    }
    for (let r = 0; r < REST_BINS; r++) st[r + 1] += st[r];
    for (let q = 0; q < nr; q++) {
      const pos = st[bin[q]]++;
      this.restOrder[pos] = this.rest[q];
      this.restSorted[pos] = span[q];
    }
    for (let r = REST_BINS; r > 0; r--) st[r] = st[r - 1];
    st[0] = 0;
  }
}
