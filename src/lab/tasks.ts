/**
 * Library entry points the lab's worker runs by name (besides `simulate`). Each takes plain
 * data and returns structured-clonable data; none contains simulation code of its own.
 * @module lab/tasks
 */
import { runProtocolSpec } from '../protocols/registry.js';
import { listPanels } from '../report/reproduce.js';
import { computePanel } from '../report/panel.js';
import { renderSvg } from '../report/svg-plot.js';
import { resolveContinuumParams } from '../physics/continuum/params.js';
import { cycle } from '../physics/continuum/scenarios.js';
import { resolveDevice } from '../experiment/device-spec.js';
import { buildCells, DEFAULT_SINH, type CellChoice } from '../circuit/crossbar-build.js';
import { CrossbarSystem } from '../circuit/crossbar-system.js';
import { readCell, type ReadScheme } from '../circuit/crossbar-read.js';
import { marginVsSize } from '../circuit/crossbar-study.js';
import { runVmm, randomVmmProblem } from '../circuit/crossbar-vmm.js';
import { Rng } from '../rng/rng.js';
import { networkTasks } from './tasks-network.js';

/**
 * A task: payload and progress callback -> structured-clonable result. `progress(f, partial)`
 * may carry a partial result (the view shows it before the task ends).
 */
export type Task = (payload: unknown, progress: (f: number, partial?: unknown) => void) => unknown;

/** Registry of tasks by name. */
export const tasks: Record<string, Task> = {
  /** Run a protocol spec ({ protocol, device, series?, circuit?, params, seed }). */
  protocol: (payload) => runProtocolSpec(payload),
  /** Compute one report panel by id; the SVG is rendered here so the page only shows it. */
  panel: (payload) => {
    const id = (payload as { id: string }).id;
    const def = listPanels().find((p) => p.id === id);
    if (!def) throw new Error(`no report panel ${id}`);
    const r = computePanel(def);
    return { ...r, svg: r.plot ? renderSvg({ ...r.plot, width: 520, height: 340 }) : undefined };
  },
  /**
   * Continuum forming / RESET / SET / RESET cycle (physics/continuum) with `frames` snapshots:
   * maps of vacancy density, temperature and current density, the I-V trace, and the row
   * geometry of the solver's grid (row faces zEdges, m: rows refined toward the bottom
   * electrode when dzBottom > 0).
   */
  filament: (payload) => {
    const o = payload as { set?: Record<string, unknown>; frames?: number };
    const p = resolveContinuumParams(o.set ?? {}, 'set');
    const c = cycle(p, { frames: o.frames ?? 24 });
    const frames = c.snapshots.map((sn) => ({ t: sn.t, n: sn.n, T: sn.T, j: sn.j }));
    return {
      status: c.run.status, message: c.run.message, metrics: c.metrics,
      grid: { nx: p.nx, nz: p.nz, dx: c.solver.grid.dx, dz: p.thickness / p.nz, zEdges: Float64Array.from(c.solver.grid.zFace), axisymmetric: p.geometry === 0 },
      params: { compliance: p.compliance, soret: p.soret, dzBottom: p.dzBottom, thickness: p.thickness },
      columns: { t: c.run.columns.t, vs: c.run.columns.vs, v: c.run.columns.v, i: c.run.columns.i },
      frames,
    };
  },
  /** One crossbar read: cell current and voltage maps, sneak current, sense output. */
  'crossbar-read': (payload) => {
    const o = payload as { n: number; rWire: number; cell: '1r' | '1s1r'; device: string; scheme: ReadScheme; vRead: number; rSense: number; seed?: number };
    const dev = resolveDevice({ preset: o.device }, 'device');
    const choice: CellChoice = { type: o.cell, device: { model: dev.model, resolved: dev.resolved }, selector: o.cell === '1s1r' ? DEFAULT_SINH : undefined };
    const cells = buildCells(choice, o.n, o.n, new Rng(o.seed ?? 1));
    const sys = new CrossbarSystem({ rows: o.n, cols: o.n, rWord: o.rWire, rBit: o.rWire }, cells.cell);
    const row = 0, col = o.n - 1;
    const r = readCell(sys, { row, col, vRead: o.vRead, scheme: o.scheme, rSense: o.rSense });
    return {
      status: r.solve.status, message: r.solve.message, row, col,
      iCell: Float64Array.from(sys.iCell), vCell: Float64Array.from(sys.vCell),
      metrics: { iCell: r.iCell, iSense: r.iSense, iSneak: r.iSneak, sneakFraction: r.sneakFraction, vOut: r.vOut, power: r.power },
    };
  },
  /** Read margin vs array size for 1R and 1S1R (sinh selector) cells. */
  'crossbar-margin': (payload) => {
    const o = payload as { sizes: number[]; rWire: number; device: string; scheme: ReadScheme; vRead: number; rSense: number };
    const dev = resolveDevice({ preset: o.device }, 'device');
    const mem = { model: dev.model, resolved: dev.resolved };
    const cond = { rWire: o.rWire, vRead: o.vRead, scheme: o.scheme, rSense: o.rSense };
    return {
      sizes: o.sizes,
      r1: marginVsSize({ type: '1r', device: mem }, o.sizes, cond).map((m) => m.margin),
      s1r1: marginVsSize({ type: '1s1r', device: mem, selector: DEFAULT_SINH }, o.sizes, cond).map((m) => m.margin),
    };
  },
  /** VMM relative error vs array size at the given wire resistance (8-bit DAC/ADC, differential pairs). */
  'crossbar-vmm': (payload) => {
    const o = payload as { sizes: number[]; rWire: number; seed?: number };
    const err: number[] = [], enob: number[] = [];
    for (const n of o.sizes) {
      const rng = new Rng(o.seed ?? 1);
      const { w, x } = randomVmmProblem(n, n, 8, rng);
      const r = runVmm(w, n, n, x, 8, { rWire: o.rWire, vRead: 0.2, gMin: 1e-6, gMax: 1e-4, dacBits: 8, adcBits: 8, rng });
      err.push(r.relError);
      enob.push(r.enob);
    }
    return { sizes: o.sizes, relError: err, enob };
  },
  /** Spiking networks, reservoir digits, MLP on devices (lab/tasks-network). */
  ...networkTasks,
};
