#!/usr/bin/env node
/**
 * Draws the Balans icon (a white balance scale on a teal-to-blue rounded square) as PNG
 * files in assets/: icon-16.png … icon-128.png. Run `node scripts/make-icons.js` after
 * changing the drawing; the PNGs are committed, so builds do not depend on this script.
 *
 * No image library: shapes are signed-distance functions sampled 8×8 times per pixel
 * (anti-aliasing), and the PNG is written by hand with node's zlib.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const SAMPLES = 8;

const TOP = [14, 124, 134]; // teal
const BOTTOM = [29, 84, 160]; // blue
const GLYPH = [255, 255, 255];

// ---- geometry (unit square, y down) ----------------------------------------------------

function roundedSquareDistance(x, y, inset, radius) {
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The lower half of a disc: a scale pan. */
function panDistance(x, y, cx, cy, r) {
  const disc = Math.hypot(x - cx, y - cy) - r;
  const below = cy - y;
  return Math.max(disc, below);
}

/**
 * Strokes get thicker on small icons so that no line drops under about one pixel. At
 * ribbon size (16 px) the slanted strings turn to mush, so the pans hang on one straight
 * hanger each and are a little larger.
 */
function glyphCovers(x, y, size) {
  const stroke = (w) => Math.max(w, 1.15 / size) / 2;
  const small = size <= 20;
  const parts = [
    segmentDistance(x, y, 0.5, 0.25, 0.5, 0.75) - stroke(0.075), // post
    segmentDistance(x, y, 0.35, 0.77, 0.65, 0.77) - stroke(0.075), // foot
    segmentDistance(x, y, 0.19, 0.31, 0.81, 0.31) - stroke(0.065), // beam
    Math.hypot(x - 0.5, y - 0.23) - 0.055, // pivot
  ];
  if (small) {
    parts.push(
      segmentDistance(x, y, 0.2, 0.31, 0.2, 0.5) - stroke(0.03),
      segmentDistance(x, y, 0.8, 0.31, 0.8, 0.5) - stroke(0.03),
      panDistance(x, y, 0.2, 0.5, 0.15),
      panDistance(x, y, 0.8, 0.5, 0.15),
    );
  } else {
    parts.push(
      segmentDistance(x, y, 0.19, 0.31, 0.1, 0.55) - stroke(0.03),
      segmentDistance(x, y, 0.19, 0.31, 0.28, 0.55) - stroke(0.03),
      segmentDistance(x, y, 0.81, 0.31, 0.72, 0.55) - stroke(0.03),
      segmentDistance(x, y, 0.81, 0.31, 0.9, 0.55) - stroke(0.03),
      panDistance(x, y, 0.19, 0.545, 0.115),
      panDistance(x, y, 0.81, 0.545, 0.115),
    );
  }
  return parts.some((d) => d <= 0);
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const radius = 0.2;
  const inset = size <= 16 ? 0 : 0.02;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let glyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (roundedSquareDistance(x, y, inset, radius) <= 0) {
            square++;
            if (glyphCovers(x, y, size)) glyph++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (square === 0) continue; // transparent corner
      const t = (py + 0.5) / size;
      const background = TOP.map((top, c) => top + (BOTTOM[c] - top) * t);
      const g = glyph / square;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(background[c] * (1 - g) + GLYPH[c] * g);
      rgba[i + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

// ---- PNG ---------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main();
