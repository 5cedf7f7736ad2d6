import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticTarget } from '../../server/static';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { cleanupTempDirs, httpRequest, makeTempDir, testBoardId } from '../helpers/relay';
import { testStorageIsPostgres } from '../helpers/testStorage';

const INDEX_HTML = '<!doctype html><title>Parcours test build</title>';

let relay: InProcessRelay;
let unbuilt: InProcessRelay;

beforeAll(async () => {
  // A pretend build: dist/ with index.html and one hashed asset. A secret sits next to it.
  const root = makeTempDir('parcours-site-');
  const dist = path.join(root, 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(dist, 'assets', 'app-3f9a.js'), 'console.log("app")');
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
  relay = await startInProcessRelay({ staticDir: dist });
  unbuilt = await startInProcessRelay({ staticDir: makeTempDir('parcours-empty-') });
});
afterAll(async () => {
  await relay.close();
  await unbuilt.close();
  cleanupTempDirs();
});

describe('relay HTTP', () => {
  it('answers /healthz with a JSON status', async () => {
    const res = await httpRequest(relay.httpUrl, '/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      status: 'ok',
      rooms: 0,
      connections: 0,
      uptimeSeconds: expect.any(Number),
      storage: { kind: testStorageIsPostgres() ? 'postgres' : 'sqlite', ok: true },
    });
  });

  it('tells its clock at /api/time, for timers that agree across machines', async () => {
    const before = Date.now();
    const res = await httpRequest(relay.httpUrl, '/api/time');
    expect(res.status).toBe(200);
    const { now } = JSON.parse(res.body) as { now: number };
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('serves index.html for app routes without an extension (SPA fallback)', async () => {
    for (const route of ['/', `/b/${testBoardId()}`, '/some/deep/route?x=1']) {
      const res = await httpRequest(relay.httpUrl, route);
      expect(res.status, route).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX_HTML);
    }
  });

  it('serves files with their content type, caching hashed assets for good', async () => {
    const asset = await httpRequest(relay.httpUrl, '/assets/app-3f9a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("app")');

    const icon = await httpRequest(relay.httpUrl, '/favicon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing file that has an extension', async () => {
    expect((await httpRequest(relay.httpUrl, '/assets/missing-1234.js')).status).toBe(404);
  });

  it('refuses path traversal, plain or percent-encoded', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const res = await httpRequest(relay.httpUrl, attempt);
      expect(res.status, attempt).toBe(400);
      expect(res.body).not.toContain('TOP SECRET');
    }
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await httpRequest(relay.httpUrl, '/healthz', method);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    const head = await httpRequest(relay.httpUrl, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('explains with 503 that the app must be built when STATIC_DIR has no index.html', async () => {
    const res = await httpRequest(unbuilt.httpUrl, '/');
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await httpRequest(unbuilt.httpUrl, '/healthz')).status).toBe(200);
  });

  it('answers a plain GET on the websocket endpoint with 426', async () => {
    expect((await httpRequest(relay.httpUrl, `/sync/${testBoardId()}`)).status).toBe(426);
  });
});

describe('resolveStaticTarget', () => {
  it.each([
    ['/', ''],
    ['/index.html', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/a//b/./c', 'a/b/c'],
    ['/caf%C3%A9.png', 'café.png'],
  ])('maps %s to %s', (url, relative) => {
    expect(resolveStaticTarget(url)).toEqual({ ok: true, relativePath: relative });
  });

  it.each([
    ['/../x', 400],
    ['/%2E%2E/x', 400],
    ['/a/%00', 400],
    ['/%E0%A4%A', 400],
    ['/a\\..\\b', 400],
    ['/.env', 404],
    ['/.git/config', 404],
  ])('refuses %s with %i', (url, status) => {
    expect(resolveStaticTarget(url)).toEqual({ ok: false, status });
  });
});
