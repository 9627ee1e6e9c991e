/**
 * The memory-protocol contract: a protocol is data (name, options with units and defaults)
 * plus a run function from a resolved device to metrics (named numbers with units), curves
 * (columns for plots) and notes that say what was derived rather than simulated. Options are
 * parsed at the boundary with their units, so `--opt tMax=10ms` and `{ tMax: 0.01 }` agree.
 * @module memory/protocol
 */
import type { Metric } from '../experiment/run.js';
import type { DeviceRef } from '../experiment/device-spec.js';
import { parseQuantity, SpecError, type Dimension } from '../units/parse.js';

/** One protocol option. `list` options take arrays (or comma-separated strings). */
export interface OptionDef {
  readonly name: string;
  readonly dim: Dimension;
  readonly unit: string;
  readonly meaning: string;
  /** Default value (SI); undefined means "derived from the preset" (see meaning). */
  readonly default?: number | readonly number[];
  readonly list?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** Named choices; the resolved value is the index into this list. */
  readonly choices?: readonly string[];
}

/** A plotted curve: columns with units and axis scales. */
export interface Curve {
  readonly title: string;
  readonly x: readonly number[];
  readonly xLabel: string;
  readonly xUnit: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  readonly yUnit: string;
  /** Named y series of the same length as x (NaN: no point). */
  readonly series: Readonly<Record<string, readonly number[]>>;
}

/** What a protocol returns. */
export interface ProtocolOutcome {
  readonly protocol: string;
  readonly device: string;
  readonly metrics: Record<string, Metric>;
  readonly curves: Record<string, Curve>;
  /** Honest notes: what is derived, extrapolated or outside the model. */
  readonly notes: string[];
  /** Resolved options (SI). */
  readonly options: Record<string, number | number[]>;
}

/** A memory protocol. */
export interface MemoryProtocol {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly OptionDef[];
  run(ref: DeviceRef, options?: Record<string, unknown>, seed?: number): ProtocolOutcome;
}

/** Resolve user options against the definitions; unknown keys and bad values are SpecErrors. */
export function resolveOptions(defs: readonly OptionDef[], raw: Record<string, unknown> = {}, path = 'options'): Record<string, number | number[] | undefined> {
  const out: Record<string, number | number[] | undefined> = {};
  for (const k of Object.keys(raw)) if (!defs.some((d) => d.name === k)) throw new SpecError(`${path}.${k}`, raw[k], `one of ${defs.map((d) => d.name).join(', ')}`);
  for (const d of defs) {
    const v = raw[d.name];
    if (v === undefined) { out[d.name] = Array.isArray(d.default) ? [...d.default] : (d.default as number | undefined); continue; }
    const one = (u: unknown, p: string): number => {
      if (d.choices) {
        const k = typeof u === 'string' ? d.choices.indexOf(u) : -1;
        if (k < 0) throw new SpecError(p, u, `one of ${d.choices.join(', ')}`);
        return k;
      }
      const x = parseQuantity(u, d.dim, p);
      if ((d.min !== undefined && x < d.min) || (d.max !== undefined && x > d.max) || (d.integer && !Number.isInteger(x))) {
        throw new SpecError(p, u, `${d.meaning}${d.integer ? ', an integer' : ''} within [${d.min ?? '-inf'}, ${d.max ?? 'inf'}] ${d.unit}`);
      }
      return x;
    };
    if (d.list) {
      const arr = typeof v === 'string' ? v.split(',').map((s) => s.trim()) : Array.isArray(v) ? v : [v];
      if (!arr.length) throw new SpecError(`${path}.${d.name}`, v, 'a non-empty list');
      out[d.name] = arr.map((u, k) => one(u, `${path}.${d.name}[${k}]`));
    } else out[d.name] = one(v, `${path}.${d.name}`);
  }
  return out;
}

/** Shorthand for a metric. */
export function metric(value: number, unit: string, meaning: string): Metric {
  return { value, unit, meaning };
}

/** Numbers of a resolved option set (drops undefined) for the outcome record. */
export function cleanOptions(o: Record<string, number | number[] | undefined>): Record<string, number | number[]> {
  const r: Record<string, number | number[]> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) r[k] = v;
  return r;
}
