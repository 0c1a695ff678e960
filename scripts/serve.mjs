#!/usr/bin/env node
// Dependency-free static server for the claimlint demo and browser tests.
//
//   node scripts/serve.mjs [--port 8080] [--root <dir>]
//
// Serves the repository root so /www/... and /pkg/... resolve the way the demo
// pages expect, and every demo page at a clean URL too: / is the charge-entry
// page, /embed.html, /exercise.html, /bench.html (any path not found at the
// root is looked up under www/). Relative URLs still land on /pkg/... because
// a URL cannot climb above the root. Sends the same Content-Security-Policy the
// pages declare, the cross-origin headers a CDN must send so another site can
// load the module and the data (see README: hosting), binds to 127.0.0.1 only,
// and prints its URL on the first line of stdout.
// --port 0 picks a free port (the tests use that and read the printed URL).
import http from 'node:http';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "object-src 'none'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.blob': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opts = { port: 8080, root: path.resolve(here, '..') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') opts.port = Number(value());
    else if (flag === '--root') opts.root = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write('usage: node scripts/serve.mjs [--port 8080] [--root DIR]\n');
      process.exit(0);
    } else {
      process.stderr.write(`serve.mjs: unknown argument ${argv[i]}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    process.stderr.write('serve.mjs: --port must be 0..65535\n');
    process.exit(2);
  }
  return opts;
}

// Maps a URL path to a file under root, or null when it would escape root.
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

// What a host must send for a page on another origin to import the module and fetch the
// wasm and the blob: CORS for module scripts and fetch(), CORP for pages that isolate
// themselves (Cross-Origin-Embedder-Policy). Nothing here is private, so any origin may read it.
export const CROSS_ORIGIN = {
  'Access-Control-Allow-Origin': '*',
  // Lets the widget read the download's size and encoding for its progress bar.
  'Access-Control-Expose-Headers': 'Content-Length, Content-Encoding, ETag',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
};

function send(res, status, headers, body) {
  res.writeHead(status, { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', ...CROSS_ORIGIN, ...headers });
  res.end(body);
}

export function createServer(root) {
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
    }
    const url = new URL(req.url, 'http://localhost');
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    let file = resolveFile(root, pathname);
    if (!file) return send(res, 400, { 'Content-Type': 'text/plain' }, 'bad path\n');
    // Clean URLs: a path that is not a file at the root is looked up under www/.
    if (!fs.existsSync(file)) file = resolveFile(path.join(root, 'www'), pathname) || file;
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          return send(res, 301, { Location: url.pathname + '/' + url.search }, '');
        }
        file = path.join(file, 'index.html');
        return fs.stat(file, (err2, st2) => serveFile(req, res, file, err2 ? null : st2));
      }
      serveFile(req, res, file, err ? null : st);
    });
  });
}

/** A precompressed sibling (`FILE.br`, `FILE.gz`) the client accepts, as a static host would serve it. */
function precompressed(req, file) {
  const accept = String(req.headers['accept-encoding'] || '');
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`\\b${enc}\\b`).test(accept)) continue;
    try {
      const st = fs.statSync(file + ext);
      if (st.isFile()) return { enc, file: file + ext, st };
    } catch {
      // no such variant
    }
  }
  return null;
}

// Text files without a precompressed sibling are compressed once per version (as a static
// host or CDN does), so pages and modules travel at their real size. Past 1 MiB (the benchmark
// page's inputs and 8 MB JSON baseline, no page file) at brotli quality 5, as a CDN compressing
// on the fly does: quality 11 took 44 s for the baseline on a busy machine, inside the tests.
const BIG_TEXT = 1 << 20;
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.md', '.webmanifest']);
const compressedCache = new Map(); // `${file}:${mtimeMs}:${enc}` -> Buffer

function compressedText(req, file, st) {
  if (!TEXT.has(path.extname(file).toLowerCase())) return null;
  const accept = String(req.headers['accept-encoding'] || '');
  const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!enc) return null;
  const key = `${file}:${st.mtimeMs}:${enc}`;
  let body = compressedCache.get(key);
  if (!body) {
    const raw = fs.readFileSync(file);
    body = enc === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: raw.length > BIG_TEXT ? 5 : 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : zlib.gzipSync(raw, { level: 9 });
    compressedCache.set(key, body);
  }
  return { enc, body };
}

function serveFile(req, res, file, st) {
  if (!st || !st.isFile()) return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found\n');
  const variant = precompressed(req, file) || compressedText(req, file, st);
  // Weak validator from size and mtime: lets the browser revalidate cheaply,
  // and makes a rebuilt blob show up on the next load.
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}${variant ? '-' + variant.enc : ''}"`;
  const headers = {
    'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  headers.Vary = 'Accept-Encoding';
  if (req.headers['if-none-match'] === etag) return send(res, 304, headers, '');
  headers['Content-Length'] = String(variant ? (variant.body ? variant.body.length : variant.st.size) : st.size);
  if (variant) headers['Content-Encoding'] = variant.enc;
  if (req.method === 'HEAD') return send(res, 200, headers, '');
  res.writeHead(200, { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', ...CROSS_ORIGIN, ...headers });
  if (variant?.body) return res.end(variant.body);
  fs.createReadStream(variant ? variant.file : file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function main() {
  const { port, root } = parseArgs(process.argv.slice(2));
  const server = createServer(root);
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    process.stdout.write(`claimlint demo: http://127.0.0.1:${actual}/\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
