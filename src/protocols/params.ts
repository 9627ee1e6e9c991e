/**
 * Protocol parameter resolution: user values (numbers, unit strings, lists) over per-preset
 * defaults over the protocol's own defaults -> SI numbers, validated once. Errors name the
 * path (`params.intervals[2]`), the value and what was expected.
 * @module protocols/params
 */
import { parseQuantity, parseQuantityList, SpecError } from '../units/parse.js';
import type { Protocol, ProtocolParamDef, ProtocolParams } from './types.js';

function resolveOne(d: ProtocolParamDef, v: unknown, path: string): number | number[] | string {
  if (d.choices) {
    if (typeof v !== 'string' || !d.choices.includes(v)) throw new SpecError(path, v, `one of ${d.choices.join(', ')} (${d.meaning})`);
    return v;
  }
  const check = (x: number, p: string, raw: unknown) => {
    if (d.integer && !Number.isInteger(x)) throw new SpecError(p, raw, `an integer (${d.meaning})`);
    if ((d.min !== undefined && x < d.min) || (d.max !== undefined && x > d.max)) {
      throw new SpecError(p, raw, `${d.meaning} within [${d.min ?? '-inf'}, ${d.max ?? 'inf'}] ${d.unit}`);
    }
    return x;
  };
  if (d.list) {
    const xs = parseQuantityList(v, d.dim, path);
    return xs.map((x, k) => check(x, `${path}[${k}]`, Array.isArray(v) ? v[k] : v));
  }
  return check(parseQuantity(v, d.dim, path), path, v);
}

/**
 * Resolve parameters for a protocol.
 * @param user the user's values (CLI --set or the spec's `params`)
 * @param presetDefaults defaults for the device at hand (may use unit strings)
 * @param path spec path of the parameter map, for errors
 */
export function resolveProtocolParams(proto: Protocol, user: Record<string, unknown> = {}, presetDefaults: Record<string, unknown> = {}, path = 'params'): ProtocolParams {
  const byName = new Map(proto.params.map((d) => [d.name, d] as const));
  for (const k of Object.keys(user)) {
    if (!byName.has(k)) throw new SpecError(`${path}.${k}`, user[k], `a parameter of protocol ${proto.id} (${proto.params.map((d) => d.name).join(', ')})`);
  }
  const out: ProtocolParams = {};
  for (const d of proto.params) {
    if (d.name in user) out[d.name] = resolveOne(d, user[d.name], `${path}.${d.name}`);
    else if (d.name in presetDefaults) out[d.name] = resolveOne(d, presetDefaults[d.name], `defaults.${d.name}`);
    else out[d.name] = typeof d.default === 'object' ? [...d.default] : d.default;
  }
  return out;
}

/** Typed accessors (parameters are validated before the run; these only narrow types). */
export function num(p: ProtocolParams, k: string): number { return p[k] as number; }
export function list(p: ProtocolParams, k: string): number[] { return p[k] as number[]; }
export function str(p: ProtocolParams, k: string): string { return p[k] as string; }

/** Shorthand to declare a protocol parameter. */
export function pp(name: string, def: ProtocolParamDef['default'], dim: ProtocolParamDef['dim'], unit: string, meaning: string, extra: Partial<ProtocolParamDef> = {}): ProtocolParamDef {
  return { name, default: def, dim, unit, meaning, list: Array.isArray(def), ...extra };
}
