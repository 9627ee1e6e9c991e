/**
 * Study behind the Fig. 8i and Fig. 8l checks (the response of a state to a later identical
 * SET probe) with one device physics for all of Fig. 8g-l: field-driven vacancy generation on
 * (FIG8_GENERATION) in both the SET-shape and the RESET-residue comparisons.
 *
 * For each case and grid the two states are made once (reset: forming, then -1.5 / -0.9 V to a
 * read G of 2 uS; shape: 2.5 / 1.6 V from the seeded film to 3 uS), then each probe amplitude is
 * applied to both states as one long pulse with snapshots at log-spaced times: a probe of
 * duration t is the first t of that pulse, so one run gives dG/G(t) of the read conductance for
 * all durations. Per snapshot: dG/G, net pairs made since the probe began, O ions in the film /
 * store, the axis gap (below 0.3 nMax) and the vacancies above n0 in the gap of the state before
 * the probe (footprint of that state).
 * Per state: the axis driving field and the potential drop across the gap at the probe
 * amplitude (first step), O ions in the film, residue.
 *   usage: node dist/bench/fig8l-study.js --case reset|shape [--grids 32x20:0.15,24x15:0.15]
 *          [--tol 1] [--probes 0.6,0.8,1.0] [--tend 2e-6] [--gen 0|1]
 * @module bench/fig8l-study
 */
import { resolveContinuumParams, type ContinuumParams } from '../src/physics/continuum/params.js';
import { form, pulseTo, FILAMENT_CELL, FIG8_GENERATION, RESET_TARGET_G } from '../src/physics/continuum/scenarios.js';
import { runContinuum } from '../src/physics/continuum/run.js';
import { filamentGeometry } from '../src/physics/continuum/metrics.js';
import { ContinuumSolver } from '../src/physics/continuum/solver.js';

const arg = (name: string): string | undefined => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const kase = arg('--case') ?? 'reset';
if (kase !== 'reset' && kase !== 'shape') throw new RangeError(`--case ${kase}: expected reset or shape`);
const grids = (arg('--grids') ?? (kase === 'reset' ? '32x20:0.15' : '32x20:0')).split(',').map((g) => {
  const [a, dzb] = g.split(':');
  const [nx, nz] = a.split('x').map(Number);
  if (!(nx >= 3 && nz >= 3)) throw new RangeError(`--grids ${g}: expected NXxNZ[:dzBottom nm]`);
  return { nx, nz, dzBottom: Number(dzb ?? 0) * 1e-9 };
});
const tol = Number(arg('--tol') ?? (kase === 'shape' ? 0.5 : 1));
const gen = Number(arg('--gen') ?? 1);
const probes = (arg('--probes') ?? (kase === 'reset' ? '0.6,0.8,1.0' : '1.0,1.3,1.6')).split(',').map(Number);
const tEnd = Number(arg('--tend') ?? (kase === 'reset' ? 2e-6 : 20e-6));
const times: number[] = [];
const tMin = Number(arg('--tmin') ?? tEnd * 1.5e-3);
for (let t = tEnd; t >= tMin * 0.999; t /= Math.sqrt(10)) times.unshift(t);

function gapAxisField(s: ContinuumSolver, v: number, thr: number): { eGap: number; dropGap: number; eMax: number } {
  // one tiny step at the probe amplitude gives psi and the driving field of the state
  const q = new ContinuumSolver(s.p); q.startFrom(s);
  q.step(v, 1e-12);
  let zTop = 0;
  for (let j = 0; j < q.nz; j++) { if (q.n[j * q.nx] / q.p.nMax >= thr) break; zTop = q.grid.zFace[j + 1]; }
  let e = 0, h = 0, eMax = 0, drop = 0;
  for (let j = 0; j < q.nz; j++) {
    const k = j * q.nx;
    if (q.eDrive[k] > eMax) eMax = q.eDrive[k];
    if (q.grid.zFace[j + 1] <= zTop + 1e-15) { e += q.eDrive[k] * q.dzRow[j]; h += q.dzRow[j]; drop = q.psi[k + q.nx] ?? q.vDev; }
  }
  return { eGap: h > 0 ? e / h : 0, dropGap: drop, eMax };
}

function residue(s: ContinuumSolver, n: Float64Array, thr: number): number {
  return filamentGeometry(s, thr, n).gapIons;
}

for (const g of grids) {
  const p: ContinuumParams = resolveContinuumParams({ ...FILAMENT_CELL, nx: g.nx, nz: g.nz, dzBottom: g.dzBottom, ...(gen ? FIG8_GENERATION : {}) }, 'study');
  const t0 = performance.now();
  const states: Array<{ v: number; s: ContinuumSolver }> = [];
  if (kase === 'reset') {
    const base = new ContinuumSolver(p);
    const f = form(base, 3);
    const q: ContinuumParams = { ...p, complianceReset: 1 };
    console.log(`# ${kase} ${g.nx}x${g.nz} dzb ${g.dzBottom * 1e9} nm tol ${tol} gen ${gen}: forming ${f.steps} steps (${f.rejected} rej), pairs ${base.pairsMade.toFixed(2)}, LRS G ${(base.readConductance() * 1e6).toFixed(1)} uS, O film ${base.totalOxygen().film.toFixed(2)} store ${base.totalOxygen().store.toFixed(2)}`);
    for (const v of [1.5, 0.9]) {
      const { s, r } = pulseTo(q, base, -v, RESET_TARGET_G, 1, undefined, { tolScale: tol });
      states.push({ v: -v, s });
      console.log(`#  RESET -${v} V ${r.status} t ${s.t.toExponential(2)} s, ${r.steps} steps (${r.rejected} rej), pairs ${s.pairsMade.toFixed(2)}`);
    }
  } else {
    const base = new ContinuumSolver(p);
    console.log(`# ${kase} ${g.nx}x${g.nz} dzb ${g.dzBottom * 1e9} nm tol ${tol} gen ${gen}`);
    for (const v of [2.5, 1.6]) {
      const { s, r } = pulseTo(p, base, v, 3e-6, 1e-1, undefined, { tolScale: tol });
      states.push({ v, s });
      console.log(`#  SET ${v} V ${r.status} t ${s.t.toExponential(2)} s, ${r.steps} steps (${r.rejected} rej), pairs ${s.pairsMade.toFixed(2)}`);
    }
  }
  const thr = kase === 'reset' ? 0.3 : 0.1;
  for (const st of states) {
    const s = st.s, geo = filamentGeometry(s, thr), ox = s.totalOxygen();
    console.log(`#  state ${st.v} V: G ${(s.readConductance() * 1e6).toFixed(3)} uS, gap ${(geo.gap * 1e9).toFixed(2)} nm, L ${(geo.length * 1e9).toFixed(2)} nm, W ${(geo.width * 1e9).toFixed(2)} nm, residue(0.3) ${residue(s, s.n, 0.3).toFixed(2)}, O film ${ox.film.toFixed(2)} store ${ox.store.toFixed(2)}, ions ${s.totalIons().toFixed(1)}`);
    for (const vp of probes) {
      const f = gapAxisField(s, vp, thr);
      console.log(`#    at ${vp} V: axis driving field in gap ${(f.eGap / 1e8).toFixed(2)}e8 V/m, max ${(f.eMax / 1e8).toFixed(2)}e8 V/m, psi at gap top ${f.dropGap.toFixed(3)} V`);
    }
  }
  console.log('probeV stateV t dG/G pairs Ofilm Ofilm0 gap0.3nm residue0.3 tMaxK');
  for (const vp of probes) {
    for (const st of states) {
      const s = new ContinuumSolver(p); s.startFrom(st.s);
      const g0 = st.s.readConductance();
      const ox0 = st.s.totalOxygen();
      const w = { t: [0, 1e-9, tEnd], v: [0, vp, vp] };
      const pt: number[] = [], pv: number[] = [];
      const r = runContinuum(s, { waveform: w, tEnd, dtMax: 1, dtSegment: 0.01 * tol, dnTol: 0.02 * tol, dTTol: 50 * tol, gTol: 0.05, maxSteps: 40000, snapshotTimes: times, progressEvery: 1, onProgress: (q) => { pt.push(q.t); pv.push(q.pairsMade); } });
      const pairsAt = (t: number) => { let x = 0; for (let k = 0; k < pt.length && pt[k] <= t * (1 + 1e-9); k++) x = pv[k]; return x; };
      const rd = new ContinuumSolver(p);
      let ti = 0;
      for (const snap of r.snapshots) {
        rd.n.set(snap.n);
        const gr = rd.readConductance();
        let of = 0; for (let k = 0; k < rd.m; k++) of += snap.o[k] * rd.vol[k];
        const geo = filamentGeometry(rd, 0.3, snap.n);
        // the max temperature column up to this snapshot
        let tm = 0; for (; ti < r.columns.t.length && r.columns.t[ti] <= snap.t * (1 + 1e-9); ti++) tm = Math.max(tm, r.columns.tMax[ti]);
        console.log(`${vp} ${st.v} ${snap.t.toExponential(2)} ${((gr - g0) / g0).toFixed(4)} ${pairsAt(snap.t).toFixed(2)} ${of.toFixed(2)} ${ox0.film.toFixed(2)} ${(geo.gap * 1e9).toFixed(2)} ${residue(rd, snap.n, 0.3).toFixed(2)} ${tm.toFixed(0)}`);
      }
      console.log(`#   probe ${vp} V from ${st.v}: ${r.status}, ${r.steps} steps (${r.rejected} rej), pairs made over the probe ${s.pairsMade.toFixed(2)}, O film ${s.totalOxygen().film.toFixed(2)} store ${s.totalOxygen().store.toFixed(2)}`);
    }
  }
  console.log(`# wall ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
