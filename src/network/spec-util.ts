/**
 * Small validators of the network spec: maps, allowed keys, quantities with bounds, integers
 * and per-unit initial values. Each throws SpecError naming the path.
 * @module network/spec-util
 */
import { parseQuantity, SpecError, type Dimension } from '../units/parse.js';

/** Initial values drawn per unit: a constant, uniform or normal draws, or one value per unit. */
export type Init = { kind: 'const'; value: number } | { kind: 'uniform'; lo: number; hi: number } | { kind: 'normal'; mean: number; sd: number } | { kind: 'list'; values: number[] };


/** A map (plain object) or a SpecError. */
export function obj(v: unknown, path: string, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SpecError(path, v, what);
  return v as Record<string, unknown>;
}
/** Reject keys not in `keys`. */
export function onlyKeys(o: Record<string, unknown>, keys: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new SpecError(path ? `${path}.${k}` : k, o[k], `a key of ${path || 'a network spec'} (${keys.join(', ')})`);
}
/** A quantity with optional bounds (inclusive unless open). */
export function qty(v: unknown, dim: Dimension, path: string, lo = -Infinity, hi = Infinity, openLo = false): number {
  const x = parseQuantity(v, dim, path);
  if (x < lo || x > hi || (openLo && x === lo)) throw new SpecError(path, v, `a ${dim} ${openLo ? '>' : '>='} ${lo}${hi < Infinity ? ` and <= ${hi}` : ''}`);
  return x;
}
/** A positive integer up to max. */
export function int(v: unknown, path: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new SpecError(path, v, `an integer from ${lo} to ${hi}`);
  return v;
}
/** An initial-value spec: number / unit string, { uniform: [lo, hi] }, { normal: [mean, sd] } or a list of n values (n < 0: length checked later). */
export function init(v: unknown, dim: Dimension, path: string, n: number): Init {
  if (Array.isArray(v)) {
    if (n >= 0 && v.length !== n) throw new SpecError(path, v, `${n} values (one per unit), a single value, { uniform: [lo, hi] } or { normal: [mean, sd] }`);
    return { kind: 'list', values: v.map((x, k) => parseQuantity(x, dim, `${path}[${k}]`)) };
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const k = Object.keys(o);
    const pair = (key: string): [number, number] => {
      const a = o[key];
      if (!Array.isArray(a) || a.length !== 2) throw new SpecError(`${path}.${key}`, a, 'two values [a, b]');
      return [parseQuantity(a[0], dim, `${path}.${key}[0]`), parseQuantity(a[1], dim, `${path}.${key}[1]`)];
    };
    if (k.length === 1 && k[0] === 'uniform') {
      const [lo, hi] = pair('uniform');
      if (!(hi >= lo)) throw new SpecError(`${path}.uniform`, o.uniform, 'lo <= hi');
      return { kind: 'uniform', lo, hi };
    }
    if (k.length === 1 && k[0] === 'normal') {
      const [mean, sd] = pair('normal');
      if (!(sd >= 0)) throw new SpecError(`${path}.normal[1]`, sd, 'a standard deviation >= 0');
      return { kind: 'normal', mean, sd };
    }
    throw new SpecError(path, v, 'a value, { uniform: [lo, hi] }, { normal: [mean, sd] } or a list of values');
  }
  return { kind: 'const', value: parseQuantity(v, dim, path) };
}
