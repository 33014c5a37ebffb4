#!/usr/bin/env node
// A tiny static file server for the web build: serves one folder on 127.0.0.1 only, with the
// MIME types the site needs (application/wasm enables streaming compilation; the manifest type
// lets browsers install the app). Used by scripts/test-web and for trying the site by hand:
//
//   node scripts/web/serve.mjs build/web/site [PORT]     (PORT 0 or absent: any free port)
//
// Prints "serving DIR at http://127.0.0.1:PORT/" once listening. Also importable: serve(dir, port).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Maps a request path to a file inside root, or null when it would leave root.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  return candidate;
}

export function serve(directory, port = 0) {
  const root = resolve(directory);
  const server = createServer(async (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed\n');
    const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
    let file = resolveInside(root, urlPath);
    if (!file) return send(403, 'forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        // Revalidate every time: the service worker, not the HTTP cache, keeps the offline copy.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [directory, portText = '0'] = process.argv.slice(2);
  const port = Number(portText);
  if (!directory || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node scripts/web/serve.mjs DIR [PORT]');
    process.exit(2);
  }
  try {
    const info = await stat(directory);
    if (!info.isDirectory()) throw new Error('not a directory');
  } catch {
    console.error(`serve: ${directory}: no such folder (build it with ./scripts/build-web)`);
    process.exit(1);
  }
  const server = await serve(directory, port);
  console.log(`serving ${resolve(directory)} at http://127.0.0.1:${server.address().port}/`);
}
