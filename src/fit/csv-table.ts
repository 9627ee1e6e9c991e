/**
 * Measured-data tables as instruments export them (CSV / TSV / semicolon / whitespace
 * separated), read into columns with units and the source line of every row.
 *
 * - Lines starting with `#` and empty lines are skipped (comments, instrument banners).
 * - The first non-comment line is a header when any of its cells is not a number; a header
 *   cell may carry its unit as `name [unit]` or `name (unit)` ("Voltage (V)", "I [mA]", "t [us]").
 * - The separator is detected from the header (tab, then comma, then semicolon, then spaces).
 * - Every row must have as many cells as the header. Cells of the columns that are used must
 *   be numbers; label columns (device, cycle) may hold any text.
 *
 * Errors are `SpecError`s naming `file line N`, the cell, and what was expected.
 * @module fit/csv-table
 */
import { SpecError } from '../units/parse.js';

/** A parsed text table: raw cells per column plus header names and units. */
export interface TextTable {
  /** File name used in error messages. */
  readonly source: string;
  /** Column names without their unit part ("col1", "col2", ... when there is no header). */
  readonly names: string[];
  /** Unit symbol read from each header cell, or undefined. */
  readonly units: Array<string | undefined>;
  /** cells[c][r]: the trimmed text of column c in data row r. */
  readonly cells: string[][];
  /** 1-based line number of each data row in the file. */
  readonly lines: number[];
}

const HEADER_UNIT = /^(.*?)\s*(?:\[([^\]]*)\]|\(([^)]*)\))\s*$/;

/** Split a header cell "Current (mA)" into name and unit. */
export function splitHeader(cell: string): { name: string; unit?: string } {
  const m = HEADER_UNIT.exec(cell.trim());
  if (!m) return { name: cell.trim() };
  const unit = (m[2] ?? m[3] ?? '').trim();
  return { name: m[1].trim(), unit: unit || undefined };
}

function detectSeparator(line: string): RegExp {
  if (line.includes('\t')) return /\t/;
  if (line.includes(',')) return /,/;
  if (line.includes(';')) return /;/;
  return /\s+/;
}

function isNumberCell(s: string): boolean {
  return s !== '' && Number.isFinite(Number(s));
}

/** Parse delimited text into a table. */
export function parseTextTable(text: string, source: string): TextTable {
  const rawLines = text.split(/\r?\n/);
  let sep: RegExp | undefined;
  let names: string[] | undefined;
  let units: Array<string | undefined> = [];
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let k = 0; k < rawLines.length; k++) {
    const s = rawLines[k].replace(/^\uFEFF/, '').trim();
    if (!s || s.startsWith('#')) continue;
    if (!sep) sep = detectSeparator(s);
    const cells = s.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (!names) {
      if (cells.some((c) => !isNumberCell(c))) {
        const parts = cells.map(splitHeader);
        names = parts.map((p, j) => p.name || `col${j + 1}`);
        units = parts.map((p) => p.unit);
        continue;
      }
      names = cells.map((_, j) => `col${j + 1}`);
      units = cells.map(() => undefined);
    }
    if (cells.length !== names.length) {
      throw new SpecError(`${source} line ${k + 1}`, s, `${names.length} cells separated like the header (${names.join(', ')}), found ${cells.length}`);
    }
    rows.push(cells);
    lines.push(k + 1);
  }
  if (!names || rows.length === 0) throw new SpecError(source, text.slice(0, 60), 'a table with a header line and at least one data row');
  const cells: string[][] = names.map((_, c) => rows.map((r) => r[c]));
  return { source, names, units, cells, lines };
}

/** Normalised column name for matching: lower case, without spaces, '_', '-', '.'. */
export function normName(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.#]/g, '');
}

/**
 * Find a column by a user reference (a name, or a 1-based index written as a number) or,
 * without one, by a list of usual names. Returns -1 when absent.
 */
export function findColumn(table: TextTable, ref: string | number | undefined, synonyms: readonly string[], what: string): number {
  if (ref !== undefined) {
    const asIndex = typeof ref === 'number' ? ref : /^\d+$/.test(ref) ? Number(ref) : NaN;
    if (Number.isInteger(asIndex)) {
      if (asIndex < 1 || asIndex > table.names.length) throw new SpecError(`${table.source}: column for ${what}`, ref, `a column number from 1 to ${table.names.length}`);
      return asIndex - 1;
    }
    const k = table.names.findIndex((n) => normName(n) === normName(String(ref)));
    if (k < 0) throw new SpecError(`${table.source}: column for ${what}`, ref, `one of the header names (${table.names.join(', ')})`);
    return k;
  }
  const wanted = synonyms.map(normName);
  for (const w of wanted) {
    const k = table.names.findIndex((n) => normName(n) === w);
    if (k >= 0) return k;
  }
  return -1;
}

/** Numbers of column c; every cell must be a finite number (empty cells are missing values). */
export function numericColumn(table: TextTable, c: number, what: string): Float64Array {
  const col = table.cells[c];
  const out = new Float64Array(col.length);
  for (let r = 0; r < col.length; r++) {
    const s = col[r];
    const where = `${table.source} line ${table.lines[r]}, column ${table.names[c]}`;
    if (s === '' || /^(nan|na|n\/a|null|-)$/i.test(s)) throw new SpecError(where, s, `a value for ${what} (missing value)`);
    const x = Number(s);
    if (!Number.isFinite(x)) throw new SpecError(where, s, `a number for ${what}`);
    out[r] = x;
  }
  return out;
}
