/**
 * When an edit reaches the screen, for bench/browser.ts: a probe in the page notes when each new
 * text of one card is painted, and when the message (ours) or the call (the floor) that carried
 * it arrived, so the figure is the page's own work, whatever the network did before.
 */
import type { Page } from 'playwright-core';
import type { FloorSpec } from '../floor/main';

/**
 * An init script: every websocket message of the sync protocol (first byte 0: sync step or
 * update, not presence) stamps `window.__arrival` before the app's own handler sees it.
 */
export const STAMP_ARRIVALS = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer && new Uint8Array(e.data)[0] === 0) window.__arrival = performance.timeOrigin + performance.now();
      });
    }
  };
})();`;

interface ProbeWindow {
  __arrival?: number;
  __probe?: { seen: Record<number, { arrival: number; painted: number }>; stop(): void };
}

/**
 * Starts watching the text of node `nodeId`: for each new length, when it was painted (the first
 * moment after the frame that shows the changed DOM: a task posted from that frame's
 * requestAnimationFrame runs once it has painted) and `__arrival` at the change, both on the
 * page's clock since its time origin's epoch.
 */
export async function startPaintProbe(page: Page, nodeId: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as ProbeWindow;
    const seen: Record<number, { arrival: number; painted: number }> = {};
    const waiting: { length: number; arrival: number }[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const now = performance.timeOrigin + performance.now();
      for (const p of waiting.splice(0)) seen[p.length] = { arrival: p.arrival, painted: now };
    };
    let on = true;
    const frame = () => {
      if (!on) return;
      channel.port2.postMessage(null);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const textOf = () => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"] .touchpoint__text`)?.textContent ?? '';
    let last = textOf().length;
    const observer = new MutationObserver(() => {
      const length = textOf().length;
      if (length === last || length === 0) return;
      last = length;
      waiting.push({ length, arrival: w.__arrival ?? Number.NaN });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    w.__probe = {
      seen,
      stop: () => {
        on = false;
        observer.disconnect();
      },
    };
  }, nodeId);
}

/** Stops the probe and returns, per text length seen, arrival → painted in ms and when it was painted. */
export async function stopPaintProbe(page: Page): Promise<Map<number, { latency: number; painted: number }>> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.__probe?.stop();
    return w.__probe?.seen ?? {};
  });
  return new Map(Object.entries(seen).map(([length, s]) => [Number(length), { latency: s.painted - s.arrival, painted: s.painted }]));
}

/** The zoom factor of one wheel step with Ctrl in React Flow: 2^(100 × 0.002). */
export const ZOOM_STEP = 2 ** 0.2;

/** `steps` wheel steps with Ctrl about (x, y), 16 ms apart: each zooms by 2^0.2 in React Flow. */
export async function zoomSteps(page: Page, x: number, y: number, steps: number, direction: 'in' | 'out'): Promise<void> {
  await page.mouse.move(x, y);
  await page.keyboard.down('Control');
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, direction === 'in' ? -100 : 100);
    await page.waitForTimeout(16);
  }
  await page.keyboard.up('Control');
}

/** React Flow's view in `page`: screen = canvas × zoom + (x, y), inside the canvas element. */
export async function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number; left: number; top: number }> {
  return page.evaluate(() => {
    const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\) scale\(([\d.e-]+)\)/.exec(
      document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
    );
    const r = document.querySelector('.react-flow')?.getBoundingClientRect();
    return { x: Number(m?.[1] ?? 0), y: Number(m?.[2] ?? 0), zoom: Number(m?.[3] ?? 1), left: r?.x ?? 0, top: r?.y ?? 0 };
  });
}

/** The wheel steps out from `zoom` after which the whole board (`spec`'s nodes) fits its canvas. */
export function stepsToWhole(spec: FloorSpec, zoom: number): number {
  const xs = spec.nodes.flatMap((n) => [n.x, n.x + n.width]);
  const ys = spec.nodes.flatMap((n) => [n.y, n.y + n.height]);
  const fit = 0.95 * Math.min(spec.width / (Math.max(...xs) - Math.min(...xs)), spec.height / (Math.max(...ys) - Math.min(...ys)));
  return Math.max(0, Math.ceil(Math.log(zoom / fit) / Math.log(ZOOM_STEP)));
}

/**
 * Zooms out until the whole board is in view, about its top-left corner (where a board opens),
 * so that it spreads right and down into the canvas.
 */
export async function zoomToWhole(page: Page, spec: FloorSpec): Promise<void> {
  const v = await viewportOf(page);
  const minX = Math.min(...spec.nodes.map((n) => n.x));
  const minY = Math.min(...spec.nodes.map((n) => n.y));
  const clamp = (value: number, from: number, size: number) => Math.min(Math.max(value, from + 10), from + size - 10);
  const x = clamp(v.left + v.x + minX * v.zoom, v.left, spec.width);
  const y = clamp(v.top + v.y + minY * v.zoom, v.top, spec.height);
  await zoomSteps(page, x, y, stepsToWhole(spec, v.zoom), 'out');
}
