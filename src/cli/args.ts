/**
 * Minimal argument parsing on node:util parseArgs with repeated --set and clear errors.
 * @module cli/args
 */
import { parseArgs } from 'node:util';

/** Thrown for bad command-line usage (exit code 2). */
export class UsageError extends Error {}

export type Flags = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parse argv for one subcommand; unknown flags are usage errors. */
export function parse(argv: string[], flags: Flags): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...flags, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, unknown>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Parse repeated `--set name=value` into a map (values stay strings for unit parsing; numbers become numbers). */
export function parseSets(sets: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of (sets as string[] | undefined) ?? []) {
    const k = s.indexOf('=');
    if (k <= 0) throw new UsageError(`--set ${s}: expected name=value, e.g. --set tau=20ms`);
    const name = s.slice(0, k).trim();
    const raw = s.slice(k + 1).trim();
    const num = Number(raw);
    out[name] = raw !== '' && Number.isFinite(num) ? num : raw;
  }
  return out;
}

/** An integer option `--name` (>= min), `def` when absent; a UsageError names the option otherwise. */
export function intOption(v: unknown, name: string, def: number, min = 1): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name}: got ${String(v)}, expected an integer >= ${min}`);
  return n;
}

/** A finite number option `--name` (>= min), `def` when absent. */
export function realOption(v: unknown, name: string, def: number, min = 0): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name}: got ${String(v)}, expected a number >= ${min}`);
  return n;
}

/** One of `options` for `--name`; `def` when absent (required when `def` is undefined). */
export function choiceOption<T extends string>(v: unknown, name: string, options: readonly T[], def?: T): T {
  if (v === undefined && def !== undefined) return def;
  if (!options.includes(v as T)) throw new UsageError(`--${name}: got ${v === undefined ? '(nothing)' : String(v)}, expected one of ${options.join(', ')}`);
  return v as T;
}
