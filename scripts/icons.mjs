#!/usr/bin/env node
// Writes the app icons in www/icons/ (PNG, for the web app manifest) from the same
// drawing as www/favicon.svg: a blue rounded square with a white check mark.
//
//   node scripts/icons.mjs
//
// Dependency-free: pixels are computed here (anti-aliased by 4×4 supersampling) and
// encoded with node:zlib. The PNGs are committed; rerun after changing the drawing.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www', 'icons');
const BLUE = [0x1f, 0x4f, 0x99];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's check mark, in its 32-unit box.
const CHECK = [[9, 16.5], [13.5, 21], [23, 11]];

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at a point of the 32-unit drawing, or null outside the shape. `inset` shrinks the mark (maskable safe zone). */
function sample(x, y, { radius, scale }) {
  // Rounded square (radius in units; 0 fills the whole square for maskable icons).
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  if (Math.hypot(x - cx, y - cy) > radius) return null;
  // The mark, scaled about the centre.
  const ux = 16 + (x - 16) / scale;
  const uy = 16 + (y - 16) / scale;
  const d = Math.min(distToSegment(ux, uy, CHECK[0], CHECK[1]), distToSegment(ux, uy, CHECK[1], CHECK[2]));
  return d <= 1.75 ? WHITE : BLUE;
}

function draw(size, opts) {
  const rows = [];
  const n = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample(((px + (sx + 0.5) / n) * 32) / size, ((py + (sy + 0.5) / n) * 32) / size, opts);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 255;
        }
      }
      const k = n * n;
      const cover = a / 255;
      row.set(cover ? [Math.round(r / cover), Math.round(g / cover), Math.round(b / cover), Math.round(a / k)] : [0, 0, 0, 0], 1 + px * 4);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let i = 0; i < 8; i++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, 'icon-192.png'), draw(192, { radius: 7, scale: 1 }));
writeFileSync(path.join(OUT, 'icon-512.png'), draw(512, { radius: 7, scale: 1 }));
// Maskable: full bleed, the mark inside the central 80 % safe zone.
writeFileSync(path.join(OUT, 'icon-maskable-512.png'), draw(512, { radius: 0, scale: 0.8 }));
process.stdout.write(`icons written to ${path.relative(process.cwd(), OUT) || '.'}\n`);
