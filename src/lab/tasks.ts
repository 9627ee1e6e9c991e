/**
 * Library entry points the lab's worker runs by name (besides `simulate`). Each takes plain
 * data and returns structured-clonable data; none contains simulation code of its own.
 * @module lab/tasks
 */
import { runProtocolSpec } from '../protocols/registry.js';
import { listPanels } from '../report/reproduce.js';
import { computePanel } from '../report/panel.js';
import { renderSvg } from '../report/svg-plot.js';

/** A task: payload and progress callback -> structured-clonable result. */
export type Task = (payload: unknown, progress: (f: number) => void) => unknown;

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
};
