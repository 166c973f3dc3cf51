import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A small PNG that looks like an insurance card (a coloured band, a pale body, dark "text" lines),
 * written by hand so the e2e tests need no image files or libraries.
 */
export function cardPng(width = 340, height = 214, grain = 0): Buffer {
  // `grain` adds sensor-like noise, so the file is as large as a real phone photo of a card.
  const grainBytes = grain ? randomBytes(width * height * 3) : null;
  let at = 0;
  const noise = () => (grainBytes ? (grainBytes[at++] ?? 0) % (grain + 1) : 0);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number] = [244, 247, 251];
      if (y < 46) rgb = [28, 92, 160];
      else if ([80, 110, 140, 170].some((t) => y >= t && y < t + 9) && x > 24 && x < 220 + (y % 50))
        rgb = [50, 60, 72];
      else if (x > 250 && x < 316 && y > 70 && y < 130) rgb = [212, 175, 55];
      row.set(grain ? rgb.map((c) => Math.max(0, c - noise())) : rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
