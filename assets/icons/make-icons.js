#!/usr/bin/env node
// Draws the add-in's icons (a small worksheet with a check badge) and writes them as PNG files
// beside this script: icon-16.png, icon-32.png, icon-64.png, icon-80.png. No dependencies: the
// shapes are rasterised with 8×8 supersampling and the PNG is encoded with zlib.
//   node assets/icons/make-icons.js
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];
const SUPER = 8;

const GREEN = [0x21, 0x73, 0x46]; // Excel green: sheet frame and header row
const GRID = [0x9b, 0xc4, 0xab];
const WHITE = [0xff, 0xff, 0xff];
const BLUE = [0x0f, 0x6c, 0xbd]; // Fluent brand blue: the check badge

function insideRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour of the glyph at (x, y) in unit coordinates, or null when transparent. */
function sample(x, y, size) {
  // Thicker strokes at small sizes so the 16 px icon still reads.
  const stroke = size <= 16 ? 0.09 : size <= 32 ? 0.07 : 0.055;
  // The badge sits on top of the sheet.
  const bx = 0.71, by = 0.71, br = 0.27;
  const d = Math.hypot(x - bx, y - by);
  if (d <= br) {
    const check = Math.min(
      distToSegment(x, y, 0.585, 0.715, 0.68, 0.81),
      distToSegment(x, y, 0.68, 0.81, 0.845, 0.615),
    );
    return check <= stroke * 0.75 ? WHITE : BLUE;
  }
  if (d <= br + 0.045) return WHITE; // white ring separates badge and sheet
  const x0 = 0.06, y0 = 0.08, x1 = 0.86, y1 = 0.86;
  if (!insideRoundRect(x, y, x0, y0, x1, y1, 0.08)) return null;
  if (!insideRoundRect(x, y, x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke, 0.04)) return GREEN;
  if (y < 0.3) return GREEN; // header row
  const half = stroke * 0.35;
  for (const gy of [0.49, 0.67]) if (Math.abs(y - gy) <= half) return GRID;
  if (Math.abs(x - 0.36) <= half) return GRID;
  return WHITE;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPER; sy++) {
        for (let sx = 0; sx < SUPER; sx++) {
          const c = sample((px + (sx + 0.5) / SUPER) / size, (py + (sy + 0.5) / SUPER) / size, size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SUPER * SUPER));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
}
