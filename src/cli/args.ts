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
