/**
 * `nanoionics filament`: the physics level (continuum solver and lattice KMC) from the
 * command line: maps (SVG heatmaps), I-V and statistics (CSV) and a summary (JSON).
 * @module cli/commands/filament
 */
import { join } from 'node:path';
import type { Command } from '../command.js';
import { parse, parseSets, UsageError } from '../args.js';
import { writeAtomic, toJson, columnsToCsv } from '../io.js';
import { heatmapSvg } from '../../report/svg-heatmap.js';
import { parseQuantity, parseQuantityList } from '../../units/parse.js';
import { G0 } from '../../units/constants.js';
import { resolveContinuumParams } from '../../physics/continuum/params.js';
import { cycle, cycleWaveform, soretRing, setShape, resetResidue, FILAMENT_CELL, SHAPE_CELL, RESET_ROWS } from '../../physics/continuum/scenarios.js';
import type { Snapshot } from '../../physics/continuum/run.js';
import { ContinuumSolver } from '../../physics/continuum/solver.js';
import { VCM_DEFAULTS, type VcmParams } from '../../physics/kmc/vcm-lattice.js';
import { cycleStatistics } from '../../physics/kmc/vcm-cycles.js';
import { confinementStudy, confinementMasks, type ConfinementKind } from '../../physics/kmc/confinement.js';
import { ECM_DEFAULTS, growthMap } from '../../physics/kmc/ecm-lattice.js';
import { QPC_DEFAULTS, qpcHistogram, qpcSet } from '../../physics/kmc/qpc.js';
import { stanfordHandoff } from '../../physics/kmc/handoff.js';
import { SWEEP_DEFAULTS } from '../../physics/kmc/vcm-cycles.js';
import { handoffKmc, handoffContinuum, handoffLines, HANDOFF_MODELS } from './filament-handoff.js';
import { ecmConfinement } from './filament-ecm.js';

const help = `nanoionics filament --model continuum|kmc [--protocol P] [--device ID] [--set name=value ...]
                    [--out DIR] [--json] [--seed N] [--devices N] [--cycles N] [--runs N]
                    [--handoff stanford-pku]

Physics level of the review (sections 2, 4, 5.1): filaments simulated from ion transport.

  --model continuum  2D finite-volume drift-diffusion + Soret + current + heat + circuit
     --protocol set       forming ramp with compliance, RESET / SET / RESET sweeps (I-V, maps)
     --protocol ring      Soret ring around a hot filament, with and without thermophoresis
     --protocol shape     SET pulses at high and low voltage to the same conductance (Fig. 8g,h)
     --protocol reset     RESET pulses at high and low voltage to the same HRS (Fig. 8j,k)
     devices: taox-vcm (axisymmetric, default), taox-planar (planar x,z)
  --model kmc        rejection-free lattice kinetic Monte Carlo
     --protocol cycles       VCM forming + SET/RESET cycles over seeded devices (C2C, D2D) and
                             the hand-off to the stanford-pku compact model
     --protocol confinement  CV of V_set, R_on, R_off on the VCM lattice: control, dislocation
                             (lower vacancy formation energy in the core), dislocation-pipe
                             (plus a lower migration barrier along it), nanocrystal, nanopore,
                             graphene edge; kinetic floor of V_set; forming voltage vs pore
                             size; then the B1 pair on the Ag ECM cell: Ag/SiGe with a
                             dislocation pipe vs Ag/a-Si (kinetic and forming floors).
                             --device ag-ecm runs the ECM pair only, and --set then sets its
                             cell parameters and pipeWidth, ePipe, eBulk, sigma
     --protocol growth-map   ECM growth mode vs ion mobility x redox rate (review Fig. 1)
     --protocol quantized    weak-programming SET runs: conductance steps and histogram (n G0)
     devices: hfox-vcm (default for cycles/confinement), ag-ecm (growth-map; ECM pair of
              confinement), nb-zno-qpc (quantized)

Options:
  --set name=value   parameter override with units ("ea=0.7 eV", "compliance=100uA"); repeatable
  --out DIR          write CSV, SVG maps and summary.json under DIR
  --json             print the summary as one JSON document on stdout
  --seed N           base seed of the KMC runs (default 1)
  --devices N        KMC devices (default 6); --cycles N cycles per device (default 10);
  --runs N           quantized-conductance runs (default 300)
  --times T1,T2,...  with --model continuum --protocol set: also write maps at these times
                     (units, e.g. "3ms,6ms,6.0015ms"; within the forming + RESET/SET/RESET
                     waveform: 1 V/ms ramp to 3 V and back, then 1 V/us sweeps to -1.5, 2, -1.5 V)
  --handoff MODEL    with --protocol cycles (kmc) or set (continuum): fit the compact model
                     (stanford-pku) to the run's switching statistics (kmc) or
                     post-forming I-V (continuum); writes DIR/handoff-*-MODEL.json (a preset
                     for --device), handoff.json (and handoff-fit-report.html for I-V fits)
  -h, --help`;

const CONTINUUM_PROTOCOLS = ['set', 'ring', 'shape', 'reset'];
const KMC_PROTOCOLS = ['cycles', 'confinement', 'growth-map', 'quantized'];

function kmcSets<T extends object>(base: T, sets: Record<string, unknown>): T {
  const out = { ...base } as Record<string, number>;
  for (const [k, v] of Object.entries(sets)) {
    if (!(k in out)) throw new UsageError(`--set ${k}: not a parameter; expected one of ${Object.keys(out).join(', ')}`);
    out[k] = parseQuantity(v, 'any', `set.${k}`);
  }
  return out as T;
}

function int(v: unknown, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} ${String(v)}: expected a positive integer`);
  return n;
}

function writeMaps(out: string, prefix: string, s: ContinuumSolver, snap: Snapshot): void {
  const base = { nx: s.nx, nz: s.nz, dx: s.dx, dz: s.p.thickness / s.nz, zEdges: s.grid.zFace, mirror: s.p.geometry === 0 };
  writeAtomic(join(out, `${prefix}-vacancies.svg`), heatmapSvg({ ...base, values: snap.n.map((x) => x / s.p.nMax), title: `${prefix}: vacancy density (t = ${snap.t.toExponential(2)} s)`, unit: 'n / nMax', min: 0, max: 1 }));
  writeAtomic(join(out, `${prefix}-temperature.svg`), heatmapSvg({ ...base, values: snap.T, title: `${prefix}: temperature`, unit: 'K' }));
  writeAtomic(join(out, `${prefix}-potential.svg`), heatmapSvg({ ...base, values: snap.psi, title: `${prefix}: potential`, unit: 'V' }));
  writeAtomic(join(out, `${prefix}-current-density.svg`), heatmapSvg({ ...base, values: snap.j, title: `${prefix}: current density`, unit: 'log10 A/m^2', log: true }));
}

export const filamentCommand: Command = {
  name: 'filament',
  summary: 'physics level: continuum filament solver and lattice KMC (maps, statistics)',
  help,
  run(argv) {
    const { values } = parse(argv, {
      model: { type: 'string' }, protocol: { type: 'string' }, device: { type: 'string' }, set: { type: 'string', multiple: true },
      out: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' }, devices: { type: 'string' }, cycles: { type: 'string' }, runs: { type: 'string' },
      handoff: { type: 'string' }, times: { type: 'string' },
    });
    if (values.help) { console.log(help); return 0; }
    const model = String(values.model ?? '');
    if (model !== 'continuum' && model !== 'kmc') throw new UsageError(`--model ${model || '(missing)'}: expected continuum or kmc`);
    const protocol = String(values.protocol ?? (model === 'continuum' ? 'set' : 'cycles'));
    const allowed = model === 'continuum' ? CONTINUUM_PROTOCOLS : KMC_PROTOCOLS;
    if (!allowed.includes(protocol)) throw new UsageError(`--protocol ${protocol}: expected one of ${allowed.join(', ')} for --model ${model}`);
    const sets = parseSets(values.set);
    const out = values.out === undefined ? undefined : String(values.out);
    const json = Boolean(values.json);
    const seed = int(values.seed, 'seed', 1);
    const handoff = values.handoff === undefined ? undefined : String(values.handoff);
    if (handoff !== undefined && !HANDOFF_MODELS.includes(handoff)) throw new UsageError(`--handoff ${handoff}: expected one of ${HANDOFF_MODELS.join(', ')}`);
    if (handoff !== undefined && protocol !== 'set' && protocol !== 'cycles') throw new UsageError(`--handoff: only with --protocol set (continuum) or cycles (kmc), not ${protocol}`);
    const tty = process.stderr.isTTY;
    const progress = (m: string) => { if (tty) process.stderr.write(`\r${m.padEnd(100).slice(0, 100)}`); };
    const t0 = Date.now();
    let summary: Record<string, unknown>;
    const device = values.device === undefined ? undefined : String(values.device);
    if (model === 'continuum') {
      const devs: Record<string, Record<string, unknown>> = { 'taox-vcm': {}, 'taox-planar': { geometry: 1, width: 40e-9, nx: 40 } };
      if (device !== undefined && !(device in devs)) throw new UsageError(`--device ${device}: expected one of ${Object.keys(devs).join(', ')}`);
      // the Fig. 8g-l comparisons run on the report's filament cell unless a device is named
      const cell = device !== undefined ? {} : protocol === 'shape' ? SHAPE_CELL : protocol === 'reset' ? { ...FILAMENT_CELL, ...RESET_ROWS } : {};
      const p = resolveContinuumParams({ ...devs[device ?? 'taox-vcm'], ...cell, ...sets }, 'set');
      if (values.times !== undefined && protocol !== 'set') throw new UsageError(`--times: only with --protocol set, not ${protocol}`);
      if (protocol === 'set') {
        const tEnd = cycleWaveform().t.at(-1)!;
        const times = values.times === undefined ? [] : parseQuantityList(String(values.times), 'time', '--times');
        for (const t of times) if (!(t > 0 && t <= tEnd)) throw new UsageError(`--times: got ${t} s, expected times within (0, ${tEnd.toExponential(4)}] s (the forming + RESET/SET/RESET waveform)`);
        const r = cycle(p, { times }, progress);
        summary = { metrics: r.metrics, status: r.run.status, message: r.run.message, steps: r.run.steps, rejected: r.run.rejected };
        const ivCsv = columnsToCsv(r.run.columns as unknown as Record<string, ArrayLike<number>>, { t: 's', vs: 'V', v: 'V', i: 'A', g: 'S', tMax: 'K', ions: '1' });
        if (handoff) {
          const col = r.run.columns;
          summary.handoff = handoffContinuum(handoff, { t: col.t, vs: col.vs, v: col.v, i: col.i, tMax: col.tMax, t0: p.t0, tFormed: r.waveform.t[2], segments: r.waveform.t, metrics: r.metrics, thickness: p.thickness, compliance: p.compliance }, out, ivCsv);
        }
        if (out) {
          writeAtomic(join(out, 'iv.csv'), ivCsv);
          // snapshots are sorted by time: find each by its time (the run lands on them exactly)
          const at = (t: number) => r.snapshots.find((q) => Math.abs(q.t - t) <= 1e-12 * tEnd);
          const w = r.waveform.t;
          [['formed', w[2]], ['reset', w[4]], ['set', w[6]], ...times.map((t) => [`t-${t.toExponential(4)}s`, t] as const)].forEach(([name, t]) => {
            const snap = at(t as number);
            if (snap) writeMaps(out, name as string, r.solver, snap);
          });
        }
      } else if (protocol === 'ring') {
        const on = soretRing(p, {}, progress), off = soretRing({ ...p, soret: 0 }, {}, progress);
        summary = { soret: on.metrics, noSoret: off.metrics, ionsBefore: on.ionsBefore, ionsAfter: on.ionsAfter };
        if (out) {
          const j = Math.floor(on.solver.nz / 2), nx = on.solver.nx;
          writeAtomic(join(out, 'ring-profile.csv'), columnsToCsv({ r: on.solver.xc.slice(0, nx), soret: on.solver.n.slice(j * nx, (j + 1) * nx), noSoret: off.solver.n.slice(j * nx, (j + 1) * nx) }, { r: 'm', soret: 'm^-3', noSoret: 'm^-3' }));
          writeMaps(out, 'ring-soret', on.solver, on.snapshot);
          writeMaps(out, 'ring-no-soret', off.solver, off.snapshot);
        }
      } else {
        const r = protocol === 'shape' ? setShape(p, {}, progress) : resetResidue(p, {}, progress);
        const strip = (b: typeof r.high) => ({ v: b.v, time: b.time, gRead: b.g, gHot: b.gHot, status: b.status, geometry: b.geometry, plasticity: b.plasticity, steps: b.steps, rejected: b.rejected });
        summary = { high: strip(r.high), low: strip(r.low) };
        if (out) {
          const solver = new ContinuumSolver(p); // grid of the maps
          writeMaps(out, `${protocol}-high`, solver, r.high.snapshot);
          writeMaps(out, `${protocol}-low`, solver, r.low.snapshot);
        }
      }
      summary.params = p;
    } else {
      const nDev = int(values.devices, 'devices', 6), nCyc = int(values.cycles, 'cycles', 10);
      const seeds = Array.from({ length: nDev }, (_, k) => seed + k);
      if (protocol === 'confinement' && device === 'ag-ecm') {
        summary = { ecm: ecmConfinement(sets, seeds, nCyc, out, progress) };
      } else if (protocol === 'cycles' || protocol === 'confinement') {
        if (device !== undefined && device !== 'hfox-vcm') throw new UsageError(`--device ${device}: expected hfox-vcm${protocol === 'confinement' ? ' or ag-ecm' : ''} for --protocol ${protocol}`);
        const p: VcmParams = kmcSets(VCM_DEFAULTS, sets);
        if (protocol === 'cycles') {
          const st = cycleStatistics(p, seeds, nCyc);
          const rows: Record<string, number[]> = { device: [], cycle: [], vSet: [], vReset: [], rOn: [], rOff: [], gapOff: [] };
          st.runs.forEach((r, d) => r.cycles.forEach((c, k) => { rows.device.push(seeds[d]); rows.cycle.push(k + 1); rows.vSet.push(c.vSet); rows.vReset.push(c.vReset); rows.rOn.push(c.rOn); rows.rOff.push(c.rOff); rows.gapOff.push(c.gapOff); }));
          const mm = stanfordHandoff({ gapOff: st.gapOff, rOn: st.rOn, thickness: p.nz * p.a, lattice: p.a });
          summary = { vForm: st.vForm, vSet: st.vSet, vReset: st.vReset, rOn: st.rOn, rOff: st.rOff, gapOff: st.gapOff, events: st.events, handoff: { device: mm } };
          const cyclesCsv = columnsToCsv(rows, { vSet: 'V', vReset: 'V', rOn: 'Ohm', rOff: 'Ohm', gapOff: 'm' });
          if (handoff) {
            const per = (f: (c: (typeof st.runs)[number]['cycles'][number]) => number) => st.runs.map((x) => x.cycles.map(f));
            summary.handoff = { device: mm, ...handoffKmc(handoff, {
              devices: seeds, vSet: per((c) => c.vSet), vReset: per((c) => c.vReset), rOn: per((c) => c.rOn), rOff: per((c) => c.rOff),
              gapOffMean: st.gapOff.mean, thickness: p.nz * p.a, lattice: p.a, rSeries: p.rSeries,
              rate: SWEEP_DEFAULTS.rate, vResetStop: SWEEP_DEFAULTS.vResetStop, vSetMax: SWEEP_DEFAULTS.vSetMax,
            }, out, cyclesCsv) };
          }
          if (out) {
            writeAtomic(join(out, 'cycles.csv'), cyclesCsv);
            writeAtomic(join(out, 'handoff-device.json'), toJson(mm));
          }
        } else {
          const kinds: ConfinementKind[] = ['control', 'dislocation', 'dislocation-pipe', 'nanocrystal', 'nanopore', 'edge'];
          const rows = confinementStudy(p, kinds, seeds, nCyc, undefined, {}, progress);
          const pores = [1, 2, 4, 8].map((pore) => {
            const st = cycleStatistics(p, seeds, 1, undefined, () => confinementMasks(p, 'nanopore', { pore }));
            const hi = cycleStatistics({ ...p, compliance: 3 * p.compliance }, seeds, 1, undefined, () => confinementMasks(p, 'nanopore', { pore }));
            // one cycle per device: the mean over devices of that cycle's R_on (variability()
            // needs two cycles per device for a device mean)
            const ron = (s: typeof st) => { const x = s.runs.map((r) => r.cycles[0].rOn).filter(Number.isFinite); return x.length ? x.reduce((a, b) => a + b, 0) / x.length : NaN; };
            return { pore, vFormMean: st.vForm.mean, rOnMean: ron(st), rOnMeanTripleCompliance: ron(hi) };
          });
          summary = { table: rows, poreSizes: pores, ecm: ecmConfinement({}, seeds, nCyc, out, progress) };
          if (out) {
            const keys = Object.keys(rows[0]).filter((k) => k !== 'kind');
            const lines = [['kind', ...keys].join(','), ...rows.map((r) => [r.kind, ...keys.map((k) => String((r as unknown as Record<string, number>)[k]))].join(','))];
            writeAtomic(join(out, 'confinement.csv'), lines.join('\n') + '\n');
          }
        }
      } else if (protocol === 'growth-map') {
        if (device !== undefined && device !== 'ag-ecm') throw new UsageError(`--device ${device}: expected ag-ecm for --protocol growth-map`);
        const p = kmcSets(ECM_DEFAULTS, sets);
        const cells = growthMap(p, [1e-3, 1e-1, 10], [1e-4, 1, 1e4], seed);
        summary = { map: cells.map((c) => ({ mobility: c.mobility, redox: c.redox, ...c.mode, bridged: c.growth.bridged, earlyCentroid: c.growth.earlyCentroid, clusters: c.growth.clusters, freeClusters: c.growth.freeClusters, branching: c.growth.branching, largestFraction: c.growth.largestFraction, metal: c.growth.metal, compactness: c.growth.compactness, time: c.growth.time })) };
        if (out) cells.forEach((c) => writeAtomic(join(out, `growth-M${c.mobility}-K${c.redox}.svg`), heatmapSvg({ values: c.growth.state, nx: p.nx, nz: p.nz, dx: p.a, dz: p.a, title: `mobility ${c.mobility}, redox ${c.redox}: ${c.mode.origin}/${c.mode.shape} (0 empty, 1 ion, 2 metal)`, unit: 'state', min: 0, max: 2 })));
      } else {
        if (device !== undefined && device !== 'nb-zno-qpc') throw new UsageError(`--device ${device}: expected nb-zno-qpc for --protocol quantized`);
        const p = kmcSets(QPC_DEFAULTS, sets);
        const runs = int(values.runs, 'runs', 300);
        const h = qpcHistogram(p, Array.from({ length: runs }, (_, k) => seed + k));
        summary = { peaksG0: h.peaks, runs, G0 };
        if (out) {
          writeAtomic(join(out, 'histogram.csv'), columnsToCsv({ gOverG0: h.centers, count: h.counts }));
          const r = qpcSet(p, seed);
          writeAtomic(join(out, 'steps.csv'), columnsToCsv({ t: r.t, v: r.v, gOverG0: r.g.map((g) => g / G0) }, { t: 's', v: 'V' }));
        }
      }
    }
    if (tty) process.stderr.write('\n');
    summary = { model, protocol, ...summary, wallSeconds: (Date.now() - t0) / 1000 };
    if (out) writeAtomic(join(out, 'summary.json'), toJson(summary));
    if (json) console.log(toJson(summary));
    else if (summary.handoff && (summary.handoff as Record<string, unknown>).comparison) {
      const { handoff: h, ...rest } = summary;
      console.log(`filament ${model} ${protocol}: done in ${(Date.now() - t0) / 1000} s${out ? `; files in ${out}` : ''}\n${toJson(rest).slice(0, 2000)}\n${handoffLines(h as Record<string, unknown>).join('\n')}`);
    } else console.log(`filament ${model} ${protocol}: done in ${(Date.now() - t0) / 1000} s${out ? `; files in ${out}` : ''}\n${toJson(summary).slice(0, 3000)}`);
    return 0;
  },
};
