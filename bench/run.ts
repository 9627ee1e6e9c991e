/**
 * `npm run bench`: nanoionics against native ngspice on the ../shared/baselines single-device
 * problem (one sinh-drift memristor, 1e4 and 1e5 trapezoidal pulses, exact final state known),
 * side by side in one run, plus N = 1e4 devices with device-to-device variability under 1e3
 * pulses (device-steps per second). Writes bench/results/latest.json and prints tables.
 *
 * usage: node dist/bench/run.js [--quick] [--sizes 10000,100000] [--repeats 5]
 *        [--devices 10000] [--array-pulses 1000] [--no-ngspice]
 *
 * Timing: nanoionics runs in this process (resolveSpec + simulate); after one small warm-up
 * run per case (JIT compilation, reported apart) each size is repeated and the median taken.
 * ngspice runs as a fresh `ngspice -b` process per run; its wall time includes start-up
 * (about 0.01 s). CPU times are reported too (ngspice: the child's user + system time from the
 * shell's `times`; nanoionics: process.cpuUsage around resolveSpec + simulate): on a shared
 * machine wall times swing with the load, CPU times much less.
 * @module bench/run
 */
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { resolveSpec, simulate, buildGroups } from '../src/experiment/index.js';
import { writeAtomic } from '../src/cli/io.js';
import { DEVICE, EQUATION_DEVICE, exactFinalW, ngspiceNetlist, relErr, stimulusSpec } from './baseline-problem.js';
import { findNgspice, runNgspice, type NgspiceRun } from './ngspice.js';

interface Opts { sizes: number[]; repeats: number; devices: number; arrayPulses: number; ngspice: boolean }

function parseArgs(argv: string[]): Opts {
  const o: Opts = { sizes: [1e4, 1e5], repeats: 5, devices: 1e4, arrayPulses: 1e3, ngspice: true };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k], next = () => argv[++k] ?? '';
    if (a === '--quick') { o.sizes = [1e3, 1e4]; o.repeats = 3; o.devices = 1e3; o.arrayPulses = 200; }
    else if (a === '--sizes') o.sizes = next().split(',').map(Number);
    else if (a === '--repeats') o.repeats = Number(next());
    else if (a === '--devices') o.devices = Number(next());
    else if (a === '--array-pulses') o.arrayPulses = Number(next());
    else if (a === '--no-ngspice') o.ngspice = false;
    else throw new Error(`unknown option ${a} (see the header of bench/run.ts)`);
  }
  if (!o.sizes.every((n) => Number.isInteger(n) && n > 0) || !(o.repeats >= 1) || !(o.devices >= 1) || !(o.arrayPulses >= 1)) throw new Error('sizes, repeats, devices and array pulses must be positive integers');
  return o;
}

/** One nanoionics configuration of the single-device problem. */
interface Case { name: string; device: unknown; method: string; rtol: number }
const CASES: Case[] = [
  { name: 'nanoionics baseline-sinh, auto (dopri5)', device: { preset: 'baseline-sinh' }, method: 'auto', rtol: 1e-6 },
  { name: 'nanoionics baseline-sinh, bs3', device: { preset: 'baseline-sinh' }, method: 'bs3', rtol: 1e-6 },
  { name: 'nanoionics equation model, bs3', device: EQUATION_DEVICE, method: 'bs3', rtol: 1e-6 },
];

function timeRun(c: Case, n: number) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const spec = resolveSpec({ device: c.device, stimulus: stimulusSpec(n), solver: { method: c.method, rtol: c.rtol }, record: { every: 'none' } });
  const r = simulate(spec);
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  if (r.status !== 'ok') throw new Error(`${c.name}, ${n} pulses: ${r.status}: ${r.message}`);
  return { wall, cpu: (cu.user + cu.system) / 1e6, w: r.final.w[0], steps: r.stats.naccept, nfev: r.stats.nfev };
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]); };
const fmt = (x: number, d = 3): string => (Number.isFinite(x) ? (Math.abs(x) >= 1e4 || Math.abs(x) < 1e-2 ? x.toExponential(d - 1) : x.toPrecision(d)) : '-');

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((x, c) => x.padEnd(w[c])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const ng = opts.ngspice ? findNgspice() : { missing: 'disabled with --no-ngspice' };
  if ('missing' in ng) console.log(`ngspice skipped: ${ng.missing}`);
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
    ngspice: 'missing' in ng ? { skipped: ng.missing } : { version: ng.version },
    problem: { device: DEVICE, pulse: 'PULSE(0 1 0 10n 10n 990n 2u)', note: 'shared/baselines device problem; err/dw = |w - w_exact| / |w_exact - w0|' },
  };

  // warm-up: one short run per case (JIT compilation), reported apart
  const warm: Record<string, number> = {};
  for (const c of CASES) warm[c.name] = timeRun(c, 200).wall;
  result.warmup200Pulses = warm;

  const single: unknown[] = [];
  const rows: string[][] = [];
  for (const n of opts.sizes) {
    const exact = exactFinalW(n);
    let spice: (NgspiceRun & { err: number; runs: number }) | undefined;
    if (!('missing' in ng)) {
      const runs: NgspiceRun[] = [];
      const reps = n >= 1e5 ? 1 : Math.min(3, opts.repeats); // 1e5 pulses take ~17 s per ngspice run
      for (let k = 0; k < reps; k++) runs.push(runNgspice(ng.exe, ngspiceNetlist(n), 'wfinal'));
      const best = runs[0];
      spice = { ...best, wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), analysis: median(runs.map((r) => r.analysis)), err: relErr(best.value, n), runs: reps };
      rows.push([`${n}`, `ngspice ${ng.version} .tran 100n`, fmt(spice.wall), fmt(spice.cpu), `${spice.timepoints}`, spice.value.toFixed(8), fmt(spice.err), '1', '1']);
    }
    const cases: unknown[] = [];
    for (const c of CASES) {
      const reps = n >= 1e5 ? Math.max(1, Math.min(opts.repeats, 3)) : opts.repeats;
      const runs = Array.from({ length: reps }, () => timeRun(c, n));
      const wall = median(runs.map((r) => r.wall));
      const cpu = median(runs.map((r) => r.cpu));
      const { w, steps, nfev } = runs[0];
      const err = relErr(w, n);
      const ratio = spice ? spice.wall / wall : NaN;
      const ratioCpu = spice ? spice.cpu / cpu : NaN;
      cases.push({ case: c.name, method: c.method, rtol: c.rtol, wallMedian: wall, cpuMedian: cpu, wallFirst: runs[0].wall, runs: reps, w, errRel: err, steps, nfev,
        ratioWall: ratio, ratioCpu, accuracyAtLeastNgspice: spice ? err <= spice.err : null });
      rows.push([`${n}`, c.name, fmt(wall), fmt(cpu), `${steps}`, w.toFixed(8), fmt(err), spice ? `${fmt(ratio)}x` : '-', spice ? `${fmt(ratioCpu)}x` : '-']);
    }
    single.push({ pulses: n, exact, ngspice: spice ?? null, nanoionics: cases });
  }
  result.singleDevice = single;
  console.log('\nSingle device, trapezoidal pulse train (shared/baselines problem). cpu s: CPU time of the ngspice process;')
  console.log('CPU time of resolveSpec + simulate() for nanoionics. Speed-ups: ngspice / nanoionics, wall and CPU (medians).\n');
  console.log(table(['pulses', 'method', 'wall s', 'cpu s', 'steps', 'final w', 'err/dw', 'speed-up wall', 'speed-up cpu'], rows));

  // N devices with device-to-device variability
  const arr: unknown[] = [];
  const arows: string[][] = [];
  const set = { kDtod: 0.1, aDtod: 0.05, w0Dtod: 0.2 };
  for (const [label, device, method] of [
    ['baseline-sinh, auto (dopri5)', { preset: 'baseline-sinh', set, count: opts.devices }, 'auto'],
    ['baseline-sinh, bs3', { preset: 'baseline-sinh', set, count: opts.devices }, 'bs3'],
    ['equation model, bs3', { ...EQUATION_DEVICE, set, count: opts.devices }, 'bs3'],
  ] as const) {
    const raw = { device, stimulus: stimulusSpec(opts.arrayPulses), solver: { method, rtol: 1e-6 }, record: { every: 'none' }, seed: 11 };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const spec = resolveSpec(raw);
    const r = simulate(spec);
    const wall = (performance.now() - t0) / 1000;
    const cu = process.cpuUsage(c0);
    const cpu = (cu.user + cu.system) / 1e6;
    if (r.status !== 'ok') throw new Error(`array ${label}: ${r.status}: ${r.message}`);
    // every device has its own closed form: same formula with its own k, a, w0
    const { a } = buildGroups(spec);
    const N = a.n, idx = (name: string) => a.model.params.findIndex((p) => p.name === name);
    let worst = 0;
    for (let j = 0; j < N; j++) {
      const k = a.p[idx('k') * N + j], av = a.p[idx('a') * N + j], w0 = a.p[idx('w0') * N + j];
      const per = Math.sinh(av) * 990e-9 + 20e-9 * (Math.cosh(av) - 1) / av;
      const wx = 1 / (1 + Math.exp(-(Math.log(w0 / (1 - w0)) + 4 * k * per * opts.arrayPulses)));
      worst = Math.max(worst, Math.abs(r.final.w[j] - wx) / Math.abs(wx - w0));
    }
    const deviceSteps = N * r.stats.naccept;
    arr.push({ case: label, devices: N, pulses: opts.arrayPulses, method, wall, cpu, steps: r.stats.naccept, deviceSteps, deviceStepsPerSecond: deviceSteps / wall,
      deviceStepsPerCpuSecond: deviceSteps / cpu, deviceRhsPerSecond: (N * r.stats.nfev) / wall, maxErrRel: worst, variability: set });
    arows.push([`${N}`, label, fmt(wall), fmt(cpu), `${r.stats.naccept}`, fmt(deviceSteps / wall), fmt(deviceSteps / cpu), fmt((N * r.stats.nfev) / wall), fmt(worst)]);
  }
  result.array = arr;
  console.log(`\nN devices with device-to-device variability (${Object.entries(set).map(([k, v]) => `${k} ${v}`).join(', ')}), ${opts.arrayPulses} pulses\n`);
  console.log(table(['devices', 'case', 'wall s', 'cpu s', 'steps', 'device-steps/s (wall)', 'device-steps/s (cpu)', 'device-rhs/s (wall)', 'max err/dw'], arows));

  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeAtomic(join(out, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${join(out, 'latest.json')}`);
}

main();
