import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../server/precompress';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { cleanupTempDirs, makeTempDir, testBoardId } from '../helpers/relay';

// Compressible and long enough that both codings shrink it a lot.
const APP_JS = Array.from({ length: 400 }, (_, i) => `export const touchpoint${i} = "Je m'inscris à la newsletter ${i}";`).join('\n');
const INDEX_HTML = `<!doctype html><html lang="fr"><head><title>Parcours</title><script type="module" src="/assets/app-3f9a.js"></script></head><body>${'<div></div>'.repeat(50)}</body></html>`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
const BR = 'gzip, deflate, br, zstd';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly these headers; the body as received, not decoded. */
function request(baseUrl: string, pathname: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET'): Promise<Raw> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: pathname, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let relay: InProcessRelay;
let dist: string;

beforeAll(async () => {
  dist = makeTempDir('parcours-dist-');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(dist, 'assets', 'app-3f9a.js'), APP_JS);
  fs.writeFileSync(path.join(dist, 'assets', 'plain-77aa.css'), 'a{}'); // too small to shrink: no copies
  fs.writeFileSync(path.join(dist, 'assets', 'logo-1b2c.png'), PNG);
  await precompressDir(dist);
  relay = await startInProcessRelay({ staticDir: dist });
});
afterAll(async () => {
  await relay.close();
  cleanupTempDirs();
});

describe('precompressDir', () => {
  it('writes brotli and gzip copies of text files that decode to the original', () => {
    const js = path.join(dist, 'assets', 'app-3f9a.js');
    const br = fs.readFileSync(`${js}.br`);
    const gz = fs.readFileSync(`${js}.gz`);
    expect(zlib.brotliDecompressSync(br).toString()).toBe(APP_JS);
    expect(zlib.gunzipSync(gz).toString()).toBe(APP_JS);
    expect(br.length).toBeLessThan(APP_JS.length / 4);
    expect(fs.existsSync(path.join(dist, 'index.html.br'))).toBe(true);
  });

  it('writes nothing for images nor when compression would not make the file smaller', () => {
    const files = fs.readdirSync(path.join(dist, 'assets'));
    expect(files.filter((file) => file.startsWith('logo-'))).toEqual(['logo-1b2c.png']);
    expect(files.filter((file) => file.startsWith('plain-'))).toEqual(['plain-77aa.css']);
  });

  it('reports each file and replaces copies left over from an earlier build', async () => {
    const dir = makeTempDir('parcours-rebuild-');
    fs.writeFileSync(path.join(dir, 'tiny.js'), 'x');
    fs.writeFileSync(path.join(dir, 'tiny.js.br'), 'left from an earlier, bigger build');
    fs.writeFileSync(path.join(dir, 'big.js'), APP_JS);
    const report = await precompressDir(dir);
    expect(fs.existsSync(path.join(dir, 'tiny.js.br'))).toBe(false);
    expect(report.find((file) => file.file === 'tiny.js')).toEqual({ file: 'tiny.js', bytes: 1, compressed: {} });
    expect(report.find((file) => file.file === 'big.js')?.compressed.br).toBe(fs.statSync(path.join(dir, 'big.js.br')).size);
  });
});

describe('serving the web app compressed', () => {
  it('sends the brotli copy to a browser, with its length and Vary', async () => {
    const res = await request(relay.httpUrl, '/assets/app-3f9a.js', { 'accept-encoding': BR });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(APP_JS);
  });

  it('sends gzip to a client without brotli, and the file itself to one that accepts neither', async () => {
    const gz = await request(relay.httpUrl, '/assets/app-3f9a.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(APP_JS);

    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const plain = await request(relay.httpUrl, '/assets/app-3f9a.js', headers);
      expect(plain.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(APP_JS);
      expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    }
  });

  it('follows the client preference between the two', async () => {
    const res = await request(relay.httpUrl, '/assets/app-3f9a.js', { 'accept-encoding': 'br;q=0.5, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('serves files that have no copy as they are, without Vary', async () => {
    for (const file of ['/assets/logo-1b2c.png', '/assets/plain-77aa.css']) {
      const res = await request(relay.httpUrl, file, { 'accept-encoding': BR });
      expect(res.status, file).toBe(200);
      expect(res.headers['content-encoding'], file).toBeUndefined();
      expect(res.headers.vary, file).toBeUndefined();
    }
    expect((await request(relay.httpUrl, '/assets/logo-1b2c.png')).body.equals(PNG)).toBe(true);
  });

  it('caches hashed assets for good and makes index.html revalidate, also on app routes', async () => {
    const asset = await request(relay.httpUrl, '/assets/app-3f9a.js', { 'accept-encoding': BR });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const route of ['/', '/index.html', `/b/${testBoardId()}`]) {
      const page = await request(relay.httpUrl, route, { 'accept-encoding': BR });
      expect(page.headers['cache-control'], route).toBe('no-cache');
      expect(page.headers['content-encoding'], route).toBe('br');
      expect(zlib.brotliDecompressSync(page.body).toString(), route).toBe(INDEX_HTML);
    }
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const get = await request(relay.httpUrl, '/', { 'accept-encoding': BR });
    const head = await request(relay.httpUrl, '/', { 'accept-encoding': BR }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'vary', 'cache-control']) {
      expect(head.headers[name], name).toBe(get.headers[name]);
    }
  });
});

describe('conditional and range requests', () => {
  it('answers 304 to a browser revalidating index.html it already holds', async () => {
    const first = await request(relay.httpUrl, '/', { 'accept-encoding': BR });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"/);
    const again = await request(relay.httpUrl, `/b/${testBoardId()}`, { 'accept-encoding': BR, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(again.headers['cache-control']).toBe('no-cache');
  });

  it('sends the whole page again when the held copy is another coding or another build', async () => {
    const br = await request(relay.httpUrl, '/', { 'accept-encoding': BR });
    const plain = await request(relay.httpUrl, '/', { 'if-none-match': br.headers.etag });
    expect(plain.status).toBe(200);
    expect(plain.body.toString()).toBe(INDEX_HTML);
    expect(plain.headers.etag).not.toBe(br.headers.etag);
    const stale = await request(relay.httpUrl, '/', { 'accept-encoding': BR, 'if-none-match': '"an-older-build"' });
    expect(stale.status).toBe(200);
  });

  it('answers If-Modified-Since from the file date', async () => {
    const first = await request(relay.httpUrl, '/assets/logo-1b2c.png');
    const lastModified = first.headers['last-modified'];
    expect((await request(relay.httpUrl, '/assets/logo-1b2c.png', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await request(relay.httpUrl, '/assets/logo-1b2c.png', { 'if-modified-since': 'Thu, 01 Jan 1998 00:00:00 GMT' })).status).toBe(
      200,
    );
  });

  it('sends one byte range of the bytes it would send, compressed or not', async () => {
    const plain = await request(relay.httpUrl, '/assets/app-3f9a.js', { range: 'bytes=7-16' });
    expect(plain.status).toBe(206);
    expect(plain.headers['content-range']).toBe(`bytes 7-16/${Buffer.byteLength(APP_JS)}`);
    expect(plain.headers['content-length']).toBe('10');
    expect(plain.body.toString()).toBe(APP_JS.slice(7, 17));

    const brFile = fs.readFileSync(path.join(dist, 'assets', 'app-3f9a.js.br'));
    const tail = await request(relay.httpUrl, '/assets/app-3f9a.js', { 'accept-encoding': BR, range: 'bytes=-20' });
    expect(tail.status).toBe(206);
    expect(tail.headers['content-encoding']).toBe('br');
    expect(tail.headers['content-range']).toBe(`bytes ${brFile.length - 20}-${brFile.length - 1}/${brFile.length}`);
    expect(tail.body.equals(brFile.subarray(brFile.length - 20))).toBe(true);
  });

  it('answers 416 past the end, and ignores ranges it does not serve', async () => {
    const size = Buffer.byteLength(APP_JS);
    const past = await request(relay.httpUrl, '/assets/app-3f9a.js', { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    expect(past.body.length).toBe(0);

    for (const range of ['bytes=0-1,4-5', 'lines=1-2', 'bytes=9-3']) {
      const whole = await request(relay.httpUrl, '/assets/app-3f9a.js', { range });
      expect(whole.status, range).toBe(200);
      expect(whole.body.length, range).toBe(size);
    }
    const head = await request(relay.httpUrl, '/assets/app-3f9a.js', { range: 'bytes=0-1' }, 'HEAD');
    expect(head.status).toBe(200);
  });

  it('sends the whole file when If-Range names another version of it', async () => {
    const current = await request(relay.httpUrl, '/assets/app-3f9a.js');
    const resumed = await request(relay.httpUrl, '/assets/app-3f9a.js', { range: 'bytes=0-9', 'if-range': current.headers.etag });
    expect(resumed.status).toBe(206);
    const changed = await request(relay.httpUrl, '/assets/app-3f9a.js', { range: 'bytes=0-9', 'if-range': '"an-older-build"' });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toBe(APP_JS);
  });
});
