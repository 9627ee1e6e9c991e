/**
 * Types shared by every integrator: the ODE term, the options, the outcome.
 * Integration = term (OdeSystem) + solver (a stepper) + controller + what to save
 * (an observer), as in diffrax.
 * @module solve/types
 */
import type { SolveWorkspace } from './driver.js';

/**
 * Jacobian structure of the term. `block`: `blocks` independent sub-systems of `size`
 * unknowns each, element i of block j stored at `i * blocks + j` (struct-of-arrays, the
 * device layout); the Jacobian of all blocks then costs size + 1 evaluations.
 * `dense`: one coupled system.
 */
export type JacobianStructure = { kind: 'block'; blocks: number; size: number } | { kind: 'dense' };

/** The ODE dy/dt = f(t, y) on a flat Float64Array. rhs must not allocate. */
export interface OdeSystem {
  /** Number of unknowns. */
  readonly n: number;
  /** Writes f(t, y) to dydt. */
  rhs(t: number, y: Float64Array, dydt: Float64Array): void;
  /** Structure of df/dy (default dense). */
  readonly structure?: JacobianStructure;
  /**
   * Called by the driver before each step attempt with the step's interval, so that inputs
   * discontinuous at a breakpoint are evaluated as left limits at the step's end.
   */
  setInterval?(t0: number, t1: number): void;
  /**
   * Optional: true when the input is continuous at the breakpoint t (value equals left
   * limit), so that the derivative of the step that landed there can be reused instead of
   * re-evaluating f. Absent means "maybe discontinuous" (always re-evaluate).
   */
  continuousAt?(t: number): boolean;
}

/** Source of stimulus breakpoints: the integrator lands exactly on each one. */
export interface Breakpoints {
  /** The smallest breakpoint strictly greater than t, or Infinity. Must not allocate. */
  next(t: number): number;
}

/** Event functions g_k(t, y); an event fires when g_k changes sign in the given direction. */
export interface EventSet {
  readonly count: number;
  /** +1: rising only, -1: falling only, 0: both. */
  readonly direction: Int8Array;
  /** Writes g(t, y) for every event to out. */
  evaluate(t: number, y: Float64Array, out: Float64Array): void;
  /**
   * Called at the located event time with the interpolated state (which it may modify).
   * @returns 'stop' to end the integration, 'reset' when it changed y, 'continue' otherwise
   */
  handle(k: number, t: number, y: Float64Array): 'stop' | 'reset' | 'continue';
}

/** Why an integration ended. */
export type SolveStatus = 'ok' | 'stopped' | 'max-steps' | 'step-too-small' | 'non-finite' | 'singular-matrix';

/** Work counters (SciPy's names). */
export interface SolveStats {
  nfev: number;
  njev: number;
  nlu: number;
  nsteps: number;
  naccept: number;
  nreject: number;
  nevents: number;
  nbreakpoints: number;
}

/** Outcome of an integration. */
export interface SolveResult {
  status: SolveStatus;
  /** Human-readable reason, actionable when status is not ok. */
  message: string;
  /** Time reached. */
  t: number;
  /** State at t (the caller's y array, updated in place). */
  y: Float64Array;
  stats: SolveStats;
}

/** What the driver reports to the observer. */
export type StepKind = 'init' | 'step' | 'breakpoint' | 'event' | 'final';

/** Options common to every integrator. */
export interface SolveOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance, scalar or one per unknown (default 1e-9). */
  atol?: number | Float64Array;
  /** First step (default: estimated). */
  h0?: number;
  /** Largest step (default: t1 - t0). */
  hMax?: number;
  /** Smallest step before giving up with status step-too-small (default 1e-14 * span scale). */
  hMin?: number;
  /** Step limit (default 1e7). */
  maxSteps?: number;
  breakpoints?: Breakpoints;
  events?: EventSet;
  /** Called after every accepted step (and at start, breakpoints, events, end). */
  observer?: (t: number, y: Float64Array, kind: StepKind) => void;
  /**
   * Called after every accepted step with the step's interval; may change y (stochastic jumps,
   * cycle-to-cycle resampling). Return true when it changed y.
   */
  afterStep?: (t0: number, t1: number, y: Float64Array) => boolean;
  /** Called when a breakpoint is reached; may change y. Return true when it changed y. */
  atBreakpoint?: (t: number, y: Float64Array) => boolean;
  /** Driver scratch vectors reused across solves (default: allocated per solve). */
  workspace?: SolveWorkspace;
}

/** A fresh zeroed counter set. */
export function newStats(): SolveStats {
  return { nfev: 0, njev: 0, nlu: 0, nsteps: 0, naccept: 0, nreject: 0, nevents: 0, nbreakpoints: 0 };
}
