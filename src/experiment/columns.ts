/**
 * Growable typed-array columns for recording results without per-sample allocation.
 * @module experiment/columns
 */

/** A set of named Float64 columns that grow by doubling. */
export class ColumnRecorder {
  private cap: number;
  private len = 0;
  private readonly data: Float64Array[];
  constructor(readonly names: readonly string[], initial = 1024) {
    const seen = new Set<string>();
    for (const n of names) { if (seen.has(n)) throw new RangeError(`columns: duplicate column name "${n}"`); seen.add(n); }
    this.cap = initial;
    this.data = names.map(() => new Float64Array(initial));
  }
  /** Number of rows. */
  get length(): number { return this.len; }
  /** Append one row; values in the order of `names`. */
  push(row: ArrayLike<number>): void {
    if (this.len === this.cap) {
      this.cap *= 2;
      for (let c = 0; c < this.data.length; c++) {
        const d = new Float64Array(this.cap);
        d.set(this.data[c]);
        this.data[c] = d;
      }
    }
    for (let c = 0; c < this.data.length; c++) this.data[c][this.len] = row[c];
    this.len++;
  }
  /** Remove the last row (used to replace a duplicate time point). */
  pop(): void { if (this.len > 0) this.len--; }
  /** Value of column c at row r. */
  at(c: number, r: number): number { return this.data[c][r]; }
  /** Trimmed copies of the columns. */
  finish(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    this.names.forEach((n, c) => { out[n] = this.data[c].slice(0, this.len); });
    return out;
  }
}
