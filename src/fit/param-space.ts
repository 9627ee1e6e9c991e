/**
 * The search space of a fit: the free parameters, their bounds and their scaling. The
 * optimizers work in the unit box u in [0, 1]^n:
 *
 *   linear parameter:  p = lo + u (hi - lo)
 *   log parameter:     log10 p = log10 lo + u (log10 hi - log10 lo)
 *
 * A parameter is log-scaled when its bounds are positive and span more than two decades.
 * Default bounds come from the schema (`ParamDef.min/max`); for log parameters they are
 * narrowed to `span` decades either side of the start value (default 3), because schema
 * ranges such as a mobility of 1e-24..1e-4 m^2/(V s) are physical limits, not a search
 * region, and a global search over 20 decades wastes its budget on solver failures. Users
 * override bounds with `name=lo:hi` (units allowed).
 * @module fit/param-space
 */
import type { DeviceModel } from '../devices/contract.js';
import { parseQuantity, SpecError } from '../units/parse.js';

/** One free parameter. */
export interface FreeParam {
  name: string;
  /** Index in the model's parameter list. */
  index: number;
  unit: string;
  lo: number;
  hi: number;
  log: boolean;
}

/** Map u in [0, 1] to the parameter value. */
export function toValue(f: FreeParam, u: number): number {
  const w = u < 0 ? 0 : u > 1 ? 1 : u;
  return f.log ? Math.pow(10, Math.log10(f.lo) + w * (Math.log10(f.hi) - Math.log10(f.lo))) : f.lo + w * (f.hi - f.lo);
}

/** Map a parameter value to u (clamped to [0, 1]). */
export function toUnit(f: FreeParam, p: number): number {
  const u = f.log ? (Math.log10(p) - Math.log10(f.lo)) / (Math.log10(f.hi) - Math.log10(f.lo)) : (p - f.lo) / (f.hi - f.lo);
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/** Width of the unit box in the parameter's fitting coordinate (decades for log, the unit otherwise). */
export function coordSpan(f: FreeParam): number {
  return f.log ? Math.log10(f.hi) - Math.log10(f.lo) : f.hi - f.lo;
}

/**
 * Parse `--free` entries ("ron", "muv=1e-16:1e-12", "vth=0.2 V:1 V") against a model.
 * @param start the start value of every model parameter (defaults or preset)
 * @param span decades either side of the start for default log bounds
 */
export function freeParams(model: DeviceModel, entries: readonly string[], start: Float64Array, span = 3): FreeParam[] {
  const out: FreeParam[] = [];
  for (const e of entries) {
    const [name, range] = e.split('=').map((s) => s.trim());
    const k = model.params.findIndex((p) => p.name === name);
    const path = `--free ${e}`;
    if (k < 0) throw new SpecError(path, name, `a parameter of ${model.id} (${model.params.map((p) => p.name).join(', ')})`);
    const def = model.params[k];
    if (def.integer || def.choices || def.fixed) throw new SpecError(path, name, 'a continuous parameter (integer, choice and structural parameters cannot be fitted)');
    if (out.some((f) => f.name === name)) throw new SpecError(path, name, 'each parameter once');
    let lo = def.min, hi = def.max;
    const p0 = start[k];
    if (range !== undefined) {
      const parts = range.split(':');
      if (parts.length !== 2) throw new SpecError(path, range, 'bounds as lo:hi, e.g. muv=1e-16:1e-12');
      const q = (s: string, which: string) => parseQuantity(s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s.trim(), def.dim, `${path} (${which} bound)`);
      lo = q(parts[0], 'lower');
      hi = q(parts[1], 'upper');
      if (!(lo < hi) || lo < def.min || hi > def.max) throw new SpecError(path, range, `lo < hi inside the schema range [${def.min}, ${def.max}] ${def.unit}`);
    }
    if (range === undefined && !(Number.isFinite(lo) && Number.isFinite(hi))) {
      // open schema ranges (equation models): search log-wise around a positive start value
      if (!(p0 > 0)) throw new SpecError(path, name, `bounds as ${name}=LO:HI (the schema range [${lo}, ${hi}] is open and the start value ${p0} is not positive)`);
      lo = Math.max(lo, p0 / 10 ** span); hi = Math.min(hi, p0 * 10 ** span);
      out.push({ name, index: k, unit: def.unit, lo, hi, log: true });
      continue;
    }
    const log = lo > 0 && hi / lo > 100;
    if (range === undefined && log && p0 > 0) {
      lo = Math.max(lo, p0 / 10 ** span);
      hi = Math.min(hi, p0 * 10 ** span);
    } else if (range === undefined && lo === 0 && p0 > 0 && hi / p0 > 1e3) {
      // [0, huge] ranges (prefactors): search log-wise around the start value
      lo = p0 / 10 ** span; hi = Math.min(hi, p0 * 10 ** span);
      out.push({ name, index: k, unit: def.unit, lo, hi, log: true });
      continue;
    }
    out.push({ name, index: k, unit: def.unit, lo, hi, log: lo > 0 && hi / lo > 100 });
  }
  if (!out.length) throw new SpecError('--free', entries.join(','), 'at least one free parameter');
  return out;
}
