// Static lab: copies lab/ and the compiled browser-safe library (dist/src without cli) into
// dist/lab-site, keeping relative paths, so the folder works from any static web server.
import { cpSync, rmSync, mkdirSync, existsSync } from 'node:fs';
const out = 'dist/lab-site';
if (!existsSync('dist/src/lab/main.js')) { console.error('build first: npm run build'); process.exit(1); }
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync('lab', `${out}/lab`, { recursive: true });
cpSync('lab/index.html', `${out}/index.html`);
cpSync('dist/src', `${out}/dist/src`, { recursive: true, filter: (p) => !p.includes('/cli') && !p.endsWith('.d.ts') });
console.log(`static lab written to ${out}/ (serve it with any web server; open index.html)`);
