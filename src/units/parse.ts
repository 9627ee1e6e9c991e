/**
 * Unit parsing at the edge: "1.4 V", "500 ns", "10 kOhm", "100 uA", "5 nm", "300 K",
 * "6.7 MHz", "25 C" (as a temperature), plain SI numbers. Inside the library every value is a
 * plain SI number; this module is the only place that knows unit names.
 * @module units/parse
 */

/** Physical dimension as exponents of (m, kg, s, A, K, mol). */
export type Dim = readonly [number, number, number, number, number, number];

/** A named dimension used by parameter schemas. */
export type Dimension =
  | 'dimensionless' | 'voltage' | 'current' | 'time' | 'frequency' | 'resistance'
  | 'conductance' | 'length' | 'temperature' | 'energy' | 'charge' | 'capacitance'
  | 'power' | 'area' | 'mobility' | 'density' | 'velocity' | 'field' | 'thermal-resistance'
  | 'heat-capacity' | 'thermal-conductivity' | 'resistivity' | 'current-density' | 'inductance'
  | 'mass' | 'any';

interface UnitDef { factor: number; offset?: number; dim: Dimension; }

/** Base unit symbols (without SI prefix) and their dimensions. */
const BASE: Record<string, UnitDef> = {
  '': { factor: 1, dim: 'dimensionless' },
  '1': { factor: 1, dim: 'dimensionless' },
  '%': { factor: 0.01, dim: 'dimensionless' },
  V: { factor: 1, dim: 'voltage' },
  A: { factor: 1, dim: 'current' },
  s: { factor: 1, dim: 'time' },
  Hz: { factor: 1, dim: 'frequency' },
  Ohm: { factor: 1, dim: 'resistance' },
  ohm: { factor: 1, dim: 'resistance' },
  'Ω': { factor: 1, dim: 'resistance' },
  S: { factor: 1, dim: 'conductance' },
  m: { factor: 1, dim: 'length' },
  K: { factor: 1, dim: 'temperature' },
  C: { factor: 1, dim: 'charge' },
  J: { factor: 1, dim: 'energy' },
  eV: { factor: 1.602176634e-19, dim: 'energy' },
  F: { factor: 1, dim: 'capacitance' },
  W: { factor: 1, dim: 'power' },
  H: { factor: 1, dim: 'inductance' },
  g: { factor: 1e-3, dim: 'mass' },
  'm^2': { factor: 1, dim: 'area' },
  'm2': { factor: 1, dim: 'area' },
  'm^2/(V s)': { factor: 1, dim: 'mobility' },
  'm^2/Vs': { factor: 1, dim: 'mobility' },
  'cm^2/(V s)': { factor: 1e-4, dim: 'mobility' },
  'cm^2/Vs': { factor: 1e-4, dim: 'mobility' },
  'm^-3': { factor: 1, dim: 'density' },
  'cm^-3': { factor: 1e6, dim: 'density' },
  'm/s': { factor: 1, dim: 'velocity' },
  'V/m': { factor: 1, dim: 'field' },
  'MV/cm': { factor: 1e8, dim: 'field' },
  'V/nm': { factor: 1e9, dim: 'field' },
  'K/W': { factor: 1, dim: 'thermal-resistance' },
  'J/K': { factor: 1, dim: 'heat-capacity' },
  'W/(m K)': { factor: 1, dim: 'thermal-conductivity' },
  'W/mK': { factor: 1, dim: 'thermal-conductivity' },
  'Ohm m': { factor: 1, dim: 'resistivity' },
  'A/m^2': { factor: 1, dim: 'current-density' },
  'A/cm^2': { factor: 1e4, dim: 'current-density' },
};

/** Units that take SI prefixes. */
const PREFIXABLE = new Set(['V', 'A', 's', 'Hz', 'Ohm', 'ohm', 'Ω', 'S', 'm', 'C', 'J', 'eV', 'F', 'W', 'H', 'g', 'K']);

const PREFIX: Record<string, number> = {
  a: 1e-18, f: 1e-15, p: 1e-12, n: 1e-9, u: 1e-6, 'µ': 1e-6, 'μ': 1e-6, m: 1e-3,
  c: 1e-2, k: 1e3, M: 1e6, G: 1e9, T: 1e12,
};

/** Temperatures written in Celsius are accepted where a temperature is expected. */
const CELSIUS = new Set(['C', 'degC', '°C', 'celsius']);

/** Extra spellings. */
const ALIAS: Record<string, string> = { sec: 's', Ohms: 'Ohm', ohms: 'Ohm', kohm: 'kOhm', Mohm: 'MOhm', mohm: 'mOhm' };

/** An error raised at the boundary: it names the field, the value and what was expected. */
export class SpecError extends Error {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
  constructor(path: string, value: unknown, expected: string) {
    super(`${path || '(root)'}: got ${show(value)}, expected ${expected}`);
    this.name = 'SpecError';
    this.path = path;
    this.value = value;
    this.expected = expected;
  }
}

/** Short printable form of any value for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'nothing (field missing)';
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? s.slice(0, 77) + '...' : s;
  } catch {
    return String(value);
  }
}

/** Resolve a unit symbol to a factor and a dimension, or undefined when unknown. */
export function lookupUnit(symbol: string): UnitDef | undefined {
  const s = ALIAS[symbol] ?? symbol;
  if (s in BASE) return BASE[s];
  // prefixed simple unit: one prefix character (or µ) then a prefixable base
  for (const p of Object.keys(PREFIX)) {
    if (s.startsWith(p)) {
      const base = s.slice(p.length);
      if (PREFIXABLE.has(base)) {
        const b = BASE[base];
        if (b.dim === 'temperature') continue; // "mK" is fine below, but no prefixes on Celsius
        return { factor: PREFIX[p] * b.factor, dim: b.dim };
      }
    }
  }
  if (s === 'mK') return { factor: 1e-3, dim: 'temperature' };
  return undefined;
}

const NUM_RE = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/;

/**
 * Parse a quantity given as a number (already SI) or a string with a unit.
 * @param value the user's value
 * @param dim the dimension expected ('any' accepts every known unit)
 * @param path the field path for errors, e.g. `device.set.tau`
 * @returns the SI value
 * @throws SpecError naming the path, the value and the expected dimension
 */
export function parseQuantity(value: unknown, dim: Dimension, path: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SpecError(path, value, `a finite number${dim === 'dimensionless' ? '' : ` (${dim} in SI units)`}`);
    return value;
  }
  if (typeof value !== 'string') throw new SpecError(path, value, `a ${dim} as a number or a string such as ${example(dim)}`);
  const m = NUM_RE.exec(value);
  if (!m) throw new SpecError(path, value, `a ${dim} such as ${example(dim)}`);
  const num = Number(m[1]);
  const unit = m[2];
  if (!Number.isFinite(num)) throw new SpecError(path, value, `a finite ${dim}`);
  if (unit === '') return num; // a bare number is an SI value, as a JSON number would be
  if (dim === 'temperature' && CELSIUS.has(unit)) return num + 273.15;
  const u = lookupUnit(unit);
  if (!u) throw new SpecError(path, value, `a known unit for ${dim} (unknown unit "${unit}"), e.g. ${example(dim)}`);
  if (dim !== 'any' && u.dim !== dim) {
    throw new SpecError(path, value, `a ${dim} such as ${example(dim)}, not a ${u.dim}`);
  }
  return num * u.factor;
}

/** Parse a list of quantities (array or comma-separated string). */
export function parseQuantityList(value: unknown, dim: Dimension, path: string): number[] {
  const arr = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  if (arr.length === 0) throw new SpecError(path, value, `a non-empty list of ${dim} values`);
  return arr.map((v, k) => parseQuantity(typeof v === 'string' ? v.trim() : v, dim, `${path}[${k}]`));
}

/** Canonical SI symbol for a dimension (used for display and schemas). */
export const SI_SYMBOL: Record<Dimension, string> = {
  dimensionless: '1', voltage: 'V', current: 'A', time: 's', frequency: 'Hz', resistance: 'Ohm',
  conductance: 'S', length: 'm', temperature: 'K', energy: 'J', charge: 'C', capacitance: 'F',
  power: 'W', area: 'm^2', mobility: 'm^2/(V s)', density: 'm^-3', velocity: 'm/s', field: 'V/m',
  'thermal-resistance': 'K/W', 'heat-capacity': 'J/K', 'thermal-conductivity': 'W/(m K)',
  resistivity: 'Ohm m', 'current-density': 'A/m^2', inductance: 'H', mass: 'kg', any: '',
};

function example(dim: Dimension): string {
  const ex: Partial<Record<Dimension, string>> = {
    voltage: '"1.4 V"', current: '"100 uA"', time: '"500 ns"', frequency: '"6.7 MHz"',
    resistance: '"10 kOhm"', length: '"5 nm"', temperature: '"300 K"', energy: '"0.6 eV"',
    conductance: '"50 uS"', capacitance: '"1 pF"', dimensionless: '0.5',
  };
  return ex[dim] ?? `"1 ${SI_SYMBOL[dim]}"`;
}
