/**
 * Formatting SI numbers with engineering prefixes for display (CLI, reports, lab).
 * @module units/format
 */
import { lookupUnit } from './parse.js';

const PREFIXES: Array<[number, string]> = [
  [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'u'],
  [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f'], [1e-18, 'a'],
];

/** Units that take an engineering prefix when formatted. */
const PREFIXED = new Set(['V', 'A', 's', 'Hz', 'Ohm', 'S', 'm', 'J', 'F', 'W', 'C']);

/**
 * Format a value with a unit, e.g. formatSI(5e-7, 's') === '500 ns'.
 * @param digits significant digits
 */
export function formatSI(value: number, unit: string, digits = 4): string {
  if (!Number.isFinite(value)) return `${value} ${unit}`.trim();
  if (!PREFIXED.has(unit) || value === 0) return `${trim(value.toPrecision(digits))}${unit && unit !== '1' ? ' ' + unit : ''}`;
  const a = Math.abs(value);
  for (const [f, p] of PREFIXES) {
    if (a >= f * 0.9999999) return `${trim((value / f).toPrecision(digits))} ${p}${unit}`;
  }
  return `${trim(value.toExponential(digits - 1))} ${unit}`;
}

function trim(s: string): string {
  if (s.includes('e')) return s;
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * A parameter value as a user would type it back: energies in eV, other values as a plain
 * number with the SI unit ("8.01e-20 J" becomes "0.5 eV"). The text parses back to the same
 * value with parseQuantity.
 */
export function formatParam(value: number, unit: string, dim: string): string {
  if (dim === 'energy') return `${Number((value / 1.602176634e-19).toPrecision(12))} eV`;
  const v = Number(value.toPrecision(12));
  // append the unit only where the parser reads it back; otherwise the bare SI number
  return unit && unit !== '1' && lookupUnit(unit) ? `${v} ${unit}` : String(v);
}
