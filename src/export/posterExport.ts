/**
 * Rasterising the poster beyond the browser's canvas limits. The poster's DOM (laid out
 * offscreen) is serialised once into an SVG image (HTML in a foreignObject, scaled to the
 * page); that image is drawn strip by strip into a canvas one strip tall, and each strip's
 * pixels go to a worker that streams them into a PNG. No full-size canvas ever exists.
 */
import { fitToPage, posterMargin, posterWidthRange, stripRows } from '../model/poster';
import type { PixelSize } from '../model/paper';
import type { WorkerReply, WorkerRequest } from './pngWorker';

export interface PosterRenderProgress {
  strip: number;
  strips: number;
}

export interface PosterRenderResult {
  blob: Blob;
  /** Output pixels per CSS pixel of the poster. */
  scale: number;
  content: { width: number; height: number };
  timings: { layoutMs: number; serialiseMs: number; decodeMs: number; renderMs: number };
}

const now = () => performance.now();

/**
 * Finds the poster width (CSS px) whose height matches the page's proportions, so the poster
 * fills the paper: wider posters wrap less and so are shorter. Leaves that width on `element`.
 */
export function fitPosterWidth(
  element: HTMLElement,
  page: { width: number; height: number },
  stages: number,
): { width: number; height: number } {
  const margin = posterMargin(page);
  const aspect = (page.width - 2 * margin) / (page.height - 2 * margin);
  const measure = (w: number) => {
    element.style.width = `${Math.round(w)}px`;
    return element.offsetHeight;
  };
  let { min: lo, max: hi } = posterWidthRange(stages);
  // Too tall even at the widest: fit the height. Already short at the narrowest: fit the width.
  if (measure(hi) * aspect > hi) lo = hi;
  else if (measure(lo) * aspect <= lo) hi = lo;
  for (let i = 0; i < 12 && hi - lo > 8; i++) {
    const mid = (lo + hi) / 2;
    if (measure(mid) * aspect > mid) lo = mid;
    else hi = mid;
  }
  const width = Math.round(hi);
  const height = measure(width);
  return { width, height };
}

/** The poster as one SVG image the size of the page, its HTML scaled and centred in a foreignObject. */
export function posterSvg(
  element: HTMLElement,
  page: PixelSize,
  fit: { scale: number; x: number; y: number },
  content: { width: number; height: number },
): string {
  const html = new XMLSerializer().serializeToString(element);
  const { width, height } = page;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" style="margin:0;padding:0;width:${content.width}px;height:${content.height}px;transform-origin:0 0;transform:translate(${fit.x}px,${fit.y}px) scale(${fit.scale})">` +
    html +
    `</div></foreignObject></svg>`
  );
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the poster image could not be decoded'));
    img.src = url;
  });
}

/** Talks to the PNG worker: one request at a time, each answered. */
function workerChannel(worker: Worker) {
  const waiting: { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void }[] = [];
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const w = waiting.shift();
    if (!w) return;
    if (e.data.type === 'error') w.reject(new Error(e.data.message));
    else w.resolve(e.data);
  };
  worker.onerror = (e) => waiting.shift()?.reject(new Error(e.message || 'PNG worker failed'));
  return {
    /** Rejects every pending request (the worker was stopped). */
    fail(error: Error): void {
      for (const w of waiting.splice(0)) w.reject(error);
    },
    post(message: WorkerRequest, transfer: Transferable[] = []): void {
      worker.postMessage(message, transfer);
    },
    request(message: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(message, transfer);
      });
    },
  };
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('Export cancelled', 'AbortError');
}

/**
 * Renders the laid-out poster `element` to a PNG of `page` pixels (with its dpi in pHYs),
 * strip by strip. `stages` sizes the width search. Cancellable through `signal`.
 */
export async function renderPosterPng(
  element: HTMLElement,
  options: { page: PixelSize; stages: number; transparent: boolean; signal: AbortSignal; onProgress(p: PosterRenderProgress): void },
): Promise<PosterRenderResult> {
  const { page, signal, transparent } = options;
  let t = now();
  const content = fitPosterWidth(element, page, options.stages);
  const fit = fitToPage(content, page, posterMargin(page));
  element.dataset.ready = 'true';
  const layoutMs = now() - t;
  t = now();
  // A data: URL, not a blob: one — Chromium taints a canvas drawn from a blob: SVG holding a foreignObject.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(posterSvg(element, page, fit, content))}`;
  const serialiseMs = now() - t;
  const worker = new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module' });
  const channel = workerChannel(worker);
  const abort = () => {
    worker.terminate();
    channel.fail(new DOMException('Export cancelled', 'AbortError'));
  };
  signal.addEventListener('abort', abort);
  try {
    t = now();
    const image = await loadImage(url);
    await image.decode().catch(() => undefined);
    const decodeMs = now() - t;
    throwIfAborted(signal);
    t = now();
    const rows = stripRows(page.width, page.height);
    const strips = Math.ceil(page.height / rows);
    const canvas = document.createElement('canvas');
    canvas.width = page.width;
    canvas.height = rows;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas');
    channel.post({ type: 'start', header: { width: page.width, height: page.height, dpi: page.dpi, alpha: transparent } });
    for (let strip = 0; strip < strips; strip++) {
      throwIfAborted(signal);
      options.onProgress({ strip: strip + 1, strips });
      const y = strip * rows;
      const h = Math.min(rows, page.height - y);
      ctx.clearRect(0, 0, page.width, rows);
      if (!transparent) {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, page.width, h);
      }
      ctx.drawImage(image, 0, y, page.width, h, 0, 0, page.width, h);
      const pixels = ctx.getImageData(0, 0, page.width, h).data;
      await channel.request({ type: 'rows', buffer: pixels.buffer as ArrayBuffer, rows: h }, [pixels.buffer as ArrayBuffer]);
      await yieldToBrowser();
    }
    throwIfAborted(signal);
    const done = await channel.request({ type: 'finish' });
    if (done.type !== 'done') throw new Error('PNG worker ended without an image');
    canvas.width = 0;
    canvas.height = 0;
    return { blob: done.blob, scale: fit.scale, content, timings: { layoutMs, serialiseMs, decodeMs, renderMs: now() - t } };
  } finally {
    signal.removeEventListener('abort', abort);
    worker.terminate();
  }
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
