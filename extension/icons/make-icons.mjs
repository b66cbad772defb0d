#!/usr/bin/env node
// Writes icons/icon-{16,32,48,128}.png: a rounded dark tile with the seven-band tone scale (red to
// green bars, the middle one neutral grey) that the badge also shows. Node built-ins only (zlib for
// PNG's deflate). The PNGs are committed; run `node extension/icons/make-icons.mjs` after a change.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
/** Supersampling per axis, for smooth edges. */
const SS = 4;
const TILE = [0x1f, 0x29, 0x37];
/** The band colours of the badge, most negative to most positive. */
const BARS = [
  [0xd9, 0x3b, 0x3b], [0xe8, 0x6a, 0x3a], [0xe9, 0xa2, 0x3b], [0xb8, 0xbe, 0xc6],
  [0x9c, 0xc4, 0x3c], [0x4c, 0xb8, 0x5c], [0x2f, 0x9e, 0x55],
];
/** Bar heights as a share of the inner area: low at the ends, a hill in the middle, like a tone curve. */
const HEIGHTS = [0.42, 0.62, 0.8, 0.5, 0.8, 0.95, 0.7];

const here = dirname(fileURLToPath(import.meta.url));
for (const size of SIZES) writeFileSync(join(here, `icon-${size}.png`), png(size, render(size)));

/** @param {number} size @returns {Uint8Array} RGBA */
function render(size) {
  const out = new Uint8Array(size * size * 4);
  const n = size * SS;
  const radius = n * 0.22;
  const pad = n * 0.16;
  const gap = n * 0.025;
  const barW = (n - 2 * pad - gap * (BARS.length - 1)) / BARS.length;
  const bottom = n - pad;
  const top = pad;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const px = x * SS + sx + 0.5;
          const py = y * SS + sy + 0.5;
          if (!inRoundedRect(px, py, n, radius)) continue;
          let colour = TILE;
          const i = Math.floor((px - pad) / (barW + gap));
          if (i >= 0 && i < BARS.length && px >= pad && px - pad - i * (barW + gap) <= barW) {
            const h = (bottom - top) * HEIGHTS[i];
            if (py <= bottom && py >= bottom - h) colour = BARS[i];
          }
          r += colour[0]; g += colour[1]; b += colour[2]; a += 255;
        }
      }
      const k = SS * SS;
      const o = (y * size + x) * 4;
      const cover = a / k / 255;
      out[o] = cover ? Math.round(r / k / cover) : 0;
      out[o + 1] = cover ? Math.round(g / k / cover) : 0;
      out[o + 2] = cover ? Math.round(b / k / cover) : 0;
      out[o + 3] = Math.round(a / k);
    }
  }
  return out;
}

/** @param {number} x @param {number} y @param {number} n @param {number} r */
function inRoundedRect(x, y, n, r) {
  const cx = Math.min(Math.max(x, r), n - r);
  const cy = Math.min(Math.max(y, r), n - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** @param {number} size @param {Uint8Array} rgba */
function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
