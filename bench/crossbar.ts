/**
 * Crossbar benchmark: the N x N linear 1R array of ../shared/baselines (1 Ohm segments on every
 * row and column line, conductances U[1 uS, 100 uS], row voltages U[0, 0.2] V, seeded; rows
 * driven at their first cell, columns grounded at their last cell) solved by nanoionics
 * (matrix-free CG with the line preconditioner), side by side in the same run with SciPy
 * (spsolve and CG + line preconditioner, on the very same G and V written to disk) and with
 * ngspice .op on the exported deck for small N. Column currents are compared. Also one nonlinear
 * 1S1R array (baseline-sinh memory + sinh selector) solved to convergence.
 *
 * usage: node dist/bench/crossbar.js [--sizes 64,128,256,512,1024] [--ngspice-sizes 16,32,64]
 *        [--scipy-methods cg-line,spsolve] [--scipy-max 512] [--rtol 1e-14] [--nonlinear 256] [--json FILE]
 * Each size also runs nanoionics with the block symmetric Gauss-Seidel preconditioner (cg-sgs;
 * XB_LINEAR=cg-sgs in the child), compared with the cg-line currents.
 * Every nanoionics case runs in a fresh child process (`--case N`) so that its peak RSS
 * (process.resourceUsage().maxRSS) is its own.
 * @module bench/crossbar
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CrossbarSystem } from '../src/circuit/crossbar-system.js';
import { ConductanceElement } from '../src/circuit/crossbar-cells.js';
import { CrossbarDrive } from '../src/circuit/crossbar-geometry.js';
import { buildCells } from '../src/circuit/crossbar-build.js';
import { crossbarNetlist, parsePrintAll } from '../src/circuit/spice-export.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { Rng } from '../src/rng/rng.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCIPY = join(HERE, '..', '..', 'bench', 'crossbar_scipy.py');

/** The seeded problem of size n. */
export function problem(n: number): { g: Float64Array; v: Float64Array } {
  const r = new Rng(2024).stream(`crossbar:${n}`), g = new Float64Array(n * n), v = new Float64Array(n);
  for (let k = 0; k < g.length; k++) g[k] = r.uniform(1e-6, 1e-4);
  for (let i = 0; i < n; i++) v[i] = r.uniform(0, 0.2);
  return { g, v };
}

function drive(n: number, v: Float64Array): CrossbarDrive {
  const d = new CrossbarDrive(n, n);
  for (let i = 0; i < n; i++) d.word(i, 0, v[i]);
  for (let j = 0; j < n; j++) d.bit(j, 1, 0);
  return d;
}

/** Child-process case: solve once, write currents, print JSON. */
function runCase(n: number, rtol: number, outFile: string): void {
  const { g, v } = problem(n);
  const t0 = performance.now();
  const sys = new CrossbarSystem({ rows: n, cols: n, rWord: 1, rBit: 1 }, new ConductanceElement(g), { linear: (process.env.XB_LINEAR as 'cg-line' | 'cg-sgs' | 'cg-schur' | undefined) ?? 'cg-line', rtol });
  sys.setDrive(drive(n, v));
  const t1 = performance.now(), c1 = process.cpuUsage();
  const r = sys.solve();
  const t2 = performance.now(), c2 = process.cpuUsage(c1);
  const s = sys.sourceCurrents(), cur = new Float64Array(n);
  for (let j = 0; j < n; j++) cur[j] = -s.bl[2 * j + 1];
  writeFileSync(outFile, new Uint8Array(cur.buffer));
  console.log(JSON.stringify({ n, status: r.status, build_s: (t1 - t0) / 1e3, solve_s: (t2 - t1) / 1e3, solve_cpu_s: (c2.user + c2.system) / 1e6, iterations: r.cgIterations, maxrss_mib: process.resourceUsage().maxRSS / 1024 }));
}

/** A raw little-endian float64 file (Buffers may sit at an offset inside a shared pool). */
function readF64(path: string): Float64Array {
  const b = readFileSync(path), out = new Float64Array(b.length / 8);
  for (let k = 0; k < out.length; k++) out[k] = b.readDoubleLE(8 * k);
  return out;
}

function maxRel(a: Float64Array, b: Float64Array): number {
  let w = 0;
  for (let k = 0; k < a.length; k++) w = Math.max(w, Math.abs(a[k] - b[k]) / Math.abs(b[k]));
  return w;
}

function main(argv: string[]): void {
  const arg = (name: string, def: string): string => { const k = argv.indexOf(name); return k >= 0 ? argv[k + 1] : def; };
  if (argv[0] === '--case') { runCase(Number(argv[1]), Number(argv[2]), argv[3]); return; }
  const sizes = arg('--sizes', '64,128,256,512,1024').split(',').filter(Boolean).map(Number);
  const ngSizes = arg('--ngspice-sizes', '16,32,64').split(',').filter(Boolean).map(Number);
  const methods = arg('--scipy-methods', 'cg-line,spsolve').split(',').filter(Boolean);
  const scipyMax = Number(arg('--scipy-max', '512')), rtol = Number(arg('--rtol', '1e-14')), nl = Number(arg('--nonlinear', '256'));
  const py = spawnSync('python3', ['-c', 'import scipy'], { encoding: 'utf8' }).status === 0;
  const ng = spawnSync('ngspice', ['-v'], { encoding: 'utf8' }).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ni-xbar-'));
  const rows: Record<string, unknown>[] = [];
  try {
    for (const n of [...new Set([...ngSizes, ...sizes])].sort((a, b) => a - b)) {
      const { g, v } = problem(n);
      const gf = join(dir, 'g.bin'), vf = join(dir, 'v.bin');
      writeFileSync(gf, new Uint8Array(g.buffer)); writeFileSync(vf, new Uint8Array(v.buffer));
      const of = join(dir, 'ni.bin');
      const t0 = performance.now();
      const c = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', String(n), String(rtol), of], { encoding: 'utf8' });
      const wall = (performance.now() - t0) / 1e3;
      if (c.status !== 0) throw new Error(`nanoionics case ${n} failed: ${c.stderr}`);
      const ni = JSON.parse(c.stdout), cur = readF64(of);
      rows.push({ tool: 'nanoionics cg-line', n, wall_s: wall, ...ni, sum_A: cur.reduce((a, b) => a + b, 0) });
      {
        const t2 = performance.now();
        const c2 = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', String(n), String(rtol), of], { encoding: 'utf8', env: { ...process.env, XB_LINEAR: 'cg-sgs' } });
        const w2 = (performance.now() - t2) / 1e3;
        if (c2.status !== 0) throw new Error(`nanoionics cg-sgs case ${n} failed: ${c2.stderr}`);
        rows.push({ tool: 'nanoionics cg-sgs', n, wall_s: w2, ...JSON.parse(c2.stdout), max_rel_diff_vs_nanoionics: maxRel(readF64(of), cur) });
      }
      if (py && n <= scipyMax) for (const m of methods) {
        if (m === 'spsolve' && n > 512) continue;
        const sf = join(dir, 'sp.bin');
        const t1 = performance.now();
        const s = spawnSync('python3', [SCIPY, m, String(n), gf, vf, sf, '--rtol', '1e-10'], { encoding: 'utf8', timeout: 600000 });
        const w = (performance.now() - t1) / 1e3;
        if (s.status !== 0) { rows.push({ tool: `scipy ${m}`, n, error: s.stderr.slice(-300) }); continue; }
        const sc = readF64(sf);
        rows.push({ tool: `scipy ${m}`, n, wall_s: w, ...JSON.parse(s.stdout), max_rel_diff_vs_nanoionics: maxRel(cur, sc) });
      }
      if (ng && ngSizes.includes(n)) {
        const deck = crossbarNetlist({ rows: n, cols: n, rWord: 1, rBit: 1 }, { kind: 'conductance', g }, drive(n, v), '.control\nset numdgt=15\nop\nprint all\n.endc');
        const f = join(dir, 'deck.cir');
        writeFileSync(f, deck);
        const t1 = performance.now();
        const s = spawnSync('ngspice', ['-b', f], { encoding: 'utf8', timeout: 600000, maxBuffer: 1 << 28 });
        const w = (performance.now() - t1) / 1e3;
        const vals = parsePrintAll(s.stdout), nc = new Float64Array(n);
        for (let j = 0; j < n; j++) nc[j] = vals.get(`vdb${j}_1#branch`) ?? NaN; // current into the grounding source
        rows.push({ tool: 'ngspice .op', n, wall_s: w, max_rel_diff_vs_nanoionics: maxRel(cur, nc), speedup_nanoionics: w / (rows.find((r) => r.n === n && r.tool === 'nanoionics cg-line')!.wall_s as number) });
      }
    }
    if (nl > 0) {
      const dev = resolveDevice({ preset: 'baseline-sinh' }, 'device');
      const cells = buildCells({ type: '1s1r', device: dev }, nl, nl, new Rng(1));
      cells.memory.x.fill(0.5);
      const sys = new CrossbarSystem({ rows: nl, cols: nl, rWord: 1, rBit: 1 }, cells.cell, {}); // auto: cg-sgs at this size
      const d = new CrossbarDrive(nl, nl), r = new Rng(3);
      for (let i = 0; i < nl; i++) d.word(i, 0, r.uniform(0, 1));
      for (let j = 0; j < nl; j++) d.bit(j, 1, 0);
      sys.setDrive(d);
      const t0 = performance.now();
      const res = sys.solve();
      rows.push({ tool: 'nanoionics 1S1R nonlinear (Newton + cg-sgs)', n: nl, wall_s: (performance.now() - t0) / 1e3, status: res.status, newton: res.newton, iterations: res.cgIterations, kcl: sys.kclError() });
    }
  } finally { rmSync(dir, { recursive: true, force: true }); }
  console.log('| tool | N | wall s | solve s | iterations | peak RSS MiB | max rel diff vs nanoionics |');
  console.log('|---|---|---|---|---|---|---|');
  const f = (x: unknown, p = 3): string => (typeof x === 'number' ? x.toPrecision(p) : '-');
  for (const r of rows) console.log(`| ${r.tool} | ${r.n} | ${f(r.wall_s)} | ${f(r.solve_s)} | ${r.iterations ?? r.newton ?? '-'} | ${f(r.maxrss_mib)} | ${f(r.max_rel_diff_vs_nanoionics, 2)} |`);
  const jf = arg('--json', '');
  if (jf) writeFileSync(jf, JSON.stringify({ python_scipy: py, ngspice: ng, rows }, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
