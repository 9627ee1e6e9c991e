/**
 * Canonical JSON and a stable 64-bit content hash (two independent 32-bit cyrb53 lanes) for
 * spec provenance. Not cryptographic; stable across platforms and runs.
 * @module experiment/hash
 */
import { hashString } from '../rng/rng.js';

/** JSON with object keys sorted, typed arrays as plain arrays, non-finite numbers as strings. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, (x) => sortKeys(x));
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined && typeof x !== 'function') o[k] = sortKeys(x);
    }
    return o;
  }
  return v;
}

/** 16 hex digits identifying the content. */
export function contentHash(v: unknown): string {
  const s = typeof v === 'string' ? v : canonicalJson(v);
  const a = hashString(s, 0x9e3779b9);
  const b = hashString(s, 0x85ebca6b);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
