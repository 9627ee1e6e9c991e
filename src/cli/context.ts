/**
 * The I/O context handed to the library by the command line: preset files and CSV stimuli
 * are read relative to the spec file's folder.
 * @module cli/context
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve, isAbsolute } from 'node:path';
import type { SpecContext } from '../experiment/device-spec.js';
import { presetFromData } from '../devices/preset-file.js';
import { readSpecFile } from './io.js';

/** Context resolving relative paths against the folder of `specPath` (or the working directory). */
export function specContext(specPath?: string): SpecContext {
  const base = specPath ? dirname(resolve(specPath)) : process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  return {
    readText: (p) => readFileSync(abs(p), 'utf8'),
    loadPreset: (p) => presetFromData(readSpecFile(abs(p)), p),
  };
}
