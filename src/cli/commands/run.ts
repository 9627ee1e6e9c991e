import type { Command } from '../command.js';
import { parse, UsageError } from '../args.js';
import { readSpecFile, writeAtomic, columnsToCsv, toJson, gitCommit } from '../io.js';
import { resolveSpec } from '../../experiment/spec.js';
import { simulate } from '../../experiment/run.js';
import { specContext } from '../context.js';
import { protocolCommand } from './protocol.js';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const help = `nanoionics run SPEC [--out DIR] [--json]

Run an experiment spec (YAML or JSON): a device (preset or model with parameter overrides and
variability), an optional second device in series, the measurement circuit (series
resistance, current compliance), a stimulus, solver settings, what to record and a seed.
A spec with a \`protocol\` key (protocol, device, series, circuit, params, solver, seed) runs
that protocol, as \`nanoionics protocol SPEC\` does.

Options:
  --out DIR   write DIR/result.csv (the recorded columns) and DIR/result.json (metrics,
              final states, provenance); each file is written whole or not at all
  --json      print the result (metrics, status, provenance, columns) as one JSON document
  -h, --help

Exit status: 0 on success, 1 when the solver failed (status and message are printed),
2 on bad input (the message names the field, the value and what was expected).`;

export const runCommand: Command = {
  name: 'run',
  summary: 'run an experiment spec (YAML or JSON)',
  help,
  run(argv) {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) { console.log(help); return 0; }
    if (positionals.length !== 1) throw new UsageError('usage: nanoionics run SPEC [--out DIR] [--json]');
    const raw = readSpecFile(positionals[0]);
    // a protocol spec (DESIGN.md: `protocol: ppf` plus its params) runs through the protocol command
    if (raw && typeof raw === 'object' && 'protocol' in (raw as object)) return protocolCommand.run(argv);
    const spec = resolveSpec(raw, specContext(positionals[0]));
    const t0 = performance.now();
    const res = simulate(spec, { onProgress: progressPrinter() });
    res.provenance.wallTime = (performance.now() - t0) / 1e3;
    res.provenance.commit = gitCommit();
    const summary = { status: res.status, message: res.message, metrics: res.metrics, stats: res.stats, final: res.final, provenance: res.provenance };
    if (values.out) {
      const dir = String(values.out);
      writeAtomic(join(dir, 'result.csv'), columnsToCsv(res.columns, res.units));
      writeAtomic(join(dir, 'result.json'), toJson({ ...summary, units: res.units }));
    }
    if (values.json) console.log(toJson({ ...summary, units: res.units, columns: res.columns }));
    else {
      console.log(`status: ${res.status} (${res.message})`);
      for (const [k, m] of Object.entries(res.metrics)) console.log(`  ${k.padEnd(10)} ${m.value.toPrecision(6)} ${m.unit}   ${m.meaning ?? ''}`);
      console.log(`  steps ${res.stats.naccept} accepted, ${res.stats.nreject} rejected, ${res.stats.nfev} evaluations, ${res.columns.t.length} rows, ${res.provenance.wallTime.toFixed(3)} s`);
      if (values.out) console.log(`wrote ${join(String(values.out), 'result.csv')} and result.json`);
    }
    return res.status === 'ok' ? 0 : 1;
  },
};

/** Progress on stderr when it is a terminal. */
export function progressPrinter(): ((f: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (f) => {
    const pct = Math.floor(f * 100);
    if (pct !== last) { last = pct; process.stderr.write(`\r${pct}%`); if (pct >= 100) process.stderr.write('\r    \r'); }
  };
}
