/**
 * A dynamic selector device (volatile threshold switch: diffusive Ag, filament-growth
 * selector, Mott / thermal VO2) used as a DC array element through its pulse-read
 * quasi-static I-V: the current after holding a constant voltage V across the device for the
 * read time t_read, starting from its relaxed (initial) state. Every cell of a read sees an
 * almost constant voltage during the pulse, so this is the I-V the read actually samples
 * (an ON selector in the selected cell, OFF or partly ON half-selected cells). The states are
 * integrated with the solve layer (Rosenbrock for stiff models) on a voltage grid — one device
 * per grid voltage, all at once — then I(V) is made monotone (running maximum away from 0 V,
 * as Newton on the array needs dI/dV >= 0) and interpolated linearly in asinh(I / I_ref).
 *
 * Not captured: snap-back (the selector's negative differential resistance under a series
 * load), the stochastic rupture events (the table is the deterministic mean path) and
 * relaxation between reads.
 * @module circuit/crossbar-selector-table
 */
import type { DeviceModel } from '../devices/contract.js';
import type { ResolvedParams } from '../devices/params.js';
import { DeviceGroup } from '../devices/group.js';
import type { OdeSystem } from '../solve/types.js';
import { solveRosenbrock } from '../solve/rosenbrock.js';
import { solveExplicit } from '../solve/explicit-rk.js';
import { RODAS3 } from '../solve/tableaus/rosenbrock.js';
import { DOPRI5 } from '../solve/tableaus/dopri5.js';
import type { CellElement } from './crossbar-cells.js';

const I_REF = 1e-15;

/** Tabulated quasi-static I-V of a selector, for n cells. */
export class QuasiStaticSelector implements CellElement {
  readonly linear = false;
  readonly v: Float64Array;
  readonly i: Float64Array;
  private readonly y: Float64Array;
  private readonly h: number;
  /** Integration status of the table. */
  readonly status: string;
  /**
   * @param vMax grid half-range (V); cells beyond it extrapolate the end slope
   * @param points grid points (odd, so that 0 V is a point)
   */
  constructor(readonly n: number, model: DeviceModel, resolved: ResolvedParams, readonly tRead: number, vMax: number, points = 161) {
    const K = points | 1, grp = new DeviceGroup(model, resolved, K, undefined);
    const v = (this.v = new Float64Array(K));
    for (let k = 0; k < K; k++) v[k] = -vMax + (2 * vMax * k) / (K - 1);
    this.h = (2 * vMax) / (K - 1);
    const x = grp.initialState(), S = model.states.length;
    const term: OdeSystem = { n: x.length, structure: { kind: 'block', blocks: K, size: S }, rhs: (t, y, dy) => model.rhs(t, v, y, grp.p, dy, K) };
    const atol = Float64Array.from({ length: x.length }, (_, k) => model.states[Math.floor(k / K)].atol);
    const res = model.stiff ? solveRosenbrock(term, RODAS3, 0, tRead, x, { rtol: 1e-5, atol }) : solveExplicit(term, DOPRI5, 0, tRead, x, { rtol: 1e-6, atol });
    this.status = res.status;
    const cur = (this.i = new Float64Array(K));
    model.current(v, x, grp.p, cur, null, K);
    const mid = (K - 1) / 2;
    cur[mid] = 0;
    for (let k = mid + 1; k < K; k++) cur[k] = Math.max(cur[k], cur[k - 1]);
    for (let k = mid - 1; k >= 0; k--) cur[k] = Math.min(cur[k], cur[k + 1]);
    this.y = cur.map((c) => Math.asinh(c / I_REF));
  }
  eval(vIn: Float64Array, iOut: Float64Array, gOut: Float64Array): void {
    const K = this.v.length, v0 = this.v[0], h = this.h, y = this.y;
    for (let c = 0; c < this.n; c++) {
      let s = (vIn[c] - v0) / h;
      let k = Math.floor(s);
      if (k < 0) k = 0; else if (k > K - 2) k = K - 2;
      s -= k;
      const dy = y[k + 1] - y[k];
      const yy = y[k] + s * dy;
      const ch = Math.cosh(yy);
      iOut[c] = I_REF * Math.sinh(yy);
      gOut[c] = (I_REF * ch * dy) / h + 1e-18; // tiny floor: flat table segments keep J SPD
    }
  }
}
