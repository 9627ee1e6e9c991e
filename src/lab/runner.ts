/**
 * Main-thread side of the worker: one job at a time per runner, progress, cancel (the worker
 * is terminated and replaced, so a cancelled job cannot block the next one).
 * @module lab/runner
 */

/** Error from a worker task, with the spec path when the library named one. */
export class TaskError extends Error {
  constructor(message: string, readonly path?: string) { super(message); }
}

/** Progress callback: fraction done in [0, 1] and an optional partial result. */
export type Progress = (fraction: number, partial?: unknown) => void;

/** Runs tasks in a module Web Worker. */
export class Runner {
  private worker: Worker;
  private seq = 0;
  private pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void; progress?: Progress }>();
  constructor(private readonly url: URL) {
    this.worker = this.spawn();
  }
  private spawn(): Worker {
    const w = new Worker(this.url, { type: 'module' });
    w.onmessage = (e: MessageEvent) => {
      const m = e.data as { id: number; type: string; fraction?: number; partial?: unknown; result?: unknown; message?: string; path?: string };
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.progress?.(m.fraction ?? 0, m.partial);
      else {
        this.pending.delete(m.id);
        if (m.type === 'result') p.ok(m.result);
        else p.fail(new TaskError(m.message ?? 'task failed', m.path));
      }
    };
    w.onerror = (e) => {
      for (const p of this.pending.values()) p.fail(new TaskError(e.message || 'worker error'));
      this.pending.clear();
    };
    return w;
  }
  /**
   * Run a task; resolves with its result. `progress` receives the fraction done and, from tasks
   * that report them, partial results (e.g. one training epoch) as they come.
   */
  run<T>(kind: string, payload: unknown, progress?: Progress): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail, progress });
      this.worker.postMessage({ id, kind, payload });
    });
  }
  /** Cancel everything running: terminate the worker and start a fresh one. */
  cancel(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.fail(new TaskError('cancelled'));
    this.pending.clear();
    this.worker = this.spawn();
  }
  get busy(): boolean { return this.pending.size > 0; }
}
