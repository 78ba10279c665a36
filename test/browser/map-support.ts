import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import type { Locator } from 'playwright-core';

/**
 * Taps an area on a Leaflet map: the centre of its box (where a demo grid's `demoGridCentre`
 * lies) when that is on the map, else the middle of the part of the box inside the map (a grid
 * may reach past the edge when the map is zoomed in). Answers where it tapped.
 */
export async function tapArea(map: Locator, areaId: string): Promise<{ x: number; y: number }> {
  const path = map.locator(`path[data-area="${areaId}"]`);
  await path.waitFor({ timeout: 30000 });
  const [p, m] = await Promise.all([path.boundingBox(), map.boundingBox()]);
  if (!p || !m) throw new Error(`area ${areaId} or its map is not shown`);
  const left = Math.max(p.x, m.x);
  const right = Math.min(p.x + p.width, m.x + m.width);
  const top = Math.max(p.y, m.y);
  const bottom = Math.min(p.y + p.height, m.y + m.height);
  if (right - left < 4 || bottom - top < 4) throw new Error(`area ${areaId} is outside the map's view`);
  const centre = { x: p.x + p.width / 2, y: p.y + p.height / 2 };
  const margin = 8;
  const onMap =
    centre.x > m.x + margin &&
    centre.x < m.x + m.width - margin &&
    centre.y > m.y + margin &&
    centre.y < m.y + m.height - margin;
  const at = onMap ? centre : { x: (left + right) / 2, y: (top + bottom) / 2 };
  await map.page().mouse.click(at.x, at.y);
  return at;
}

/** The size an area is drawn at on screen, in CSS pixels. */
export async function drawnSize(map: Locator, areaId: string): Promise<{ width: number; height: number }> {
  const box = await map.locator(`path[data-area="${areaId}"]`).boundingBox();
  if (!box) throw new Error(`area ${areaId} is not drawn`);
  return { width: box.width, height: box.height };
}

/** Waits until a map is ready: its settings read (tiles on or off) and the given area drawn. */
export async function mapReady(map: Locator, areaId: string): Promise<void> {
  await map.locator(`path[data-area="${areaId}"]`).waitFor({ timeout: 30000 });
  const deadline = Date.now() + 30000;
  while ((await map.getAttribute('data-tiles')) === 'pending') {
    if (Date.now() > deadline) throw new Error('the map never read its settings');
    await map.page().waitForTimeout(100);
  }
}

/** A tile server on loopback: a 256 × 256 PNG for any /{z}/{x}/{y}.png, counting the requests. */
export interface TileServer {
  /** The URL template for MAP_TILE_URL. */
  template: string;
  /** Every path asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startTileServer(): Promise<TileServer> {
  const tile = solidPng(256, 256, [0xe8, 0xe0, 0xc8], [0xb0, 0xa0, 0x80]);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': tile.length }).end(tile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RGB PNG of one colour with a two-pixel border of another, so tile seams show in screenshots. */
function solidPng(width: number, height: number, fill: number[], edge: number[]): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const c = x < 2 || y < 2 ? edge : fill;
      raw.set(c, y * row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
