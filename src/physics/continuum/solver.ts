/**
 * Continuum filament solver: one implicit, operator-split time step of the coupled
 * ion / potential / heat / circuit problem on a 2D finite-volume grid (models.md §9.1).
 *
 *   ion continuity   dn/dt = -div J,  J = -D grad n + u n (1 - n_dn/nMax),
 *                    u = a nu e^{-Ea/kT} sinh(z q a E / 2kT) e_E  +  s D Ea/(k T^2) grad T
 *                    D = a^2 nu e^{-Ea/kT} / 2          (hopping drift; Soret flux toward the hot side)
 *   current          div(sigma grad psi) = 0,  sigma = (sigmaIns + sigmaMet (n/nMax)^p) e^{-Eac/k (1/T - 1/T0)}
 *   heat             rhoC dT/dt = div(kappa grad T) + sigma |grad psi|^2,  kappa = kappa_ox + L sigma T
 *   circuit          V_s = V_dev + I R_s,  |I| <= I_cc  (compliance clamps V_dev)
 *
 * Order of work in one step (Brian2 habit: written down): (1) sigma(n,T) (ohmic + tunnelling
 * through a depleted layer at the inert electrode, see conduction.ts) and the unit-voltage
 * Laplace solve (PCG) give the device conductance G; (2) the circuit gives V_dev and I;
 * (3) Joule power per cell from the face currents (sums exactly to I V_dev, less the tunnelling
 * power released in the electrode); (4) backward-Euler
 * heat step (PCG) with Robin heat sinking (conductance hB) into both electrodes at T0;
 * (5) backward-Euler ion step (BiCGSTAB) with Scharfetter-Gummel face fluxes using the new psi
 * and T; the site-exclusion factor of the downstream cell is lagged. The SG coefficients are
 * non-negative, so the ion matrix is an M-matrix and densities stay non-negative for any dt.
 * Boundaries: the bottom electrode (z = 0) is inert (no ion flux); the top electrode exchanges
 * ions with a reservoir of density nRes through a ghost cell by field-driven (upwinded) drift
 * only, so an unbiased cell does not exchange (efficiency kEx; kEx = 0 closes the system); lateral walls and the axis carry no flux. Axisymmetric faces carry their 2 pi r weight.
 * With p.generation = 1 the pass continues: (6) backward-Euler transport of the O ions
 * (density o, charge -zO e, hop barrier eaO, same SG fluxes without Soret, exclusion o <= nMax)
 * with the new psi and T; they leave through the top electrode by upwinded drift into a store
 * per column (count oStore[i]) and return from it under reverse bias (ghost density
 * oStore / (face area x a), the inflow of a step capped at the store; kExO = 0 closes it);
 * (7) the local generation / recombination step of generation.ts (backward Euler, exact in
 * n - o per cell) at the driving field max(-E_z, 0) of this pass's psi. Bookkeeping: vacancies in the
 * film + reservoirOut - O ions in the film - sum oStore is constant (pairsMade counts the net
 * pairs made). The O ions do not conduct; they act on the vacancies only by recombination.
 * Generation is off by default (p.generation = 0: steps (6)-(7) skipped, results unchanged); it
 * is on in the Fig. 8g,h cell (scenarios.ts SHAPE_CELL). Step control (run.ts): the pairs made
 * change n within the step, so they count in the per-step limit on max |dn| and in the Picard
 * check of the two passes; the O-ion density is not limited on its own. Known limit: O ions held
 * against a closed electrode near nMax make the lagged exclusion alternate between passes (the
 * steps then shrink to ~1e-10 s); with recombination at the O-ion hop barrier the returning ions
 * are consumed before they pile up in the Fig. 8 runs.
 * Rows may be refined toward the bottom electrode (grid.ts); face distances are the distances
 * between the centres of neighbouring rows.
 * @module physics/continuum/solver
 */
import { KB, Q } from '../../units/constants.js';
import { makeStencil, clearStencil, addFace, type Stencil5 } from '../linear/stencil.js';
import { KrylovWork, pcg, bicgstab } from '../linear/krylov.js';
import type { ContinuumParams } from './params.js';
import { makeGrid, type ContinuumGrid } from './grid.js';
import { conductivity, unitPotential, joulePower } from './conduction.js';
import { drivingField, reactionStep } from './generation.js';

/**
 * Relaxation of the modified ILU(0) preconditioner of the symmetric (PCG) solves (physics/linear/
 * krylov): the dropped fill is added back to the pivot with weight 0.97 (row sums nearly kept),
 * which halves the iterations against plain ILU(0) on the 50 x 50 SET (22 vs 40-44 per solve).
 */
const MILU_RELAX = 0.97;

/** Bernoulli function B(x) = x / (e^x - 1). */
export function bernoulli(x: number): number {
  if (Math.abs(x) < 1e-8) return 1 - x / 2;
  return x / Math.expm1(x);
}

/** What one step did. */
export interface StepReport {
  status: 'ok' | 'linear-solver-failed';
  message: string;
  /** max |dn| / nMax over the grid. */
  dn: number;
  /** max |dT| (K). */
  dT: number;
  /**
   * Picard residual of the coupling: max |n_last - n_previous| / nMax between the last two
   * passes of the step (0 with one pass). A large value means the split iteration had not
   * settled (e.g. an overshooting first pass produced a conductivity that the second pass still
   * used for the potential, the Joule heat and G), so the step must be rejected.
   */
  picard: number;
  /** The same for the temperature: max |T_last - T_previous| (K). */
  picardT: number;
  /**
   * Device conductance (S) of the first pass, i.e. of the state the step started from (at its
   * temperature). The conductance `g` left by the step is that of the last pass, computed from
   * the previous pass's densities, so a step's own change of G is g / gStart; a G stored from
   * the previous step is not comparable when its passes disagreed.
   */
  gStart: number;
  iterations: number;
}

/** Grid, state and work arrays of one continuum device. */
export class ContinuumSolver {
  readonly p: ContinuumParams;
  readonly grid: ContinuumGrid;
  readonly nx: number; readonly nz: number; readonly m: number;
  /** Column width (m) and row heights (m; uniform unless p.dzBottom > 0). */
  readonly dx: number; readonly dzRow: Float64Array;
  /** Cell volumes, x-face areas (face to the right of cell k), z-face areas (face above cell k). */
  readonly vol: Float64Array; readonly ax: Float64Array; readonly az: Float64Array;
  /** Cell-centre coordinates (m). */
  readonly xc: Float64Array; readonly zc: Float64Array;
  /** State: vacancy density (m^-3), temperature (K), potential (V). */
  readonly n: Float64Array; readonly T: Float64Array; readonly psi: Float64Array;
  /** Derived per cell: conductivity (S/m; its tunnelling part in sigmaTun) and Joule power (W). */
  readonly sigma: Float64Array; readonly sigmaTun: Float64Array; readonly joule: Float64Array;
  t = 0; vDev = 0; current = 0; g = 0; compliant = false;
  /** Ions that left through the top electrode into the reservoir since t = 0 (count). */
  reservoirOut = 0;
  /** O-ion density (m^-3; zero unless p.generation = 1) and driving field of generation of the last pass (V/m). */
  readonly o: Float64Array; readonly eDrive: Float64Array;
  /** O ions held at the top electrode above each column (count), made by generation. */
  readonly oStore: Float64Array;
  /** Net vacancy / O-ion pairs made by generation minus recombination since t = 0 (count). */
  pairsMade = 0;
  /** Krylov iterations summed since construction per linear system, and coupling passes run (diagnostics; rejected steps included). */
  readonly stats = { potential: 0, heat: 0, ions: 0, oxygen: 0, passes: 0 };
  private ca = 0; private cb = 0;
  private readonly phi: Float64Array; private readonly b: Float64Array; private readonly nNew: Float64Array;
  private readonly nOld: Float64Array; private readonly TOld: Float64Array;
  private readonly nPrev: Float64Array; private readonly TPrev: Float64Array;
  private readonly gTop: Float64Array; private readonly gBot: Float64Array;
  private readonly exA: Float64Array; private readonly exB: Float64Array;
  private readonly collector: Int32Array;
  private readonly oOld: Float64Array; private readonly oNew: Float64Array; private readonly oStoreOld: Float64Array;
  private readonly oExA: Float64Array; private readonly oExB: Float64Array;
  /** Checkpoint of the state (checkpoint / rollback). */
  private readonly ck: { n: Float64Array; T: Float64Array; o: Float64Array; oStore: Float64Array; t: number; res: number; pairs: number; g: number };
  /** Work of readConductance (kept apart from the state of the step). */
  private readonly rdSigma: Float64Array; private readonly rdTun: Float64Array; private readonly rdPhi: Float64Array;
  private readonly A: Stencil5; private readonly W: KrylovWork;

  /** `precond` selects the Krylov preconditioner (see physics/linear/krylov); ILU(0) by default (modified ILU(0), MILU_RELAX, in the PCG solves). */
  constructor(p: ContinuumParams, precond: 'line' | 'ilu' = 'ilu') {
    this.p = p;
    const g = (this.grid = makeGrid(p.geometry, p.width, p.thickness, p.nx, p.nz, p.dzBottom));
    const nx = (this.nx = p.nx), nz = (this.nz = p.nz), m = (this.m = nx * nz);
    this.dx = g.dx; this.dzRow = g.dzRow;
    this.vol = g.vol; this.ax = g.ax; this.az = g.az; this.xc = g.xc; this.zc = g.zc;
    const f = () => new Float64Array(m);
    this.n = f(); this.T = f(); this.psi = f(); this.sigma = f(); this.sigmaTun = f(); this.joule = f();
    this.phi = f(); this.b = f(); this.nNew = f(); this.nOld = f(); this.TOld = f(); this.nPrev = f(); this.TPrev = f();
    this.rdSigma = f(); this.rdTun = f(); this.rdPhi = f();
    this.gTop = new Float64Array(nx); this.gBot = new Float64Array(nx); this.exA = new Float64Array(nx); this.exB = new Float64Array(nx);
    this.collector = new Int32Array(nx);
    this.o = f(); this.eDrive = f(); this.oOld = f(); this.oNew = f();
    this.oStore = new Float64Array(nx); this.oStoreOld = new Float64Array(nx); this.oExA = new Float64Array(nx); this.oExB = new Float64Array(nx);
    this.ck = { n: f(), T: f(), o: f(), oStore: new Float64Array(nx), t: 0, res: 0, pairs: 0, g: 0 };
    this.A = makeStencil(nx, nz); this.W = new KrylovWork(nx, nz, precond); this.W.relax = MILU_RELAX;
    this.reset();
  }

  /** Initial state: uniform n0 plus the nucleation seed at the bottom electrode, T = T0. */
  reset(): void {
    const p = this.p;
    const xs = p.geometry === 0 ? 0 : p.width / 2;
    for (let k = 0; k < this.m; k++) {
      const inSeed = Math.abs(this.xc[k] - xs) < p.seedRadius && this.zc[k] < p.seedRadius;
      this.n[k] = inSeed ? Math.max(p.n0, p.nSeed) : p.n0;
      this.T[k] = p.t0; this.psi[k] = 0; this.phi[k] = 0; this.rdPhi[k] = 0;
    }
    this.o.fill(0); this.oStore.fill(0); this.eDrive.fill(0);
    this.t = 0; this.vDev = 0; this.current = 0; this.reservoirOut = 0; this.pairsMade = 0;
    this.updateSigma();
  }

  /** Copy the density map of another solver on the same grid; T = T0, t = 0 (a fresh pulse). */
  startFrom(other: ContinuumSolver): void {
    if (other.m !== this.m) throw new RangeError(`startFrom: grids differ (${other.m} vs ${this.m} cells)`);
    this.n.set(other.n); this.T.fill(this.p.t0); this.phi.set(other.phi); this.rdPhi.set(other.rdPhi);
    this.o.set(other.o); this.oStore.set(other.oStore);
    this.t = 0; this.vDev = 0; this.current = 0; this.reservoirOut = 0; this.pairsMade = 0;
    this.updateSigma();
  }

  /** Total number of ions in the film (sum n V). */
  totalIons(): number {
    let s = 0;
    for (let k = 0; k < this.m; k++) s += this.n[k] * this.vol[k];
    return s;
  }

  /** O ions in the film (sum o V) and held at the top electrode (sum oStore), count. */
  totalOxygen(): { film: number; store: number } {
    let f = 0, st = 0;
    for (let k = 0; k < this.m; k++) f += this.o[k] * this.vol[k];
    for (let i = 0; i < this.nx; i++) st += this.oStore[i];
    return { film: f, store: st };
  }

  /** Save the evolving state (densities, T, t, counters, G) for a later rollback (a rejected step). */
  checkpoint(): void {
    const c = this.ck;
    c.n.set(this.n); c.T.set(this.T); c.t = this.t; c.res = this.reservoirOut; c.g = this.g;
    if (this.p.generation) { c.o.set(this.o); c.oStore.set(this.oStore); c.pairs = this.pairsMade; }
  }

  /** Return to the last checkpoint. */
  rollback(): void {
    const c = this.ck;
    this.n.set(c.n); this.T.set(c.T); this.t = c.t; this.reservoirOut = c.res; this.g = c.g;
    if (this.p.generation) { this.o.set(c.o); this.oStore.set(c.oStore); this.pairsMade = c.pairs; }
  }

  /**
   * Conductance (S) of the present density map read at the ambient temperature T0 (one Laplace
   * solve; the state and the step's work arrays are untouched). This is what a small read pulse
   * measures after the heat of a programming pulse has decayed (thermal time ~ns), as opposed to
   * `g`, the conductance at the temperature of the last step.
   */
  readConductance(): number {
    conductivity(this.p, this.grid, this.n, null, this.rdSigma, this.rdTun, this.collector);
    const r = unitPotential(this.A, this.b, this.W, this.grid, this.rdSigma, this.rdPhi, this.exA, this.exB);
    // the collector of the step is recomputed at the start of every pass
    return r.info.status === 'ok' ? r.g : NaN;
  }

  private updateSigma(): void {
    conductivity(this.p, this.grid, this.n, this.T, this.sigma, this.sigmaTun, this.collector);
  }

  /**
   * One time step of length dt with source voltage vs. `passes` > 1 repeats the split
   * sequence with the coefficients evaluated at the new iterate (Picard iteration of the
   * coupling), which lets the step stay large when ions, heat and current are tightly coupled.
   */
  step(vs: number, dt: number, passes = 2): StepReport {
    const { nOld, TOld, n, T, nPrev, TPrev } = this;
    nOld.set(n); TOld.set(T);
    const gen = this.p.generation > 0;
    if (gen) { this.oOld.set(this.o); this.oStoreOld.set(this.oStore); }
    const pairs0 = this.pairsMade;
    let rep: StepReport = { status: 'ok', message: '', dn: 0, dT: 0, picard: 0, picardT: 0, gStart: 0, iterations: 0 };
    let iters = 0, gStart = 0;
    const res0 = this.reservoirOut;
    for (let k = 0; k < passes; k++) {
      this.reservoirOut = res0; this.pairsMade = pairs0;
      if (gen) this.oStore.set(this.oStoreOld);
      nPrev.set(n); TPrev.set(T);
      rep = this.pass(vs, dt, nOld, TOld);
      iters += rep.iterations;
      if (k === 0) gStart = this.g;
      if (rep.status !== 'ok') {
        n.set(nOld); T.set(TOld); this.reservoirOut = res0; this.pairsMade = pairs0;
        if (gen) { this.o.set(this.oOld); this.oStore.set(this.oStoreOld); }
        return rep;
      }
    }
    let dn = 0, dT = 0, pn = 0, pT = 0;
    for (let k = 0; k < this.m; k++) {
      const a = Math.abs(n[k] - nOld[k]); if (a > dn) dn = a;
      const b = Math.abs(T[k] - TOld[k]); if (b > dT) dT = b;
      const c = Math.abs(n[k] - nPrev[k]); if (c > pn) pn = c;
      const d = Math.abs(T[k] - TPrev[k]); if (d > pT) pT = d;
    }
    this.t += dt;
    return { status: 'ok', message: '', dn: dn / this.p.nMax, dT, picard: passes > 1 ? pn / this.p.nMax : 0, picardT: passes > 1 ? pT : 0, gStart, iterations: iters };
  }

  private pass(vs: number, dt: number, nBase: Float64Array, TBase: Float64Array): StepReport {
    const p = this.p;
    const { nx, nz, dx, dzRow, A, b, phi, psi, sigma, ax, az, gTop, gBot, vol, T, n, nNew, joule } = this;
    this.updateSigma();
    const pot = unitPotential(A, b, this.W, this.grid, sigma, phi, gTop, gBot);
    const r1 = pot.info;
    this.stats.potential += r1.iterations; this.stats.passes++;
    if (r1.status !== 'ok') return { status: 'linear-solver-failed', picard: 0, picardT: 0, gStart: 0, message: `potential: ${r1.status} after ${r1.iterations} iterations (residual ${r1.relResidual})`, dn: 0, dT: 0, iterations: r1.iterations };
    const g = pot.g;
    this.g = g;
    // circuit: series resistance and compliance
    let cur = vs * g / (1 + p.rSeries * g);
    const icc = cur >= 0 ? p.compliance : p.complianceReset;
    this.compliant = Math.abs(cur) > icc;
    if (this.compliant) cur = Math.sign(cur) * icc;
    const vDev = g > 0 ? cur / g : 0;
    this.vDev = vDev; this.current = cur;
    for (let k = 0; k < this.m; k++) psi[k] = vDev * phi[k];
    joulePower(this.grid, sigma, this.sigmaTun, this.collector, psi, vDev, gTop, gBot, joule);
    // heat: backward Euler
    clearStencil(A);
    const kap = nNew; // scratch for kappa(n,T)
    for (let k = 0; k < this.m; k++) kap[k] = p.kappa + p.lorenz * sigma[k] * T[k];
    const hx = dx / 2;
    for (let j = 0; j < nz; j++) {
      const hz0 = dzRow[j] / 2, hz1 = j + 1 < nz ? dzRow[j + 1] / 2 : 0;
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        A.c[k] += p.rhoC * vol[k] / dt;
        b[k] = p.rhoC * vol[k] / dt * TBase[k] + joule[k];
        if (i < nx - 1) addFace(A, k, k + 1, ax[k] / (hx / kap[k] + hx / kap[k + 1]), 'x');
        if (j < nz - 1) addFace(A, k, k + nx, az[k] / (hz0 / kap[k] + hz1 / kap[k + nx]), 'z');
      }
    }
    for (let i = 0; i < nx; i++) {
      for (let side = 0; side < 2; side++) {
        const k = side === 0 ? i : (nz - 1) * nx + i;
        const gb = az[k] / (dzRow[side === 0 ? 0 : nz - 1] / 2 / kap[k] + 1 / p.hB);
        A.c[k] += gb; b[k] += gb * p.t0;
      }
    }
    const r2 = pcg(A, b, T, this.W, 1e-10, 4000);
    this.stats.heat += r2.iterations;
    if (r2.status !== 'ok') return { status: 'linear-solver-failed', picard: 0, picardT: 0, gStart: 0, message: `heat: ${r2.status} after ${r2.iterations} iterations`, dn: 0, dT: 0, iterations: r1.iterations + r2.iterations };
    for (let k = 0; k < this.m; k++) if (T[k] < 1) T[k] = 1;
    // ions: backward Euler with SG fluxes
    this.assembleTransport(n, nBase, dt, true, p.ea, p.zIon);
    const kEx = p.kEx, exA = this.exA, exB = this.exB;
    if (kEx > 0) {
      const ht = dzRow[nz - 1] / 2;
      for (let i = 0; i < nx; i++) {
        const k = (nz - 1) * nx + i;
        this.sg(T[k], T[k], psi[k], vDev, ht, n[k], p.nRes, false, true);
        exA[i] = kEx * az[k] * this.ca;
        exB[i] = kEx * az[k] * this.cb * p.nRes;
        A.c[k] += exA[i]; b[k] += exB[i];
      }
    }
    nNew.set(n);
    const r3 = bicgstab(A, b, nNew, this.W, 1e-13, 4000);
    this.stats.ions += r3.iterations;
    if (r3.status !== 'ok') return { status: 'linear-solver-failed', picard: 0, picardT: 0, gStart: 0, message: `ions: ${r3.status} after ${r3.iterations} iterations (residual ${r3.relResidual})`, dn: 0, dT: 0, iterations: r1.iterations + r2.iterations + r3.iterations };
    for (let k = 0; k < this.m; k++) if (nNew[k] < 0) nNew[k] = 0; // only solver round-off can produce this (M-matrix)
    if (kEx > 0) for (let i = 0; i < nx; i++) this.reservoirOut += dt * (exA[i] * nNew[(nz - 1) * nx + i] - exB[i]);
    n.set(nNew);
    let iters = r1.iterations + r2.iterations + r3.iterations;
    if (p.generation > 0) {
      const r4 = this.oxygenStep(dt, vDev);
      iters += r4.iterations;
      if (r4.status !== 'ok') return { status: 'linear-solver-failed', picard: 0, picardT: 0, gStart: 0, message: `O ions: ${r4.status} after ${r4.iterations} iterations (residual ${r4.relResidual})`, dn: 0, dT: 0, iterations: iters };
      drivingField(this.grid, psi, vDev, this.eDrive);
      this.pairsMade += reactionStep(p, dt, this.eDrive, T, vol, n, this.o);
    }
    return { status: 'ok', message: '', dn: 0, dT: 0, picard: 0, picardT: 0, gStart: g, iterations: iters };
  }

  /**
   * Backward-Euler transport of the O ions over dt from the step's start (oOld, oStoreOld) with
   * this pass's psi and T (steps (6) of the module header); updates o and oStore.
   */
  private oxygenStep(dt: number, vDev: number): { status: string; iterations: number; relResidual: number } {
    const p = this.p;
    const { nx, nz, dzRow, A, b, az, T, psi, o, oOld, oNew, oStore, oStoreOld, oExA, oExB } = this;
    this.assembleTransport(o, oOld, dt, false, p.eaO, -p.zO);
    if (p.kExO > 0) {
      const ht = dzRow[nz - 1] / 2;
      for (let i = 0; i < nx; i++) {
        const k = (nz - 1) * nx + i;
        // ghost density of the store: its ions spread over a layer one hop thick above the face
        let ghost = oStoreOld[i] / (az[k] * p.a);
        if (ghost > p.nMax) ghost = p.nMax;
        this.sg(T[k], T[k], psi[k], vDev, ht, o[k], ghost, false, true, p.eaO, -p.zO);
        oExA[i] = p.kExO * az[k] * this.ca;
        // inflow per step capped at the store (it cannot return more ions than it holds)
        let inflow = p.kExO * az[k] * this.cb * ghost;
        if (inflow * dt > oStoreOld[i]) inflow = oStoreOld[i] / dt;
        oExB[i] = inflow;
        A.c[k] += oExA[i]; b[k] += oExB[i];
      }
    }
    oNew.set(o);
    const r = bicgstab(A, b, oNew, this.W, 1e-13, 4000);
    this.stats.oxygen += r.iterations;
    if (r.status !== 'ok') return r;
    for (let k = 0; k < this.m; k++) if (oNew[k] < 0) oNew[k] = 0; // solver round-off only (M-matrix)
    if (p.kExO > 0) for (let i = 0; i < nx; i++) { const s = oStoreOld[i] + dt * (oExA[i] * oNew[(nz - 1) * nx + i] - oExB[i]); oStore[i] = s > 0 ? s : 0; }
    o.set(oNew);
    return r;
  }

  /**
   * SG coefficients (ca, cb) of the flux from a to b per area: F = ca n_a - cb n_b, for cells
   * a distance h apart with temperatures Ta, Tb and potentials pa, pb; written to this.ca, this.cb.
   */
  private sg(Ta: number, Tb: number, pa: number, pb: number, h: number, na: number, nb: number, soret: boolean, driftOnly = false, ea = this.p.ea, z = this.p.zIon): void {
    const p = this.p;
    const Tf = 0.5 * (Ta + Tb);
    const kT = KB * Tf;
    const gam = Math.exp(-ea / kT);
    const D = 0.5 * p.a * p.a * p.nu * gam;
    const E = (pa - pb) / h;
    // field-lowered barrier, capped at Ea: the hop rate never exceeds nu (sinh law otherwise);
    // a negative charge number z drifts against the field
    let low = (Math.abs(z) * Q * p.a * Math.abs(E)) / 2;
    if (low > ea) low = ea;
    // e^{-(Ea -+ low)/kT} = gam e^{+-low/kT}: one exponential for both
    const el = Math.exp(low / kT);
    let u = p.a * p.nu * (gam * el - gam / el) * ((z >= 0 ? E >= 0 : E < 0) ? 1 : -1);
    if (soret) u += p.soret * D * (ea / (kT * Tf)) * (Tb - Ta) / h;
    const nDown = u > 0 ? nb : na;
    let block = 1 - nDown / p.nMax;
    if (block < 0) block = 0;
    u *= block;
    if (driftOnly || !(D > 0)) { this.ca = u > 0 ? u : 0; this.cb = u < 0 ? -u : 0; return; }
    const pe = (u * h) / D;
    // B(-x) = B(x) + x: one expm1 for both coefficients (B of |pe| computed, the other a sum
    // of positive terms, no cancellation)
    const ap = pe >= 0 ? pe : -pe, bs = bernoulli(ap), bl = bs + ap;
    if (pe >= 0) { this.ca = (D / h) * bl; this.cb = (D / h) * bs; } else { this.ca = (D / h) * bs; this.cb = (D / h) * bl; }
  }

  /**
   * Backward-Euler transport matrix of one mobile species (vacancies or O ions) into this.A /
   * this.b: vol / dt on the diagonal and vol / dt * base on the right, plus the SG flux of every
   * interior face at this pass's psi and T (exclusion by the lagged density `dens`), with the
   * species' barrier ea, charge number z and the Soret flux when `soret`.
   */
  private assembleTransport(dens: Float64Array, base: Float64Array, dt: number, soret: boolean, ea: number, z: number): void {
    const { nx, nz, dx, ax, az, vol, T, psi, A, b } = this;
    const hzc = this.grid.hz;
    clearStencil(A);
    for (let k = 0; k < this.m; k++) { A.c[k] = vol[k] / dt; b[k] = vol[k] / dt * base[k]; }
    for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      if (i < nx - 1) {
        this.sg(T[k], T[k + 1], psi[k], psi[k + 1], dx, dens[k], dens[k + 1], soret, false, ea, z);
        const ga = ax[k] * this.ca, gb = ax[k] * this.cb;
        A.c[k] += ga; A.c[k + 1] += gb; A.e[k] += gb; A.w[k + 1] += ga;
      }
      if (j < nz - 1) {
        const kn = k + nx;
        this.sg(T[k], T[kn], psi[k], psi[kn], hzc[j], dens[k], dens[kn], soret, false, ea, z);
        const ga = az[k] * this.ca, gb = az[k] * this.cb;
        A.c[k] += ga; A.c[kn] += gb; A.n[k] += gb; A.s[kn] += ga;
      }
    }
  }
}
