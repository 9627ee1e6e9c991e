/**
 * Shared core of the lattice KMC devices (VCM lattice, ECM cell): NEV event slots per site in a
 * Fenwick tree, Arrhenius rates with a capped field lowering, and the local refresh of a changed
 * site and its four neighbours. The device supplies refreshSite.
 * @module physics/kmc/lattice-kmc
 */
import { KB } from '../../units/constants.js';
import { Fenwick } from './fenwick.js';
import { drawEvent, type KmcDraw } from './gillespie.js';
import type { Rng } from '../../rng/rng.js';

/** Base class: event slot e of site k is k * nev + e. */
export abstract class LatticeKmc {
  /** Simulated time (s). */
  t = 0;
  protected readonly tree: Fenwick;
  private readonly draw: KmcDraw = { event: -1, dt: 0 };
  private readonly kx: number; private readonly kz: number; private readonly kNu: number;

  constructor(nx: number, nz: number, nev: number, nu: number) {
    this.kx = nx; this.kz = nz; this.kNu = nu;
    this.tree = new Fenwick(nx * nz * nev);
  }

  /** Set one event rate: raw writes (followed by tree.rebuild()) or an O(log n) update. */
  protected put(raw: boolean, e: number, r: number): void {
    if (raw) this.tree.setRaw(e, r); else this.tree.set(e, r);
  }

  /** nu exp(-(e0 - min(lowering, e0)) / kB T) (J, J, K). */
  protected rate(e0: number, lowering: number, T: number): number {
    let low = lowering;
    if (low > e0) low = e0;
    return this.kNu * Math.exp(-(e0 - low) / (KB * T));
  }

  /**
   * Draw the next event (BKL / Gillespie) and advance t to it; -1 (with t = tEnd) when no event
   * happens before tEnd.
   */
  protected next(rng: Rng, tEnd: number): number {
    const d = drawEvent(this.tree, rng, this.draw);
    if (d.event < 0 || this.t + d.dt > tEnd) { this.t = tEnd; return -1; }
    this.t += d.dt;
    return d.event;
  }

  /** Recompute the event rates of site k. */
  protected abstract refreshSite(k: number, raw: boolean): void;

  /** Refresh site k and its four neighbours. */
  protected touch(k: number): void {
    const nx = this.kx, nz = this.kz;
    const i = k % nx, j = (k - i) / nx;
    this.refreshSite(k, false);
    if (i > 0) this.refreshSite(k - 1, false);
    if (i < nx - 1) this.refreshSite(k + 1, false);
    if (j > 0) this.refreshSite(k - nx, false);
    if (j < nz - 1) this.refreshSite(k + nx, false);
  }
}
