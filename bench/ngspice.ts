/**
 * Run native ngspice in batch mode on a netlist and read what the benchmark needs: the
 * measured final state, ngspice's own analysis time and step counts (.options acct), and
 * the wall time of the whole process.
 * @module bench/ngspice
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Outcome of one ngspice run. */
export interface NgspiceRun {
  /** Wall time of the ngspice process (s), start-up included. */
  wall: number;
  /** "Total analysis time" reported by ngspice (s). */
  analysis: number;
  /** CPU time (user + system) of the ngspice process (s), from the shell's `times`. */
  cpu: number;
  /** Accepted time points. */
  timepoints: number;
  /** Value of the .meas named `meas`. */
  value: number;
}

/** The ngspice executable ($NGSPICE or ngspice on PATH) and its version, or why it is unusable. */
export function findNgspice(): { exe: string; version: string } | { missing: string } {
  const exe = process.env.NGSPICE || 'ngspice';
  const r = spawnSync(exe, ['--version'], { encoding: 'utf8' });
  if (r.error) return { missing: `${exe} not found (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}); install it with "apt-get install ngspice" (.ci/run does)` };
  const m = /ngspice-\S+/.exec(`${r.stdout}${r.stderr}`);
  return { exe, version: m ? m[0] : 'unknown version' };
}

/** Run one netlist; throws with ngspice's output when the measurement is missing. */
export function runNgspice(exe: string, netlist: string, meas: string, timeoutSeconds = 600): NgspiceRun {
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-bench-'));
  try {
    const file = join(dir, 'deck.cir');
    writeFileSync(file, netlist);
    const t0 = performance.now();
    // through a shell so that `times` reports the child's CPU time (spawnSync gives no rusage)
    const r = spawnSync('bash', ['-c', '"$0" -b "$1" > "$2" 2>&1; s=$?; times; exit $s', exe, file, join(dir, 'out.txt')],
      { encoding: 'utf8', cwd: dir, timeout: timeoutSeconds * 1000, maxBuffer: 64 << 20 });
    const wall = (performance.now() - t0) / 1000;
    const out = readFileSync(join(dir, 'out.txt'), 'utf8');
    const tl = r.stdout.trim().split('\n').pop() ?? '';
    const tm = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(tl);
    const cpu = tm ? 60 * Number(tm[1]) + Number(tm[2]) + 60 * Number(tm[3]) + Number(tm[4]) : NaN;
    if (r.error) throw new Error(`ngspice failed: ${r.error.message}`);
    const mv = new RegExp(`^\\s*${meas}\\s*=\\s*(\\S+)`, 'mi').exec(out);
    if (!mv || !Number.isFinite(Number(mv[1]))) throw new Error(`ngspice did not report ${meas}:\n${out.slice(-2000)}`);
    const field = (name: string): number => {
      const m = new RegExp(`${name}\\s*=\\s*(\\S+)`).exec(out);
      return m ? Number(m[1]) : NaN;
    };
    return { wall, cpu, analysis: field('Total analysis time \\(seconds\\)'), timepoints: field('Accepted timepoints'), value: Number(mv[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
