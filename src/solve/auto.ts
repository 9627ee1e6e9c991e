/**
 * Automatic stiffness switching (in the spirit of LSODA): integrate with an explicit pair
 * while the problem is not stiff, switch to a Rosenbrock method when the explicit method's
 * step is limited by stability, and back when it is not any more.
 *
 * Explicit -> implicit: h rho > 3.25 (the DOPRI5 stability boundary, Hairer & Wanner's test
 * from the last two stages) on 15 steps, the count being cleared only after 6 consecutive
 * non-stiff steps (the rule of Hairer's dopri5 code, where the estimate fluctuates around the
 * boundary while the controller is stability-limited). Implicit -> explicit: h ||J||_inf < 1
 * (an upper bound of h rho) on 30 consecutive steps.
 * @module solve/auto
 */
import type { OdeSystem, SolveStats } from './types.js';
import type { Stepper } from './driver.js';
import { ExplicitRK, type ExplicitTableau } from './explicit-rk.js';
import { Rosenbrock, type RosenbrockTableau } from './rosenbrock.js';

const TO_IMPLICIT_HRHO = 3.25;
const TO_IMPLICIT_STEPS = 15;
const CALM_STEPS = 6;
const TO_EXPLICIT_HNORM = 1;
const TO_EXPLICIT_STEPS = 30;

/** A stepper that switches between an explicit and a Rosenbrock method on detected stiffness. */
export class AutoStepper implements Stepper {
  private readonly ex: ExplicitRK;
  private readonly im: Rosenbrock;
  private cur: ExplicitRK | Rosenbrock;
  private count = 0;
  private calm = 0;
  /** Number of method switches (reported in the run's stats). */
  switches = 0;

  constructor(explicit: ExplicitTableau, implicit: RosenbrockTableau, startImplicit = false) {
    this.ex = new ExplicitRK(explicit);
    this.ex.detectStiffness = true;
    this.im = new Rosenbrock(implicit);
    this.cur = startImplicit ? this.im : this.ex;
  }
  get name(): string { return `auto(${this.ex.name}/${this.im.name}: now ${this.cur.name})`; }
  get order(): number { return this.cur.order; }
  get errorOrder(): number { return this.cur.errorOrder; }
  get minStepsPerSegment(): number | undefined { return this.cur.minStepsPerSegment; }
  /** Whether the implicit method is in use. */
  get implicit(): boolean { return this.cur === this.im; }

  prepare(sys: OdeSystem, stats: SolveStats, atol: Float64Array, rtol: number): void {
    this.ex.prepare(sys, stats);
    this.im.prepare(sys, stats, atol, rtol);
  }

  step(t: number, h: number, y: Float64Array, f0: Float64Array, yNew: Float64Array, f1: Float64Array, err: Float64Array): number {
    const code = this.cur.step(t, h, y, f0, yNew, f1, err);
    if (code !== 0) return code;
    if (this.cur === this.ex) {
      if (this.ex.lastHRho > TO_IMPLICIT_HRHO) {
        this.calm = 0;
        if (++this.count >= TO_IMPLICIT_STEPS) { this.cur = this.im; this.count = 0; this.switches++; }
      } else if (++this.calm >= CALM_STEPS) { this.count = 0; this.calm = 0; }
    } else if (h * this.im.lastNormJ < TO_EXPLICIT_HNORM) {
      if (++this.count >= TO_EXPLICIT_STEPS) { this.cur = this.ex; this.count = 0; this.switches++; }
    } else this.count = 0;
    return 0;
  }
}
