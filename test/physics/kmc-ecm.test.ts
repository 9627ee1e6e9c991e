/**
 * ECM cell (Ag electrochemical metallization) and the epiRAM confinement pair: zero-field
 * detailed balance and symmetry of the pipe / binding masks, Ag conservation over a cycle,
 * determinism, the gap measure, parameter checks, and the pipe confining the filament.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcmCell, ECM_CELL_DEFAULTS } from '../../src/physics/kmc/ecm-cell.js';
import { ecmMasks, ecmModel, ECM_SWEEP } from '../../src/physics/kmc/ecm-confinement.js';
import { deviceCycles, setSweep, resetSweep } from '../../src/physics/kmc/switching-cycles.js';
import { KB, Q } from '../../src/units/constants.js';
import { Rng } from '../../src/rng/index.js';

/** Fraction of time one ion spends in the pipe columns of a closed lattice at zero field (redox switched off). */
function pipeTimeFraction(bindPipe: number, hops: number): { frac: number; w: number; nx: number } {
  const off = 50 * Q; // no reduction, oxidation, nucleation or anode exchange
  const p = { ...ECM_CELL_DEFAULTS, nx: 6, nz: 6, eRed: off, eAn: off, eNuc: off };
  const w = 2;
  const masks = ecmMasks(p, 'dislocation', 1, { pipeWidth: w, ePipe: 0.3 * Q, eBulk: 0.36 * Q });
  const lo = Math.floor(p.nx / 2) - 1;
  const bind = new Float64Array(p.nx * p.nz);
  for (let k = 0; k < bind.length; k++) { const i = k % p.nx; if (i >= lo && i < lo + w) bind[k] = bindPipe; }
  const d = new EcmCell(p, undefined, { ...masks, bind });
  d.st[0] = 1; d.markChanged();
  d.solveFields(0);
  const rng = new Rng(2);
  let tPipe = 0, tAll = 0;
  for (let n = 0; n < hops; n++) {
    const t0 = d.t;
    let k = 0; while (d.st[k] !== 1) k++;
    d.advance(Infinity, rng, 1);
    const dt = d.t - t0, i = k % p.nx;
    if (i >= lo && i < lo + w) tPipe += dt;
    tAll += dt;
  }
  assert.equal(d.count().ions, 1);
  return { frac: tPipe / tAll, w, nx: p.nx };
}

test('zero field, uniform temperature: a lower migration barrier in the pipe does not attract the ion (uniform occupancy)', () => {
  // detailed balance with hop-only masks: every site equally likely, whatever the barriers
  const r = pipeTimeFraction(0, 60000);
  // 60000 hops on 36 sites; 0.04 is ~5 standard errors of the time fraction
  assert.ok(Math.abs(r.frac - r.w / r.nx) < 0.04, `pipe fraction ${r.frac}, uniform ${r.w / r.nx}`);
});

test('zero field, uniform temperature: with a binding energy in the pipe the ion occupies it by its Boltzmann weight', () => {
  const b = 0.05 * Q, kT = KB * ECM_CELL_DEFAULTS.t0;
  const r = pipeTimeFraction(b, 60000);
  const e = Math.exp(b / kT), fExp = (r.w * e) / (r.w * e + (r.nx - r.w));
  assert.ok(Math.abs(r.frac - fExp) < 0.04, `pipe fraction ${r.frac}, Boltzmann ${fExp}`);
});

test('Ag is conserved: film ions + metal = Ag taken from the anode, through forming, RESET and SET (both cells)', () => {
  const p = ECM_CELL_DEFAULTS;
  for (const kind of ['dislocation', 'control'] as const) {
    const d = new EcmCell(p, undefined, ecmMasks(p, kind, 4));
    const rng = new Rng(4).stream('kmc');
    const check = (stage: string) => { const c = d.count(); assert.equal(c.ions + c.metal, d.fromAnode, `${kind} after ${stage}: ${c.ions} ions + ${c.metal} metal vs ${d.fromAnode} from the anode`); };
    check('start');
    const vf = setSweep(d, rng, ECM_SWEEP.vForm, ECM_SWEEP);
    assert.ok(Number.isFinite(vf), `${kind} formed`); check('forming');
    assert.ok(d.fromAnode > 0);
    const vr = resetSweep(d, rng, ECM_SWEEP.vResetMax, ECM_SWEEP);
    assert.ok(Number.isFinite(vr) && vr < 0, `${kind} RESET at ${vr}`); check('RESET');
    assert.ok(Number.isFinite(setSweep(d, rng, ECM_SWEEP.vSetMax, ECM_SWEEP)), `${kind} SET`); check('SET');
    assert.ok(d.eventCounts[4] > 0 && d.eventCounts[5] > 0 && d.eventCounts[6] > 0, 'reduction, oxidation and anode exchange all occurred');
  }
});

test('ECM cycles are deterministic per seed and differ between seeds', () => {
  const p = ECM_CELL_DEFAULTS;
  const run = (seed: number) => deviceCycles(ecmModel(p, ecmMasks(p, 'control', seed)), seed, 2, ECM_SWEEP);
  const a = run(3), b = run(3), c = run(5);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.cycles.map((x) => x.vSet), c.cycles.map((x) => x.vSet));
});

test('gap: fewest non-metal sites on a path between the electrodes', () => {
  const p = { ...ECM_CELL_DEFAULTS, nx: 5, nz: 6 };
  const d = new EcmCell(p);
  assert.equal(d.filamentGap(), p.nz * p.a);
  // a metal column in x = 1 with one empty site at z = 3, and a metal site beside the hole
  for (let j = 0; j < p.nz; j++) d.st[j * p.nx + 1] = 2;
  d.st[3 * p.nx + 1] = 0;
  assert.equal(d.filamentGap(), p.a);
  assert.ok(!d.bridged() && d.ruptured());
  // an ion in the hole: still broken for SET, but not a rupture (it re-reduces in place)
  d.st[3 * p.nx + 1] = 1;
  assert.ok(!d.bridged() && !d.ruptured());
  // a detour through metal closes the gap
  d.st[3 * p.nx + 1] = 0; d.st[2 * p.nx + 2] = 2; d.st[3 * p.nx + 2] = 2; d.st[4 * p.nx + 2] = 2;
  assert.equal(d.filamentGap(), 0);
  assert.ok(d.bridged());
});

test('bad ECM parameters and masks are rejected with the field named', () => {
  assert.throws(() => new EcmCell({ ...ECM_CELL_DEFAULTS, alpha: 2 }), /alpha = 2/);
  assert.throws(() => new EcmCell({ ...ECM_CELL_DEFAULTS, eRed: NaN }), /eRed = NaN/);
  assert.throws(() => new EcmCell({ ...ECM_CELL_DEFAULTS, nx: 0 }), /nx = 0/);
  const hop = new Float64Array(ECM_CELL_DEFAULTS.nx * ECM_CELL_DEFAULTS.nz).fill(0.5 * Q); hop[7] = NaN;
  assert.throws(() => new EcmCell(ECM_CELL_DEFAULTS, undefined, { hop }), /hop\[7\] = NaN/);
  assert.throws(() => ecmMasks(ECM_CELL_DEFAULTS, 'dislocation', 1, { pipeWidth: 0 }), /pipeWidth = 0/);
});

test('dislocation cell: the filament forms inside the pipe, and the RESET leaves the Ag in the film (the next SET closes a short break at a lower voltage)', () => {
  const p = ECM_CELL_DEFAULTS;
  for (const seed of [1, 2]) {
    const mo = { pipeWidth: 4 };
    const d = new EcmCell(p, undefined, ecmMasks(p, 'dislocation', seed, mo));
    const rng = new Rng(seed).stream('kmc');
    const vForm = setSweep(d, rng, ECM_SWEEP.vForm, ECM_SWEEP);
    const lo = Math.floor(p.nx / 2) - 2;
    for (let k = 0; k < (p.nz - 1) * p.nx; k++) if (d.st[k] === 2) { const i = k % p.nx; assert.ok(i >= lo && i < lo + mo.pipeWidth, `metal outside the pipe at column ${i}, row ${(k - i) / p.nx}`); }
    resetSweep(d, rng, ECM_SWEEP.vResetMax, ECM_SWEEP);
    const metal = d.count().metal, gap = d.filamentGap() / p.a;
    assert.ok(metal >= p.nz && gap <= 3, `seed ${seed}: ${metal} metal sites and a ${gap}-site break after RESET`);
    const vSet = setSweep(d, rng, ECM_SWEEP.vSetMax, ECM_SWEEP);
    assert.ok(vSet < 0.6 * vForm, `seed ${seed}: V_set ${vSet} V, V_form ${vForm} V`);
  }
});

/** Rows spanned by the Ag joined through Ag to the inert (bottom) electrode (0: none). */
function inertSideRows(d: EcmCell): number {
  const { nx, nz } = d.p, seen = new Uint8Array(nx * nz), stack: number[] = [];
  let top = -1;
  for (let i = 0; i < nx; i++) if (d.st[i] === 2) { seen[i] = 1; stack.push(i); }
  while (stack.length) {
    const k = stack.pop()!, i = k % nx, j = (k - i) / nx;
    top = Math.max(top, j);
    for (const q of [i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1, j > 0 ? k - nx : -1, j < nz - 1 ? k + nx : -1]) if (q >= 0 && !seen[q] && d.st[q] === 2) { seen[q] = 1; stack.push(q); }
  }
  return top + 1;
}

test('RESET swept on to a deeper stop voltage: the Ag on the inert-electrode side dissolves onto the anode side, the break moves to the inert electrode and stays one site', () => {
  const p = ECM_CELL_DEFAULTS;
  for (const seed of [1, 2]) {
    const rows: number[] = [], gaps: number[] = [];
    for (const stop of [1.5, 6]) {
      const d = new EcmCell(p, undefined, ecmMasks(p, 'dislocation', seed));
      const rng = new Rng(seed).stream('kmc'), o = { ...ECM_SWEEP, vResetStop: stop, vResetMax: Math.max(ECM_SWEEP.vResetMax, stop) };
      setSweep(d, rng, o.vForm, o);
      const ag = d.count().metal + d.count().ions;
      resetSweep(d, rng, o.vResetMax, o);
      assert.equal(d.count().metal + d.count().ions, ag, `seed ${seed}, stop ${stop} V: the Ag stays in the film`);
      rows.push(inertSideRows(d)); gaps.push(Math.round(d.filamentGap() / p.a));
    }
    assert.ok(rows[0] >= 1 && rows[1] === 0, `seed ${seed}: Ag rows on the inert electrode after RESET to -1.5 / -6 V: ${rows.join(' / ')}`);
    assert.deepEqual(gaps, [1, 1], `seed ${seed}: post-RESET gaps ${gaps.join(' / ')} sites`);
  }
});
