/**
 * One nanoionics case of the crossbar benchmark, run in a fresh process so that its peak RSS
 * and its start-up are its own: the seeded N x N linear 1R problem (bench/crossbar-problem.ts)
 * solved once; writes the column currents (raw float64) and prints one JSON line. Imports only
 * what a crossbar solve needs, as a user's script would.
 *
 * usage: node dist/bench/crossbar-case.js N RTOL OUT.bin [cg-schur|cg-sgs|cg-line|auto]
 * @module bench/crossbar-case
 */
import { writeFileSync } from 'node:fs';
import { CrossbarSystem } from '../src/circuit/crossbar-system.js';
import { ConductanceElement } from '../src/circuit/crossbar-cells.js';
import { problem, problemDrive } from './crossbar-problem.js';

const [nArg, rtolArg, out, linArg] = process.argv.slice(2);
const n = Number(nArg), rtol = Number(rtolArg), linear = (linArg ?? 'auto') as 'auto' | 'cg-schur' | 'cg-sgs' | 'cg-line';
const { g, v } = problem(n);
const t0 = performance.now(), c0 = process.cpuUsage();
const sys = new CrossbarSystem({ rows: n, cols: n, rWord: 1, rBit: 1 }, new ConductanceElement(g), { linear, rtol });
sys.setDrive(problemDrive(n, v));
const t1 = performance.now(), c1 = process.cpuUsage();
const r = sys.solve();
const t2 = performance.now(), c2 = process.cpuUsage();
const s = sys.sourceCurrents(), cur = new Float64Array(n);
for (let j = 0; j < n; j++) cur[j] = -s.bl[2 * j + 1];
writeFileSync(out, new Uint8Array(cur.buffer));
const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): number => (b.user - a.user + b.system - a.system) / 1e6;
console.log(JSON.stringify({
  n, status: r.status, linear: r.linear, build_s: (t1 - t0) / 1e3, solve_s: (t2 - t1) / 1e3,
  build_cpu_s: cpu(c0, c1), solve_cpu_s: cpu(c1, c2), iterations: r.cgIterations, maxrss_mib: process.resourceUsage().maxRSS / 1024,
}));
