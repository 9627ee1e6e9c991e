/**
 * Study behind the B1 card's RESET remark (measurements.md B1, epiRAM pair on the Ag ECM cell):
 * does a RESET swept on to a deeper fixed stop voltage (a DC sweep runs past the rupture to its
 * programmed end, as every measured I-V does) widen the post-RESET gap, so that the next SET has
 * to regrow the filament over many hops? The same cycles as the Figs. 11-12 panel (forming, then
 * RESET / SET sweeps of ECM_SWEEP, the same seeds and streams as deviceCycles) for each RESET
 * stop voltage, both cells of the pair. Per stop voltage and cell it prints the C2C / D2D CV and
 * mean of V_set, the C2C CV of V_reset, C2C / D2D CV of R_on and R_off, the post-RESET gap
 * histogram (sites), where the break sits (the height in rows of the Ag still joined to the
 * inert electrode: 0 = the break is at the inert electrode, all the Ag hangs from the Ag anode),
 * and the share of high outliers (V_set above 1.25 x the device median).
 * usage: node dist/bench/ecm-reset-study.js [--stops 1.5,3,6] [--devices 6] [--cycles 10] [--seed 1]
 * About 8 s per stop voltage at 6 x 10 and 30-40 s at 10 x 20 (2-core machine), except the a-Si
 * cell at -1.5 V and 10 x 20: ~12 min, spent in device 9, whose hot filament flickers through
 * ~10^5-10^6 oxidation / re-reduction pairs (each with a field solve) before some RESETs.
 * @module bench/ecm-reset-study
 */
import { Rng } from '../src/rng/rng.js';
import { ECM_CELL_DEFAULTS, type EcmCell } from '../src/physics/kmc/ecm-cell.js';
import { ecmModel, ecmMasks, ECM_SWEEP, type EcmKind } from '../src/physics/kmc/ecm-confinement.js';
import { setSweep, resetSweep, readR, variability, type SweepOptions } from '../src/physics/kmc/switching-cycles.js';

const arg = (name: string, def: string): string => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : def; };
const stops = arg('--stops', '1.5,3,6').split(',').map(Number);
const nDev = Number(arg('--devices', '6')), nCyc = Number(arg('--cycles', '10')), seed0 = Number(arg('--seed', '1'));
for (const [f, v] of [['--devices', nDev], ['--cycles', nCyc], ['--seed', seed0]] as const) if (!Number.isInteger(v) || v < 1) throw new RangeError(`${f} ${v}: expected an integer >= 1`);
for (const s of stops) if (!(s > 0)) throw new RangeError(`--stops ${s}: expected positive voltages (V)`);
const p = ECM_CELL_DEFAULTS;

/** Rows spanned by the metal joined to the inert (bottom) electrode through metal (0: none). */
function stubHeight(d: EcmCell): number {
  const { nx, nz } = p, st = d.st, seen = new Uint8Array(nx * nz), stack: number[] = [];
  let top = -1;
  for (let i = 0; i < nx; i++) if (st[i] === 2) { seen[i] = 1; stack.push(i); }
  while (stack.length) {
    const k = stack.pop()!, i = k % nx, j = (k - i) / nx;
    if (j > top) top = j;
    for (const q of [i > 0 ? k - 1 : -1, i < nx - 1 ? k + 1 : -1, j > 0 ? k - nx : -1, j < nz - 1 ? k + nx : -1]) if (q >= 0 && !seen[q] && st[q] === 2) { seen[q] = 1; stack.push(q); }
  }
  return top + 1;
}

/** deviceCycles of switching-cycles.ts (same streams), with the break height after each RESET. */
function cycles(kind: EcmKind, seed: number, o: SweepOptions) {
  const model = ecmModel(p, ecmMasks(p, kind, seed));
  const root = new Rng(seed), d = model.make(root.stream('init')), rng = root.stream('kmc');
  setSweep(d, rng, o.vForm, o);
  const out = { vSet: [] as number[], vReset: [] as number[], rOn: [] as number[], rOff: [] as number[], gap: [] as number[], stub: [] as number[] };
  for (let c = 0; c < nCyc; c++) {
    out.vReset.push(resetSweep(d, rng, o.vResetMax, o));
    out.rOff.push(readR(d)); out.gap.push(Math.round(d.filamentGap() / p.a)); out.stub.push(stubHeight(d));
    out.vSet.push(setSweep(d, rng, o.vSetMax, o));
    out.rOn.push(readR(d));
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const hist = (xs: number[]) => { const h: Record<number, number> = {}; for (const x of xs) h[x] = (h[x] ?? 0) + 1; return Object.entries(h).map(([k, n]) => `${k}:${n}`).join(' '); };
const median = (xs: number[]) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`ECM pair, ${nDev} devices x ${nCyc} cycles from seed ${seed0}; RESET stop voltages ${stops.join(', ')} V`);
for (const stop of stops) {
  const o: SweepOptions = { ...ECM_SWEEP, vResetStop: stop, vResetMax: Math.max(ECM_SWEEP.vResetMax, stop) };
  const c2c: Record<string, number> = {};
  for (const kind of ['dislocation', 'control'] as EcmKind[]) {
    const t0 = Date.now();
    const runs = Array.from({ length: nDev }, (_, k) => cycles(kind, seed0 + k, o));
    const v = variability(runs.map((r) => r.vSet)), vr = variability(runs.map((r) => r.vReset));
    const on = variability(runs.map((r) => r.rOn)), off = variability(runs.map((r) => r.rOff));
    const high = runs.reduce((a, r) => { const m = median(r.vSet); return a + r.vSet.filter((x) => x > 1.25 * m).length; }, 0);
    c2c[kind] = v.c2c;
    console.log(`stop -${stop} V ${kind.padEnd(11)}: V_set C2C ${pct(v.c2c)} +- ${pct(v.c2cSe)}, D2D ${pct(v.d2d)}, mean ${v.mean.toFixed(2)} V, failed ${v.failed}, high outliers ${high}/${nDev * nCyc}; V_reset C2C ${pct(vr.c2c)} (mean ${vr.mean.toFixed(2)} V); R_on C2C ${pct(on.c2c)} D2D ${pct(on.d2d)}; R_off C2C ${pct(off.c2c)} D2D ${pct(off.d2d)} (mean ${off.mean.toExponential(2)} Ohm); gap sites ${hist(runs.flatMap((r) => r.gap))}; Ag rows on the inert electrode ${hist(runs.flatMap((r) => r.stub))}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log(`stop -${stop} V: ratio control / dislocation C2C CV(V_set) ${(c2c.control / c2c.dislocation).toFixed(2)} (B1 needs >= 3, dislocation <= 2 %)`);
}
