/**
 * Documented parameter tables for the physics level (same habit as the device catalogue:
 * default, unit, range, meaning, source for every parameter) and their resolution from user
 * overrides (numbers in SI or strings with units) with errors naming the path.
 * @module physics/param-schema
 */
import { parseQuantity, SpecError, type Dimension } from '../units/parse.js';

/** One documented physics parameter. */
export interface PhysParam {
  readonly name: string;
  readonly default: number;
  readonly unit: string;
  readonly dim: Dimension;
  readonly min: number;
  readonly max: number;
  readonly meaning: string;
  readonly source: string;
  readonly integer?: boolean;
}

/**
 * Resolve overrides against a table: unknown names, wrong units, out-of-range values and
 * non-integers where integers are required raise a SpecError naming `path.name`.
 */
export function resolvePhysParams<T extends Record<string, number>>(table: readonly PhysParam[], set: Record<string, unknown> | undefined, path: string): T {
  const out: Record<string, number> = {};
  for (const p of table) out[p.name] = p.default;
  if (set !== undefined && (typeof set !== 'object' || set === null || Array.isArray(set))) throw new SpecError(path, set, 'a map of parameter names to values');
  for (const [k, v] of Object.entries(set ?? {})) {
    const p = table.find((q) => q.name === k);
    if (!p) throw new SpecError(`${path}.${k}`, v, `one of the parameters ${table.map((q) => q.name).join(', ')}`);
    const x = parseQuantity(v, p.dim, `${path}.${k}`);
    if (!(x >= p.min && x <= p.max)) throw new SpecError(`${path}.${k}`, v, `${p.meaning} within [${p.min}, ${p.max}] ${p.unit}`);
    if (p.integer && !Number.isInteger(x)) throw new SpecError(`${path}.${k}`, v, `an integer (${p.meaning})`);
    out[k] = x;
  }
  return out as T;
}
