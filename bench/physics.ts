/**
 * Physics-level benchmark (issue 4): a continuum SET simulation on a 100 x 100 grid (time to
 * solution and cell-updates per second; one cell-update = one cell through one time step of
 * the coupled potential / heat / ion solves) and KMC events per second on a 10^5-site lattice.
 * usage: node dist/bench/physics.js [--quick]
 * @module bench/physics
 */
import { ContinuumSolver } from '../src/physics/continuum/solver.js';
import { resolveContinuumParams } from '../src/physics/continuum/params.js';
import { runContinuum } from '../src/physics/continuum/run.js';
import { VcmLattice, VCM_DEFAULTS } from '../src/physics/kmc/vcm-lattice.js';
import { Rng } from '../src/rng/index.js';

const quick = process.argv.includes('--quick');
// the 100 x 100 SET is run once in both modes (about 1.5 min here: 2285 accepted, 589 rejected
// steps, 4.1e5 Krylov iterations, 91 s, 3.1e5 cell-updates/s, V_set 2.150 V, with the modified
// ILU(0) of the PCG solves and fused PCG loops; 2284 / 626 / 9.0e5 and 214-253 s, 1.15e5
// cell-updates/s with plain ILU(0), with the non-contracting-Picard rejection; 2215 / 512 / 8.5e5 and 218 s before it; 314 s, 1353 rejected, 1.13e6 iterations
// before the two-pass disagreement entered the step control); the full mode adds the 40 x 40 run and compares
// the two Krylov preconditioners on it
const setRuns: Array<{ n: number; pc: 'ilu' | 'line' }> = quick ? [{ n: 100, pc: 'ilu' }] : [{ n: 40, pc: 'line' }, { n: 40, pc: 'ilu' }, { n: 100, pc: 'ilu' }];
let t0 = 0, wall = 0;
for (const { n, pc } of setRuns) {
  const p = resolveContinuumParams({ nx: n, nz: n });
  const s = new ContinuumSolver(p, pc);
  t0 = performance.now();
  // SET / forming: 1 V/ms ramp to 3 V, stopped when the compliance (50 uA) is reached
  const r = runContinuum(s, { waveform: { t: [0, 3e-3], v: [0, 3] }, tEnd: 3e-3, dtMax: 1, maxSteps: 5000, stop: (q) => q.compliant });
  wall = (performance.now() - t0) / 1000;
  const vEnd = r.columns.vs.length > 0 ? r.columns.vs[r.columns.vs.length - 1].toFixed(3) : 'n/a';
  console.log(`continuum SET ${n}x${n} (${pc} preconditioner): status ${r.status}, V_set ${vEnd} V, ${r.steps} steps (${r.rejected} rejected), ${r.iterations} Krylov iterations, time to solution ${wall.toFixed(2)} s, ${((r.steps + r.rejected) * n * n / wall).toExponential(2)} cell-updates/s`);
}

// the 1e5-site lattice in both modes; --quick only draws fewer events
const nx = 1000, nz = 100;
const d = new VcmLattice({ ...VCM_DEFAULTS, nx, nz, fill0: 0.2, updateEvery: 1e12 }, new Rng(1));
d.solveFields(0);
const rng = new Rng(2);
const events = quick ? 2e5 : 2e6;
t0 = performance.now();
d.advance(Infinity, rng, events);
wall = (performance.now() - t0) / 1000;
console.log(`KMC ${nx * nz} sites (${nx}x${nz}, 7 event types per site, Fenwick selection): ${events} events in ${wall.toFixed(2)} s = ${(events / wall).toExponential(2)} events/s`);
