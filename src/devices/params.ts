/**
 * Parameter resolution at the boundary: user values (numbers or unit strings) plus a preset
 * plus the model defaults -> a complete, checked set of SI numbers. Errors name the path, the
 * value and what was expected. Variability keys (<param>Dtod, <param>C2c) are split off here.
 * @module devices/params
 */
import type { DeviceModel, ParamDef, Preset } from './contract.js';
import { parseQuantity, SpecError } from '../units/parse.js';

/** Relative spreads and their distribution for one parameter. */
export interface Spread {
  /** Relative standard deviation (normal) or sigma of ln (lognormal), dimensionless. */
  dtod: number;
  c2c: number;
  distribution: 'normal' | 'lognormal';
}

/** Nominal values plus spreads, all SI. */
export interface ResolvedParams {
  values: Float64Array;
  spreads: Map<number, Spread>;
}

/** Parse one parameter value and check its range. */
export function resolveParam(def: ParamDef, value: unknown, path: string): number {
  let x: number;
  if (def.choices && typeof value === 'string' && def.choices.includes(value)) x = def.choices.indexOf(value);
  else {
    if (def.choices && typeof value === 'string') throw new SpecError(path, value, `one of ${def.choices.join(', ')}`);
    x = parseQuantity(value, def.dim, path);
  }
  if (!(x >= def.min && x <= def.max)) {
    throw new SpecError(path, value, `${def.meaning} within [${def.min}, ${def.max}] ${def.unit}`);
  }
  if (def.integer && !Number.isInteger(x)) throw new SpecError(path, value, `an integer (${def.meaning})`);
  return x;
}

/**
 * Resolve a full parameter set.
 * @param set user overrides (may contain <param>Dtod / <param>C2c relative spreads and <param>Dist)
 * @param path spec path of `set` for errors, e.g. "device.set"
 */
export function resolveParams(model: Pick<DeviceModel, 'id' | 'params'>, preset: Preset | undefined, set: Record<string, unknown> | undefined, path: string): ResolvedParams {
  const values = new Float64Array(model.params.length);
  const byName = new Map(model.params.map((p, k) => [p.name, k] as const));
  model.params.forEach((p, k) => { values[k] = p.default; });
  const spreads = new Map<number, Spread>();
  if (preset) {
    for (const [name, v] of Object.entries(preset.params)) {
      // presets written by `nanoionics fit` carry measured spreads (<param>Dtod / C2c / Dist)
      if (spreadKey(model, byName, spreads, name, v, `preset ${preset.id}`)) continue;
      const k = byName.get(name);
      if (k === undefined) throw new SpecError(`preset ${preset.id}.${name}`, v, `a parameter of model ${model.id}`);
      values[k] = resolveParam(model.params[k], v, `preset ${preset.id}.${name}`);
    }
  }
  if (set !== undefined && (typeof set !== 'object' || set === null || Array.isArray(set))) {
    throw new SpecError(path, set, 'a map of parameter names to values');
  }
  for (const [key, v] of Object.entries(set ?? {})) {
    if (spreadKey(model, byName, spreads, key, v, path)) continue;
    const k = byName.get(key);
    if (k === undefined) {
      const names = model.params.map((p) => p.name);
      throw new SpecError(`${path}.${key}`, v, `a parameter of model ${model.id} (${names.join(', ')}), or <param>Dtod / <param>C2c / <param>Dist`);
    }
    values[k] = resolveParam(model.params[k], v, `${path}.${key}`);
  }
  return { values, spreads };
}

/** Parse a `<param>Dtod` / `<param>C2c` / `<param>Dist` entry into `spreads`; false when `key` is not one. */
function spreadKey(model: Pick<DeviceModel, 'id' | 'params'>, byName: Map<string, number>, spreads: Map<number, Spread>, key: string, v: unknown, path: string): boolean {
  const m = /^(.*?)(Dtod|C2c|Dist)$/.exec(key);
  if (!m || !byName.has(m[1])) return false;
  const k = byName.get(m[1])!;
  if (model.params[k].fixed) throw new SpecError(`${path}.${key}`, v, `no variability: ${m[1]} is a structural parameter`);
  const sp = spreads.get(k) ?? { dtod: 0, c2c: 0, distribution: 'normal' as const };
  if (m[2] === 'Dist') {
    if (v !== 'normal' && v !== 'lognormal') throw new SpecError(`${path}.${key}`, v, '"normal" or "lognormal"');
    sp.distribution = v;
  } else {
    const s = parseQuantity(v, 'dimensionless', `${path}.${key}`);
    if (!(s >= 0 && s <= 5)) throw new SpecError(`${path}.${key}`, v, 'a relative spread between 0 and 5 (e.g. 0.1 for 10 %)');
    if (m[2] === 'Dtod') sp.dtod = s; else sp.c2c = s;
  }
  spreads.set(k, sp);
  return true;
}
