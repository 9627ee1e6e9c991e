/**
 * Library entry points the lab's worker can run by name (besides `simulate`). Each takes
 * plain data and returns plain data (structured-clonable). Views add their tasks here.
 * @module lab/tasks
 */

/** A task: payload and progress callback -> structured-clonable result. */
export type Task = (payload: unknown, progress: (f: number) => void) => unknown;

/** Registry of tasks by name. */
export const tasks: Record<string, Task> = {};
