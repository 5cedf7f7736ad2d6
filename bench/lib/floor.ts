/**
 * The floor page of the browser benchmark (bench/floor/): built with Vite from the same
 * node_modules as the app, served from a temporary directory by a bare static server.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { FloorSpec } from '../floor/main';
import { REPO_ROOT } from './relays';

export interface FloorServer {
  url: string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds bench/floor into a temporary directory and serves it on a free port of 127.0.0.1. */
export async function startFloor(): Promise<FloorServer> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  await build({
    root: path.join(REPO_ROOT, 'bench', 'floor'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(outDir, name === '/' ? 'index.html' : path.normalize(name));
    if (!file.startsWith(outDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        fs.rmSync(outDir, { recursive: true, force: true });
      }),
  };
}

/**
 * The nodes React Flow shows in `page` (an open board), as the floor renders them: same ids,
 * types, positions and sizes, `labelOf` each as its label; the size of the canvas and its view.
 */
export async function floorSpecOf(page: Page, labelOf: (nodeId: string) => string): Promise<FloorSpec> {
  const spec = await page.evaluate(() => {
    const flow = document.querySelector<HTMLElement>('.react-flow');
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(el.style.transform);
      const type = [...el.classList].find((c) => c.startsWith('react-flow__node-'))?.slice('react-flow__node-'.length) ?? 'default';
      return {
        id: el.dataset.id ?? '',
        type,
        x: Number(m?.[1] ?? 0),
        y: Number(m?.[2] ?? 0),
        width: parseFloat(el.style.width) || el.offsetWidth,
        height: parseFloat(el.style.height) || el.offsetHeight,
      };
    });
    const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\) scale\(([\d.e-]+)\)/.exec(
      document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
    );
    const viewport = { x: Number(m?.[1] ?? 0), y: Number(m?.[2] ?? 0), zoom: Number(m?.[3] ?? 1) };
    return { width: flow?.clientWidth ?? 1440, height: flow?.clientHeight ?? 900, viewport, nodes };
  });
  return { ...spec, nodes: spec.nodes.map((n) => ({ ...n, label: labelOf(n.id) })) };
}
