/**
 * Functions and constants of the equation language, with their JavaScript code and their
 * derivatives. Every function here is total on finite numbers or returns NaN (which the
 * driver reports as a non-finite state); limexp / sstep are the well-posed choices for
 * Arrhenius rates and switches (Wang & Roychowdhury, arXiv:1605.04897).
 *
 * | name            | meaning                                                     |
 * |-----------------|-------------------------------------------------------------|
 * | exp log log10 sqrt sinh cosh tanh asinh abs sign | the usual (log = natural log) |
 * | min(a, b, ...) max(a, b, ...) pow(a, b)          |                              |
 * | limexp(x)       | exp(x) for x <= 80, continued linearly above (SPICE limexp) |
 * | step(x)         | Heaviside: 1 for x > 0, 0.5 at 0, 0 for x < 0               |
 * | sstep(x, eps)   | smooth step (1 + tanh(x / eps)) / 2                         |
 * | if(c, a, b)     | a where c != 0, else b (only the chosen branch is evaluated)|
 *
 * Constants: q (C), kB (J/K), h (J s), G0 = 2 q^2 / h (S), pi.
 * @module devices/equation/functions
 */
import { limexp, LIMEXP_MAX, sstep } from '../../math/smooth.js';
import { Q, KB, H, G0 } from '../../units/constants.js';

/** Named constants (SI). */
export const CONSTANTS: Readonly<Record<string, number>> = Object.freeze({ q: Q, kB: KB, h: H, G0, pi: Math.PI });

/** Arity and code template of one function; args are already-emitted JS expressions. */
export interface FnDef {
  readonly min: number;
  readonly max: number;
  emit(args: string[]): string;
}

const un = (js: string): FnDef => ({ min: 1, max: 1, emit: (a) => `${js}(${a[0]})` });

/** Function table of the language. */
export const FUNCTIONS: Readonly<Record<string, FnDef>> = Object.freeze({
  exp: un('Math.exp'), log: un('Math.log'), log10: un('Math.log10'), sqrt: un('Math.sqrt'),
  sinh: un('Math.sinh'), cosh: un('Math.cosh'), tanh: un('Math.tanh'), asinh: un('Math.asinh'),
  abs: un('Math.abs'), sign: un('Math.sign'),
  limexp: un('H_limexp'), dlimexp: un('H_dlimexp'),
  step: un('H_step'),
  min: { min: 1, max: 16, emit: (a) => `Math.min(${a.join(', ')})` },
  max: { min: 1, max: 16, emit: (a) => `Math.max(${a.join(', ')})` },
  pow: { min: 2, max: 2, emit: (a) => `Math.pow(${a[0]}, ${a[1]})` },
  sstep: { min: 2, max: 2, emit: (a) => `H_sstep(${a[0]}, ${a[1]})` },
  dsstep: { min: 2, max: 2, emit: (a) => `H_dsstep(${a[0]}, ${a[1]})` },
  if: { min: 3, max: 3, emit: (a) => `(${a[0]} !== 0 ? ${a[1]} : ${a[2]})` },
});

/** Internal helpers (dlimexp, dsstep) are not offered to users. */
export const INTERNAL_FUNCTIONS = new Set(['dlimexp', 'dsstep']);

/** Runtime helpers the generated code calls (passed in as arguments, never looked up globally). */
export const HELPERS = {
  H_limexp: limexp,
  /** d limexp / dx. */
  H_dlimexp: (x: number): number => Math.exp(x <= LIMEXP_MAX ? x : LIMEXP_MAX),
  H_step: (x: number): number => (x > 0 ? 1 : x < 0 ? 0 : 0.5),
  H_sstep: sstep,
  /** d sstep(x, eps) / dx = (1 - tanh^2(x / eps)) / (2 eps). */
  H_dsstep: (x: number, eps: number): number => { const th = Math.tanh(x / eps); return (1 - th * th) / (2 * eps); },
  /** Directional smooth gate for bounded states (math/smooth gate, inlined form). */
  H_gate: (rate: number, x: number, lo: number, hi: number, eps: number): number =>
    rate > 0 ? rate * 0.5 * (1 + Math.tanh((hi - x) / eps)) : rate * 0.5 * (1 + Math.tanh((x - lo) / eps)),
};
