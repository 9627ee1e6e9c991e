/**
 * File output for the command line: every file is written to a temporary name and renamed,
 * so a result file exists whole or not at all. YAML/JSON spec loading lives here too.
 * @module cli/io
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve, extname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';

/** Write text atomically (temp file + rename). */
export function writeAtomic(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw e;
  }
}

/** Read a YAML or JSON file into plain data, with the file name in errors. */
export function readSpecFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  try {
    return ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(`${path}: not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export { columnsToCsv, confusionColumns } from '../experiment/csv.js';

/** JSON with typed arrays as arrays and non-finite numbers as strings. */
export function toJson(v: unknown, indent = 2): string {
  return JSON.stringify(v, (_k, x) => {
    if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>, (e) => (Number.isFinite(e) ? e : String(e)));
    if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
    return x;
  }, indent);
}

let commitCache: string | null | undefined;
/** The git commit of the installed package, when it is a checkout. */
export function gitCommit(): string | undefined {
  if (commitCache !== undefined) return commitCache ?? undefined;
  try {
    const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..', '..');
    commitCache = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    commitCache = null;
  }
  return commitCache ?? undefined;
}
