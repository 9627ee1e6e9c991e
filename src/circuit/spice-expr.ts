/**
 * Expression builders in the neutral syntax of circuit/spice-templates (ngspice B-sources and
 * Verilog-A): the smooth building blocks of math/smooth.ts and devices/bound-gate.ts written as
 * strings, so exported models keep the TypeScript equations term for term.
 * @module circuit/spice-expr
 */
import { num } from './spice-templates.js';

const E80 = num(Math.exp(80));

/** limexp(a): exp(a) up to 80, linear continuation above (math/smooth limexp). */
export function limexpE(a: string): string {
  return `((${a}) <= 80 ? exp(min(${a},80)) : ${E80}*(1+(${a})-80))`;
}
/** limsinh(a) = (limexp(a) - limexp(-a)) / 2 (equal to sinh(a) for |a| <= 80). */
export function limsinhE(a: string): string {
  return `(0.5*(${limexpE(a)}-${limexpE(`-(${a})`)}))`;
}
/** sstep(x, eps) = (1 + tanh(x / eps)) / 2. */
export function sstepE(x: string, eps: number): string {
  return `(0.5*(1+tanh((${x})/${num(eps)})))`;
}
/** gatePhi(d, eps) = tanh(d/eps)^2 for d > 0, else 0 (devices/bound-gate). */
export function phiE(d: string, eps: number): string {
  return `((${d}) > 0 ? tanh((${d})/${num(eps)})*tanh((${d})/${num(eps)}) : 0)`;
}
/** boundGate(rate, x, lo, hi, eps) of devices/bound-gate. */
export function boundGateE(rate: string, x: string, lo: number, hi: number, eps: number): string {
  return `((${rate}) > 0 ? (${rate})*${phiE(`${num(hi)}-(${x})`, eps)} : ((${rate}) < 0 ? (${rate})*${phiE(`(${x})-${num(lo)}`, eps)} : 0))`;
}
/** gate(rate, x, lo, hi, eps) of math/smooth (tanh steps). */
export function gateE(rate: string, x: string, lo: number, hi: number, eps: number): string {
  return `((${rate}) > 0 ? (${rate})*${sstepE(`${num(hi)}-(${x})`, eps)} : (${rate})*${sstepE(`(${x})-${num(lo)}`, eps)})`;
}
/**
 * Math.pow(u, a) for u >= 0: repeated products for small integer exponents (ngspice's pow
 * of a negative base in an unused ternary branch is harmless, but products need no branch).
 */
export function powE(u: string, a: number): string {
  if (Number.isInteger(a) && a >= 1 && a <= 8) return Array.from({ length: a }, () => `(${u})`).join('*');
  return `pow(max(${u},0),${num(a)})`;
}
/** wall(rate, x, lo, hi, d) of math/smooth (hard-walled tanh gate). */
export function wallE(rate: string, x: string, lo: number, hi: number, d: number): string {
  return `((${rate}) > 0 ? (${rate})*tanh((${num(hi)}-(${x}))/${num(d)}) : (${rate})*tanh(((${x})-${num(lo)})/${num(d)}))`;
}
/**
 * softplus(x, eps) of math/smooth. `ln` is the natural logarithm in both dialects (Verilog-A's
 * `log` is base 10); ln(1 + e^z) differs from log1p(e^z) by < 1e-16 absolute.
 */
export function softplusE(x: string, eps: number): string {
  return `((${x})/${num(eps)} > 35 ? (${x}) : ${num(eps)}*ln(1+exp(min((${x})/${num(eps)},35))))`;
}
