/**
 * The simulation worker: runs library functions off the main thread and posts progress and
 * results. It contains no simulation code of its own: every task calls the library.
 * @module lab/worker
 */
import { resolveSpec } from '../experiment/spec.js';
import { simulate } from '../experiment/run.js';
import { SpecError } from '../units/parse.js';
import { tasks } from './tasks.js';

interface Req { id: number; kind: string; payload: unknown; }

const ctx = self as unknown as { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<Req>) => void) | null };

ctx.onmessage = (e: MessageEvent<Req>) => {
  const { id, kind, payload } = e.data;
  const progress = (f: number, partial?: unknown) => ctx.postMessage({ id, type: 'progress', fraction: f, partial });
  try {
    let result: unknown;
    if (kind === 'simulate') {
      const spec = resolveSpec(payload);
      const r = simulate(spec, { onProgress: progress });
      result = { status: r.status, message: r.message, columns: r.columns, units: r.units, metrics: r.metrics, provenance: r.provenance, stats: r.stats };
    } else if (tasks[kind]) {
      result = tasks[kind](payload, progress);
    } else throw new Error(`unknown task ${kind}`);
    ctx.postMessage({ id, type: 'result', result });
  } catch (err) {
    const se = err instanceof SpecError;
    ctx.postMessage({ id, type: 'error', message: (err as Error).message, path: se ? (err as SpecError).path : undefined });
  }
};
