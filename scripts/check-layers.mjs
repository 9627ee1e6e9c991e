// Layers import downward only (DESIGN.md): a file in src/<layer>/ may import from its own
// layer and from layers listed before it. The library (everything but cli and lab) must not
// import node: modules, so that it runs in the browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';

const ORDER = ['units', 'rng', 'math', 'solve', 'physics', 'devices', 'stimulus', 'circuit', 'network', 'analysis',
  'experiment', 'protocols', 'report', 'memory', 'fit', 'store', 'cli', 'lab'];
const IO_LAYERS = new Set(['cli', 'lab']);
const root = resolve('src');
const problems = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.ts')) check(p);
  }
}
function layerOf(file) {
  const rel = relative(root, file).split(sep);
  return rel.length > 1 ? rel[0] : null; // files at src/ root (index.ts, version.ts) are shared
}
function check(file) {
  const own = layerOf(file);
  const text = readFileSync(file, 'utf8');
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m;
  while ((m = re.exec(text))) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('node:') || ['fs', 'path', 'child_process', 'os', 'url', 'http'].includes(spec)) {
      if (own && !IO_LAYERS.has(own)) problems.push(`${relative('.', file)}: imports ${spec} (the library must stay free of Node I/O)`);
      continue;
    }
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(root)) continue;
    const tl = layerOf(target);
    if (!own || !tl || tl === own) continue;
    const a = ORDER.indexOf(own), b = ORDER.indexOf(tl);
    if (a < 0) problems.push(`${relative('.', file)}: folder src/${own} is not a known layer (add it to scripts/check-layers.mjs)`);
    else if (b < 0 || b > a) problems.push(`${relative('.', file)}: layer ${own} imports ${spec} from layer ${tl}, which comes after it`);
  }
}
walk(root);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers ok (${ORDER.join(' > ')})`);
