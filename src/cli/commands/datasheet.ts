/**
 * `nanoionics datasheet PRESET [--vs PRESET2] [--out DIR] [--json]`: run the memory
 * protocols and the iv sweep at their defaults and write a one-page HTML datasheet plus JSON.
 * @module cli/commands/datasheet
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../command.js';
import { parse, parseSets, UsageError } from '../args.js';
import { writeAtomic, toJson, gitCommit } from '../io.js';
import { datasheet, type Datasheet } from '../../memory/datasheet.js';
import { datasheetHtml, comparisonHtml, showValue } from '../../memory/datasheet-html.js';

const help = `nanoionics datasheet PRESET [--vs PRESET2] [--set name=value ...] [--class ecm|vcm|other]
                     [--quick] [--seed N] [--out DIR] [--json]

Memory datasheet of a device: switching-kinetics, retention-bake, endurance (cycle skipping),
multilevel, read-disturb and an iv sweep at their defaults. Prints the figures with units and
the memory-grade criteria of measurements.md D (ON/OFF >= 1e3 for ECM, <= 1 ns switching,
>= 1e9 cycles, >= 10 years at 85 C) marked pass / fail / n/a.

Options:
  --vs PRESET2      a second device: both datasheets plus a side-by-side comparison
  --set name=value  device parameter or variability (<param>Dtod, <param>C2c), repeatable
  --class C         cell class for the ON/OFF criterion (default: from the preset id)
  --quick           reduced effort (fewer devices, levels, cycles) for previews
  --out DIR         write DIR/datasheet-PRESET.html and .json (and compare.html with --vs)
  --json            print the datasheet(s) as one JSON document
  -h, --help

Exit status: 0 on success, 2 on bad input.`;

function printSheet(d: Datasheet): void {
  console.log(`${d.device} (${d.model}, ${d.cellClass.toUpperCase()}): ${d.title}`);
  for (const c of d.criteria) console.log(`  [${c.status.padEnd(4)}] ${c.claim}: ${c.unit === 'year' ? `${c.value.toPrecision(3)} y` : showValue(c.value, c.unit)}  ${c.note}`);
  for (const [k, f] of Object.entries(d.fields)) console.log(`  ${k.padEnd(22)} ${showValue(f.value, f.unit, (f as { bound?: string }).bound)}`);
}

export const datasheetCommand: Command = {
  name: 'datasheet',
  summary: 'memory datasheet of a preset (switching time, retention, endurance, levels) with pass/fail',
  help,
  run(argv) {
    const { values, positionals } = parse(argv, {
      vs: { type: 'string' }, set: { type: 'string', multiple: true }, class: { type: 'string' },
      quick: { type: 'boolean' }, seed: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
    });
    if (values.help) { console.log(help); return 0; }
    if (positionals.length !== 1) throw new UsageError('usage: nanoionics datasheet PRESET [--vs PRESET2] [--out DIR] [--json]');
    const cls = values.class as string | undefined;
    if (cls !== undefined && !['ecm', 'vcm', 'other'].includes(cls)) throw new UsageError(`--class ${cls}: expected ecm, vcm or other`);
    const seed = values.seed !== undefined ? Number(values.seed) : 1;
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed ${values.seed}: expected a non-negative integer`);
    const set = parseSets(values.set);
    const stage = process.stderr.isTTY ? (s: string) => process.stderr.write(`\r${s.padEnd(20)}`) : undefined;
    const ids = [positionals[0], ...(values.vs ? [String(values.vs)] : [])];
    const t0 = performance.now();
    const sheets = ids.map((id) => datasheet({ preset: id }, { set, cellClass: cls as Datasheet['cellClass'] | undefined, seed, quick: Boolean(values.quick), onStage: stage }));
    if (stage) process.stderr.write('\r'.padEnd(22) + '\r');
    const provenance = { commit: gitCommit(), wallTime: (performance.now() - t0) / 1e3, seed, set };
    if (values.out) {
      const dir = String(values.out);
      for (const d of sheets) {
        writeAtomic(join(dir, `datasheet-${d.device}.html`), datasheetHtml(d));
        writeAtomic(join(dir, `datasheet-${d.device}.json`), toJson({ ...d, provenance }));
      }
      if (sheets.length === 2) writeAtomic(join(dir, 'compare.html'), comparisonHtml(sheets[0], sheets[1]));
    }
    if (values.json) console.log(toJson(sheets.length === 1 ? { ...sheets[0], provenance } : { datasheets: sheets, provenance }));
    else {
      for (const d of sheets) printSheet(d);
      if (values.out) console.log(`wrote ${sheets.map((d) => `datasheet-${d.device}.html/.json`).join(', ')}${sheets.length === 2 ? ', compare.html' : ''} to ${values.out}`);
    }
    return 0;
  },
};
