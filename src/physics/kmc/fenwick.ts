/**
 * Fenwick (binary indexed) tree of non-negative rates: O(log n) update of one rate and O(log n)
 * selection of the event whose cumulative-rate interval contains u * total (BKL / Gillespie
 * selection, models.md §10.1). Rebuild of all rates is O(n).
 * @module physics/kmc/fenwick
 */

/** Rates with prefix sums. */
export class Fenwick {
  readonly size: number;
  private readonly tree: Float64Array;
  /** The rates themselves (read-only for callers). */
  readonly rates: Float64Array;
  private readonly topBit: number;

  constructor(size: number) {
    this.size = size;
    this.tree = new Float64Array(size + 1);
    this.rates = new Float64Array(size);
    let b = 1;
    while (b * 2 <= size) b *= 2;
    this.topBit = b;
  }

  /** Set rate k (O(log n)). */
  set(k: number, rate: number): void {
    const d = rate - this.rates[k];
    if (d === 0) return;
    this.rates[k] = rate;
    for (let i = k + 1; i <= this.size; i += i & -i) this.tree[i] += d;
  }

  /** Rebuild the tree from `rates` after bulk writes via {@link setRaw} (O(n)); also removes drift. */
  rebuild(): void {
    const { tree, rates, size } = this;
    for (let i = 1; i <= size; i++) tree[i] = rates[i - 1];
    for (let i = 1; i <= size; i++) { const j = i + (i & -i); if (j <= size) tree[j] += tree[i]; }
  }

  /** Write rate k without updating sums; call {@link rebuild} afterwards. */
  setRaw(k: number, rate: number): void { this.rates[k] = rate; }

  /** Sum of all rates. */
  total(): number {
    let s = 0;
    for (let i = this.size; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }

  /** Sum of rates[0..k-1]. */
  prefix(k: number): number {
    let s = 0;
    for (let i = k; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }

  /**
   * Smallest k with prefix(k+1) > target (target in [0, total)); events of zero rate are never
   * returned. Returns -1 when the total is zero.
   */
  find(target: number): number {
    let pos = 0, rem = target;
    for (let b = this.topBit; b > 0; b >>= 1) {
      const nxt = pos + b;
      if (nxt <= this.size && this.tree[nxt] <= rem) { pos = nxt; rem -= this.tree[nxt]; }
    }
    // pos is the count of events whose cumulative rate <= target; guard round-off at the end
    let k = pos < this.size ? pos : this.size - 1;
    while (k > 0 && this.rates[k] === 0) k--;
    if (this.rates[k] === 0) { k = pos; while (k < this.size && this.rates[k] === 0) k++; if (k >= this.size) return -1; }
    return k;
  }
}
