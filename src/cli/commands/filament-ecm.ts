/**
 * `nanoionics filament --model kmc --protocol confinement`: the B1 pair on the ECM cell (Ag/SiGe
 * dislocation pipe vs Ag/a-Si control), with --set overrides of the cell parameters and of the
 * mask options (pipeWidth, ePipe, eBulk, sigma).
 * @module cli/commands/filament-ecm
 */
import { join } from 'node:path';
import { UsageError } from '../args.js';
import { writeAtomic, columnsToCsv } from '../io.js';
import { parseQuantity } from '../../units/parse.js';
import { ECM_CELL_DEFAULTS, type EcmCellParams } from '../../physics/kmc/ecm-cell.js';
import { ecmConfinementStudy, ECM_CONFINEMENT_DEFAULTS, type EcmConfinementOptions, type EcmKind } from '../../physics/kmc/ecm-confinement.js';

/** Split --set overrides into cell parameters and mask options (unknown names are a usage error). */
export function ecmSets(sets: Record<string, unknown>): { p: EcmCellParams; mo: EcmConfinementOptions } {
  const p = { ...ECM_CELL_DEFAULTS } as Record<string, number>, mo = { ...ECM_CONFINEMENT_DEFAULTS } as Record<string, number>;
  for (const [k, v] of Object.entries(sets)) {
    const into = k in p ? p : k in mo ? mo : null;
    if (!into) throw new UsageError(`--set ${k}: not an ECM cell parameter; expected one of ${[...Object.keys(p), ...Object.keys(mo)].join(', ')}`);
    into[k] = parseQuantity(v, 'any', `set.${k}`);
  }
  return { p: p as unknown as EcmCellParams, mo: mo as unknown as EcmConfinementOptions };
}

/** Run the pair; writes confinement-ecm.csv and confinement-ecm-cycles.csv under out. */
export function ecmConfinement(sets: Record<string, unknown>, seeds: number[], nCycles: number, out: string | undefined, progress: (m: string) => void) {
  const { p, mo } = ecmSets(sets);
  const kinds: EcmKind[] = ['control', 'dislocation'];
  const { rows, stats } = ecmConfinementStudy(p, kinds, seeds, nCycles, { floorRuns: 24, formRuns: 16, floorSeeds: [seeds[0]] }, undefined, mo, progress);
  if (out) {
    const keys = Object.keys(rows[0]).filter((k) => k !== 'kind');
    const lines = [['kind', ...keys].join(','), ...rows.map((r) => [r.kind, ...keys.map((k) => String((r as unknown as Record<string, number>)[k]))].join(','))];
    writeAtomic(join(out, 'confinement-ecm.csv'), lines.join('\n') + '\n');
    const cyc: Record<string, number[]> = { kind: [], device: [], cycle: [], vSet: [], vReset: [], rOn: [], rOff: [], gapOff: [] };
    stats.forEach((s, q) => s.runs.forEach((r, d) => r.cycles.forEach((c, k) => {
      cyc.kind.push(q); cyc.device.push(seeds[d]); cyc.cycle.push(k + 1); cyc.vSet.push(c.vSet); cyc.vReset.push(c.vReset); cyc.rOn.push(c.rOn); cyc.rOff.push(c.rOff); cyc.gapOff.push(c.gapOff);
    })));
    writeAtomic(join(out, 'confinement-ecm-cycles.csv'), columnsToCsv(cyc, { vSet: 'V', vReset: 'V', rOn: 'Ohm', rOff: 'Ohm', gapOff: 'm' }));
  }
  return { kinds: kinds.map((k, q) => `${q} ${k}`).join(', '), cell: { pipeWidth: mo.pipeWidth, ePipe: mo.ePipe, eBulk: mo.eBulk, sigma: mo.sigma }, table: rows };
}
