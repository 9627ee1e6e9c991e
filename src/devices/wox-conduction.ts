/**
 * The WOx conduction law shared by the Chang 2011 and Du 2015 models (models.md 6.1, 6.2):
 * a Schottky-like path through the low-vacancy area in parallel with a tunnelling path
 * through the vacancy-rich fraction w,
 *   I = (1 - w) alpha (1 - exp(-beta V)) + w gamma sinh(delta V).
 * @module devices/wox-conduction
 */
import { limexp, limsinh } from '../math/smooth.js';

/** Current of the WOx law (A). */
export function woxCurrent(V: number, w: number, alpha: number, beta: number, gamma: number, delta: number): number {
  return (1 - w) * alpha * (1 - limexp(-beta * V)) + w * gamma * limsinh(delta * V);
}

/** dI/dV of the WOx law (S). */
export function woxConductance(V: number, w: number, alpha: number, beta: number, gamma: number, delta: number): number {
  return (1 - w) * alpha * beta * limexp(-beta * V) + w * gamma * delta * 0.5 * (limexp(delta * V) + limexp(-delta * V));
}
