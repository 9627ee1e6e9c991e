/**
 * Study behind the Fig. 8g,h card (filament shape after a high vs a low SET voltage): the
 * outline (length L and mean width W, interpolated, at 0.1 / 0.2 / 0.3 nMax) of both states at
 * the same read conductance, for the initial states and activation energies tried, on the
 * report's grid (32 x 20) and with --fine on 64 x 40. Prints one line per case and grid.
 *   seed       the report's protocol: fresh seeded film, Ea 0.6 eV, 2.5 / 1.6 V to 3 uS
 *   hrs        formed, RESET (-1.5 V) to 2 uS, then 2.5 / 1.6 V to 6 uS (Ea 0.6 eV)
 *   seed-ea08  fresh seeded film with Ea 0.8 eV (heat-localised motion), 3.5 / 3.0 V to 3 uS
 *   gen        the report's protocol on the cell with field-driven vacancy generation
 *              (SHAPE_CELL: E_G 1.5 eV, p 3.2 e nm), tolerance 1/2
 *   gen-pP     the same with the generation dipole p = P e nm (e.g. gen-p2.4: the window scan)
 *   gen-hrs    the hrs protocol with generation (forming and RESET with it too)
 * Without generation none of the first three gives the review's shapes; with it, the 2.5 V state
 * is a thin thread made by generation, longer and narrower (see the Fig. 8g,h card).
 * usage: node dist/bench/fig8gh-study.js [--fine | --grids 32x20,48x30,64x40] [--case seed,hrs,seed-ea08,gen,gen-p2.4]
 * About 30 s on the report's grid, several minutes with --fine (2-core machine).
 * @module bench/fig8gh-study
 */
import { resolveContinuumParams, type ContinuumParams } from '../src/physics/continuum/params.js';
import { setShape, FILAMENT_CELL, FIG8_GENERATION, type SetShapeOptions } from '../src/physics/continuum/scenarios.js';
import { E_NM } from '../src/physics/continuum/params.js';
import { filamentGeometry } from '../src/physics/continuum/metrics.js';
import { ContinuumSolver } from '../src/physics/continuum/solver.js';

const EV = 1.602176634e-19;
const arg = (name: string): string | undefined => { const k = process.argv.indexOf(name); return k >= 0 ? process.argv[k + 1] : undefined; };
const gridArg = arg('--grids') ?? (process.argv.includes('--fine') ? '32x20,64x40' : '32x20');
const grids = gridArg.split(',').map((g) => {
  const [nx, nz] = g.split('x').map(Number);
  if (!(nx >= 3 && nz >= 3)) throw new RangeError(`--grids ${g}: expected NXxNZ, e.g. 48x30`);
  return { nx, nz };
});
const cases: Record<string, { set: Record<string, number>; o: SetShapeOptions }> = {
  seed: { set: {}, o: { vHigh: 2.5, vLow: 1.6, gTarget: 3e-6, tolScale: 0.25 } },
  hrs: { set: {}, o: { from: 'hrs', vHigh: 2.5, vLow: 1.6, gTarget: 6e-6, tolScale: 0.5 } },
  'seed-ea08': { set: { ea: 0.8 * EV }, o: { vHigh: 3.5, vLow: 3.0, gTarget: 3e-6, tMax: 2, tolScale: 0.5 } },
  gen: { set: { ...FIG8_GENERATION }, o: { vHigh: 2.5, vLow: 1.6, gTarget: 3e-6, tolScale: 0.5 } },
  'gen-hrs': { set: { ...FIG8_GENERATION }, o: { from: 'hrs', vHigh: 2.5, vLow: 1.6, gTarget: 6e-6, tolScale: 0.5 } },
};
const chosen = (arg('--case') ?? 'seed,hrs,seed-ea08,gen').split(',');
for (const name of chosen) {
  const pm = /^gen-p([0-9.]+)$/.exec(name);
  const c = pm ? { set: { ...FIG8_GENERATION, pGen: Number(pm[1]) * E_NM }, o: cases.gen.o } : cases[name];
  if (!c || (pm && !(Number(pm[1]) >= 0 && Number(pm[1]) <= 6))) throw new RangeError(`--case ${name}: expected one of ${Object.keys(cases).join(', ')} or gen-pP (P in e nm, 0-6)`);
  for (const g of grids) {
    const p: ContinuumParams = resolveContinuumParams({ ...FILAMENT_CELL, ...g, ...c.set }, 'study');
    const t0 = performance.now();
    const r = setShape(p, { ...c.o, probe: false });
    const wall = (performance.now() - t0) / 1000;
    const geo = new ContinuumSolver(p);
    const cols = [r.high, r.low].map((b) => {
      const lw = [0.1, 0.2, 0.3].map((f) => { const x = filamentGeometry(geo, f, b.snapshot.n); return `${(x.length * 1e9).toFixed(2)}/${(x.width * 1e9).toFixed(2)}`; }).join(' ');
      const tEnd = Math.max(...b.snapshot.T);
      return `${b.v} V ${b.status} t ${b.time.toExponential(2)} s, G ${(b.g * 1e6).toFixed(2)} uS, T at stop ${tEnd.toFixed(0)} K, L/W nm at 0.1 0.2 0.3 nMax: ${lw}`;
    });
    console.log(`${name} ${g.nx}x${g.nz} (${wall.toFixed(1)} s)\n  ${cols.join('\n  ')}`);
  }
}
