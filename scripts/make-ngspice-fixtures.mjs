// Writes reference fixtures from ngspice (Debian package `ngspice`) for linear-drift, vteam
// and yakopcic: each model as behavioural B-sources with its state on a 1 F capacitor (the
// pattern of shared/baselines/device/memristor.sub), driven by the same two-cycle triangular
// PWL waveform nanoionics uses, run with `ngspice -b` at two maximum steps (h and h/2).
// The fixture keeps the fine run on a uniform grid and the largest fine-vs-coarse difference
// as an estimate of ngspice's own truncation error (trapezoidal, error ~ h^2).
// Usage: npm run build && node scripts/make-ngspice-fixtures.mjs   (writes test/fixtures/ngspice/*.json)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPreset, getModel } from '../dist/src/devices/catalogue.js';
import { resolveParams } from '../dist/src/devices/params.js';

const OUT = 'test/fixtures/ngspice';
const GRID = 400; // output points per fixture

/** Two bipolar triangular cycles 0 -> a -> 0 -> b -> 0, SET polarity first. */
function pwl(vSet, vReset, period) {
  const q = period / 4, pts = [[0, 0]];
  for (let c = 0; c < 2; c++) pts.push([c * period + q, vSet], [c * period + 2 * q, 0], [c * period + 3 * q, vReset], [(c + 1) * period, 0]);
  return pts;
}
function params(presetId, set = {}) {
  const pr = getPreset(presetId), m = getModel(pr.model);
  const r = resolveParams(m, pr, set, 'set');
  const o = {};
  m.params.forEach((p, k) => { o[p.name] = r.values[k]; });
  return o;
}
const num = (x) => x.toPrecision(17);
/** ngspice expression of the bound gate of devices/bound-gate (phi = tanh(d/eps)^2 for d > 0). */
const phi = (d, eps) => `((${d}) > 0 ? tanh((${d})/${num(eps)})*tanh((${d})/${num(eps)}) : 0)`;
const gateExpr = (rate, x, lo, hi, eps) => `((${rate}) > 0 ? (${rate})*${phi(`${num(hi)}-${x}`, eps)} : (${rate})*${phi(`${x}-${num(lo)}`, eps)})`;

const cases = [
  {
    id: 'linear-drift', preset: 'hp-tio2-strukov2008', set: {},
    // state node x = doped fraction; Joglekar p = 1 window
    build(p) {
      const r = `(${num(p.ron)}*v(x)+${num(p.roff)}*(1-v(x)))`;
      const k = num((p.muv * p.ron) / (p.d * p.d));
      return { scale: 1, x0: p.x0, dev: `v(p)/${r}`, rate: `${k}*(v(p)/${r})*(1-(2*v(x)-1)*(2*v(x)-1))` };
    },
  },
  {
    id: 'vteam', preset: 'vteam-memtorch', set: { x0: '1.5 nm' },
    // state node x in nm (node voltages near 1e-9 would sit below ngspice's vntol)
    build(p) {
      const s = 1e9, xon = p.xon * s, xoff = p.xoff * s;
      const r = `(${num(p.ron)}+${num(p.roff - p.ron)}*(v(x)-${num(xon)})/${num(xoff - xon)})`;
      const uoff = `(v(p)/${num(p.voff)}-1)`, uon = `(v(p)/${num(p.von)}-1)`;
      const pw = (u, a) => Array(a).fill(u).join('*');
      const rate = `(v(p) > ${num(p.voff)} ? ${num(p.koff * s)}*${pw(uoff, p.alphaoff)} : (v(p) < ${num(p.von)} ? ${num(p.kon * s)}*${pw(uon, p.alphaon)} : 0))`;
      return { scale: s, x0: p.x0 * s, dev: `v(p)/${r}`, rate: gateExpr(rate, 'v(x)', xon, xoff, p.gateEps * (xoff - xon)) };
    },
  },
  {
    id: 'yakopcic', preset: 'yakopcic-knowm', set: {},
    build(p) {
      const g = `(v(p) > ${num(p.vp)} ? ${num(p.ap)}*(exp(v(p))-${num(Math.exp(p.vp))}) : (v(p) < ${num(-p.vn)} ? ${num(-p.an)}*(exp(-v(p))-${num(Math.exp(p.vn))}) : 0))`;
      const fp = `(v(x) >= ${num(p.xp)} ? exp(${num(-p.alphap)}*(v(x)-${num(p.xp)}))*((${num(p.xp)}-v(x))/${num(1 - p.xp)}+1) : 1)`;
      const fn = `(v(x) <= ${num(1 - p.xn)} ? exp(${num(p.alphan)}*(v(x)+${num(p.xn - 1)}))*(v(x)/${num(1 - p.xn)}) : 1)`;
      const f = `(${num(p.eta)}*v(p) >= 0 ? ${fp} : ${fn})`;
      const dev = `(v(p) >= 0 ? ${num(p.a1)} : ${num(p.a2)})*v(x)*sinh(${num(p.b)}*v(p))`;
      return { scale: 1, x0: p.x0, dev, rate: gateExpr(`${num(p.eta)}*${g}*${f}`, 'v(x)', 0, 1, 1e-3) };
    },
  },
];

function runNgspice(dir, name, b, points, tEnd, tmax) {
  const src = `PWL(${points.map(([t, v]) => `${num(t)} ${num(v)}`).join(' ')})`;
  const step = tEnd / GRID;
  const net = `* nanoionics reference: ${name}
V1 p 0 ${src}
Bstate 0 x I = ${b.rate}
Cx x 0 1 IC=${num(b.x0)}
Rleak x 0 1e18
Bdev p 0 I = ${b.dev}
.options reltol=1e-7 abstol=1e-18 vntol=1e-12 chgtol=1e-20 trtol=1 interp
.tran ${num(step)} ${num(tEnd)} 0 ${num(tmax)} uic
.control
run
wrdata ${join(dir, name)}.txt v(x) i(V1)
.endc
.end
`;
  const f = join(dir, `${name}.cir`);
  writeFileSync(f, net);
  // -b with a .control block: ngspice exits 1 ("no .print lines") after running the block
  try { execFileSync('ngspice', ['-b', f], { stdio: ['ignore', 'ignore', 'pipe'] }); } catch (e) { if (!existsSync(join(dir, `${name}.txt`))) throw e; }
  const rows = readFileSync(join(dir, `${name}.txt`), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  // wrdata writes "t v(x) t i(V1)" per row; i(V1) is the source current (negative of the device current)
  return { t: rows.map((r) => r[0]), x: rows.map((r) => r[1] / b.scale), i: rows.map((r) => -r[3]) };
}

mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'ngspice-fix-'));
const version = execFileSync('ngspice', ['-v'], { encoding: 'utf8' }).split('\n').find((l) => /ngspice/i.test(l))?.trim() ?? 'ngspice';
for (const c of cases) {
  const pr = getPreset(c.preset);
  const sw = pr.sweep;
  const points = pwl(sw.vSet, sw.vReset, sw.period);
  const tEnd = 2 * sw.period;
  const b = c.build(params(c.preset, c.set));
  const h = tEnd / 40000;
  const fine = runNgspice(dir, `${c.id}-fine`, b, points, tEnd, h / 2);
  const coarse = runNgspice(dir, `${c.id}-coarse`, b, points, tEnd, h);
  let ex = 0, ei = 0;
  const n = Math.min(fine.t.length, coarse.t.length);
  for (let k = 0; k < n; k++) {
    ex = Math.max(ex, Math.abs(fine.x[k] - coarse.x[k]));
    ei = Math.max(ei, Math.abs(fine.i[k] - coarse.i[k]));
  }
  const fixture = {
    model: c.id, preset: c.preset, set: c.set, points, tEnd,
    generator: `scripts/make-ngspice-fixtures.mjs, ${version}, trapezoidal, max step ${h / 2} s (coarse run ${h} s)`,
    ngspiceError: { x: ex, i: ei, note: 'max |fine - coarse| over the grid; trapezoidal error ~ h^2, so the fine run is ~4x better' },
    t: fine.t, x: fine.x, i: fine.i,
  };
  writeFileSync(join(OUT, `${c.id}.json`), JSON.stringify(fixture));
  console.log(`${c.id}: ${fine.t.length} points, ngspice fine-vs-coarse |dx| ${ex.toExponential(2)}, |di| ${ei.toExponential(2)} A`);
}
