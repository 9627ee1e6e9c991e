/**
 * Network benchmark: the Brian2 problem of ../shared/baselines/snn (784 Poisson inputs 0-40 Hz
 * -> 100 conductance-based LIF neurons, 78,400 pair-based STDP synapses, 1 s at dt = 0.1 ms)
 * side by side in one run:
 * - nanoionics with `rule` synapses (the same model: forward Euler as Brian2's
 *   method='euler', the same STDP rule), each repeat a fresh process (bench/network-case.ts)
 *   with seeds 7, 8, ... so that spike counts and mean weights come with their spread across
 *   realisations; when Brian2 is there, with Brian2's own input rates (numpy
 *   default_rng(7).uniform(0, 40, 784), drawn by the same Python), so that the two differ
 *   only in the Poisson spike and initial-weight samples;
 * - Brian2 (Debian python3-brian, numpy target) running the baseline script
 *   (bench/stdp_brian.py, a copy of baselines/snn/stdp_brian.py), repeated; skipped with a
 *   message when no Python with brian2 is found ($PYTHON, /usr/bin/python3, python3);
 * - nanoionics with `device` synapses (wox-du2015, the stdp protocol's spike waveform) on the
 *   same network for --device-duration seconds (default 0.1 s: a full second takes about half
 *   a minute), with its work counters.
 * Reported: run() and process wall times, their ratios, spike counts, mean weights before and
 * after. Writes bench/results/network.json.
 *
 * usage: node dist/bench/network.js [--repeats 5] [--brian-repeats 3] [--device-duration 0.1]
 *        [--no-brian] [--no-device]
 * @module bench/network
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../src/cli/io.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const CASE = join(HERE, 'network-case.js');
const BRIAN = join(ROOT, 'bench', 'stdp_brian.py');

type Row = Record<string, number | string | Record<string, number> | undefined>;

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function mean(xs: number[]): number { return xs.reduce((a, b) => a + b, 0) / xs.length; }
function sd(xs: number[]): number { const m = mean(xs); return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1)); }

/** Run a child to completion; parse its last stdout line as JSON; add the process wall time. */
function timed(cmd: string, args: string[]): Row {
  const t0 = performance.now();
  const c = spawnSync(cmd, args, { encoding: 'utf8', timeout: 1800000, maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1e3;
  if (c.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(c.stderr ?? '').slice(-800)}`);
  return { ...JSON.parse(c.stdout.trim().split('\n').pop()!), process_wall_s: wall };
}

/** A Python interpreter that can import brian2, or undefined. */
function findBrian(): string | undefined {
  for (const py of [process.env.PYTHON, '/usr/bin/python3', 'python3']) {
    if (!py) continue;
    const r = spawnSync(py, ['-c', 'import brian2'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

function main(argv: string[]): void {
  const arg = (name: string, def: string): string => { const k = argv.indexOf(name); return k >= 0 ? argv[k + 1] : def; };
  const repeats = Number(arg('--repeats', '8')), brianRepeats = Number(arg('--brian-repeats', '3'));
  const devDuration = Number(arg('--device-duration', '0.1'));
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10, node: process.version },
    problem: '784 Poisson (0-40 Hz) -> 100 conductance LIF, 78,400 pair-STDP synapses, 1 s at dt = 0.1 ms (baselines/snn/stdp_brian.py)',
  };
  const lines: string[] = [];

  const py = argv.includes('--no-brian') ? undefined : findBrian();
  const tmp = mkdtempSync(join(tmpdir(), 'ni-bench-network-'));
  let ratesFile: string[] = [];
  if (py) {
    const r = spawnSync(py, ['-c', 'import json, numpy as np; print(json.dumps(np.random.default_rng(7).uniform(0.0, 40.0, 784).tolist()))'], { encoding: 'utf8' });
    if (r.status === 0) { writeFileSync(join(tmp, 'rates.json'), r.stdout); ratesFile = [join(tmp, 'rates.json')]; }
  }
  out.inputRates = ratesFile.length ? "Brian2's (numpy default_rng(7).uniform(0, 40, 784))" : 'drawn by nanoionics (stream group:input:rates)';

  // nanoionics, rule synapses: fresh processes, seeds 7, 8, ...
  const ni: Row[] = [];
  for (let k = 0; k < repeats; k++) ni.push(timed(process.execPath, [CASE, 'rule', String(7 + k), '1', ...ratesFile]));
  const niRun = median(ni.map((r) => Number(r.run_s))), niWall = median(ni.map((r) => Number(r.process_wall_s)));
  const outSp = ni.map((r) => Number(r.output_spikes)), inSp = ni.map((r) => Number(r.input_spikes)), wAfter = ni.map((r) => Number(r.w_mean_after));
  const wBefore = ni.map((r) => Number(r.w_mean_before)), dw = ni.map((r) => Number(r.w_mean_after) - Number(r.w_mean_before));
  out.nanoionicsRule = { runs: ni, run_s: niRun, process_wall_s: niWall, output_spikes: { mean: mean(outSp), sd: sd(outSp) }, input_spikes: { mean: mean(inSp), sd: sd(inSp) }, w_mean_before: { mean: mean(wBefore), sd: sd(wBefore) }, w_mean_after: { mean: mean(wAfter), sd: sd(wAfter) }, dw_mean: { mean: mean(dw), sd: sd(dw) } };
  lines.push(`input rates: ${out.inputRates}`);
  lines.push(`nanoionics rule: run() ${niRun.toFixed(3)} s (median of ${repeats}), process ${niWall.toFixed(2)} s; over seeds 7-${6 + repeats}: input spikes ${mean(inSp).toFixed(0)} +- ${sd(inSp).toFixed(0)}, output spikes ${mean(outSp).toFixed(0)} +- ${sd(outSp).toFixed(0)}, mean weight ${mean(wBefore).toFixed(6)} -> ${mean(wAfter).toFixed(6)} (change ${mean(dw).toExponential(3)} +- ${sd(dw).toExponential(2)})`);

  // Brian2
  if (!py) {
    lines.push(argv.includes('--no-brian') ? 'Brian2: skipped (--no-brian)' : 'Brian2: skipped: no Python with brian2 ($PYTHON, /usr/bin/python3, python3); apt-get install -y python3-brian');
    out.brian2 = { skipped: true };
  } else {
    const br: Row[] = [];
    for (let k = 0; k < brianRepeats; k++) br.push(timed(py, [BRIAN]));
    const bRun = median(br.map((r) => Number(r.run_s))), bWall = median(br.map((r) => Number(r.process_wall_s)));
    const b0 = br[0];
    out.brian2 = { python: py, runs: br, run_s: bRun, process_wall_s: bWall, ratioRun: bRun / niRun, ratioWall: bWall / niWall };
    const bdw = Number(b0.w_mean_after) - Number(b0.w_mean_before);
    lines.push(`Brian2 ${b0.brian2} (numpy target): run() ${bRun.toFixed(3)} s (median of ${brianRepeats}), process ${bWall.toFixed(2)} s; input spikes ${b0.input_spikes}, output spikes ${b0.output_spikes}, mean weight ${Number(b0.w_mean_before).toFixed(6)} -> ${Number(b0.w_mean_after).toFixed(6)} (change ${bdw.toExponential(3)})`);
    lines.push(`ratio Brian2 / nanoionics: run() ${(bRun / niRun).toFixed(1)}x, process wall ${(bWall / niWall).toFixed(1)}x`);
    const z = (x: number, xs: number[]) => (x - mean(xs)) / sd(xs);
    const zz = { inputSpikes: z(Number(b0.input_spikes), inSp), outputSpikes: z(Number(b0.output_spikes), outSp), wChange: z(bdw, dw) };
    lines.push(`Brian2's run against nanoionics' spread over seeds (z = (Brian2 - mean) / sd): input spikes ${zz.inputSpikes.toFixed(2)}, output spikes ${zz.outputSpikes.toFixed(2)}, mean-weight change ${zz.wChange.toFixed(2)}`);
    (out.brian2 as Record<string, unknown>).z = zz;
  }

  // nanoionics, device synapses
  if (!argv.includes('--no-device')) {
    const d = timed(process.execPath, [CASE, 'device', '7', String(devDuration), ...ratesFile]);
    const st = d.device as Record<string, number>;
    const perSecond = Number(d.run_s) / devDuration;
    out.nanoionicsDevice = { ...d, run_s_per_simulated_s: perSecond, ratioToRule: perSecond / niRun, usPerProgram: 1e6 * Number(d.run_s) / st.programs };
    lines.push(`nanoionics device (wox-du2015) for ${devDuration} s: run() ${Number(d.run_s).toFixed(2)} s (${perSecond.toFixed(1)} s per simulated second, ${(perSecond / niRun).toFixed(0)}x the rule network); input spikes ${d.input_spikes}, output spikes ${d.output_spikes}, mean weight ${Number(d.w_mean_before).toFixed(5)} -> ${Number(d.w_mean_after).toFixed(5)}`);
    lines.push(`  work: ${st.programs} spike programs + ${st.rests} rests in ${st.solves} batched solves, ${st.deviceEvals} device-model evaluations (${(1e6 * Number(d.run_s) / st.programs).toFixed(1)} us per synapse program)`);
  }
  rmSync(tmp, { recursive: true, force: true });
  for (const l of lines) console.log(l);
  out.summary = lines;
  writeAtomic(join(ROOT, 'bench', 'results', 'network.json'), JSON.stringify(out, null, 2));
  console.log('wrote bench/results/network.json');
}

main(process.argv.slice(2));
