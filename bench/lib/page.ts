/** Measurements inside a Chromium page of the app, for bench/browser.ts. */
import type { Browser, Locator, Page } from 'playwright-core';
import { STAMP_ARRIVALS, startPaintProbe, stopPaintProbe } from './paint';
import { quantiles, sleep } from './report';

const CARD = '.react-flow__node-touchpoint';

export interface BenchPage {
  page: Page;
  /** Used JS heap after a forced garbage collection, in MiB. */
  heapMiB(): Promise<number>;
  close(): Promise<void>;
}

/** A page in a fresh context (empty cache and storage) of a person who already gave their name. */
export async function newPage(browser: Browser, initScripts: readonly string[] = []): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names by wrapping functions in __name(); functions this script sends
  // into the page carry those calls, so the page needs a no-op __name.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(() => localStorage.setItem('parcours.identity', JSON.stringify({ name: 'Bench', color: '#2563eb' })));
  await context.addInitScript(STAMP_ARRIVALS);
  for (const script of initScripts) await context.addInitScript(script);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  return {
    page,
    heapMiB: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    },
    close: () => context.close(),
  };
}

/**
 * Navigates to `url` and returns the time from navigation start until the board can be used:
 * `count` touchpoint cards in the page and shown by React Flow (it keeps a node hidden until it
 * knows its size), and every card in the canvas's view showing its text (a card may be drawn
 * as a plain block while out of view or zoomed far out, never in a readable view).
 */
export async function timeToInteractive(page: Page, url: string, count: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(
    ([selector, n]) =>
      new Promise<number>((resolve) => {
        const ready = () => {
          const cards = document.querySelectorAll<HTMLElement>(selector);
          if (cards.length < n) return false;
          for (const c of cards) if (c.style.visibility === 'hidden') return false;
          const view = document.querySelector('.react-flow')?.getBoundingClientRect();
          if (!view) return false;
          for (const c of cards) {
            const r = c.getBoundingClientRect();
            const inView = r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
            if (inView && !c.querySelector('.touchpoint__text')) return false;
          }
          return true;
        };
        const check = () => (ready() ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }),
    [CARD, count] as const,
  );
}

/** A point of the empty canvas (where a drag pans the board). */
export async function findPaneSpot(page: Page): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate(() => {
    for (let y = window.innerHeight - 40; y > 100; y -= 20) {
      for (let x = 40; x < window.innerWidth - 40; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no empty canvas to pan from');
  return spot;
}

export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Frame times (ms between requestAnimationFrame callbacks) in the page while `action` runs. */
export interface FrameStats {
  p50: number;
  p95: number;
  frames: number;
  longest: number;
  /** Share of frames that took over 25 ms. */
  dropped: number;
}

/** Starts recording the page's requestAnimationFrame stamps; the returned function stops and gives them. */
export async function recordFrames(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__frames = [];
    w.__framesOn = true;
    const loop = (t: number) => {
      if (!w.__framesOn) return;
      w.__frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __framesOn: boolean };
      w.__framesOn = false;
      return w.__frames;
    });
}

export async function measureFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  const stop = await recordFrames(page);
  await action();
  const stamps = await stop();
  const deltas = stamps.slice(1).map((t, i) => t - (stamps[i] as number));
  // A frame that took more than 1.5 vsync intervals means at least one frame was skipped.
  const dropped = deltas.filter((d) => d > 25).length / Math.max(1, deltas.length);
  return { ...quantiles(deltas), frames: deltas.length, longest: Math.max(...deltas), dropped };
}

/** Offset between the page's clock and ours (page − node), from the round trip with the least delay. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const sent = performance.timeOrigin + performance.now();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const back = performance.timeOrigin + performance.now();
    if (back - sent < best.rtt) best = { rtt: back - sent, offset: inPage - (sent + back) / 2 };
  }
  return best.offset;
}

/** A touchpoint card shown in the page (the one nearest the centre): where it is and its node id. */
export async function visibleCard(page: Page): Promise<{ x: number; y: number; nodeId: string }> {
  const found = await page.evaluate(() => {
    const flow = document.querySelector('.react-flow')?.getBoundingClientRect();
    const cx = flow ? flow.x + flow.width / 2 : window.innerWidth / 2;
    const cy = flow ? flow.y + flow.height / 2 : window.innerHeight / 2;
    // The cards by distance of their centre to the canvas's; the first one the pointer would hit there.
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-touchpoint')].map((el) => {
      const r = el.getBoundingClientRect();
      return { el, x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    cards.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
    for (const c of cards.slice(0, 200)) {
      const hit = document.elementFromPoint(c.x, c.y)?.closest<HTMLElement>('.react-flow__node-touchpoint');
      if (hit === c.el && c.el.dataset.id) return { x: c.x, y: c.y, nodeId: c.el.dataset.id };
    }
    return null;
  });
  if (!found) throw new Error('no touchpoint card in view');
  return found;
}

/** The centre of the canvas on screen. */
export async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('.react-flow')?.getBoundingClientRect();
    return r ? { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) } : { x: 720, y: 450 };
  });
}

/** Whether node `nodeId` shows `text`, as its text or in its accessible name (a card drawn as a block keeps it there). */
export function nodeShows(page: Page, nodeId: string, text: string, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction(
    ([id, t]) => {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      return (
        !!el &&
        (el.textContent?.includes(t) || [...el.querySelectorAll('[aria-label]')].some((a) => a.getAttribute('aria-label')?.includes(t)))
      );
    },
    [nodeId, text] as const,
    { timeout },
  );
}

export interface EditLatency {
  /** Message (or call) arrived in the watching page → painted there. */
  arrival: { p50: number; p95: number };
  /** Keystroke in one page → painted in the other (ours only: the floor has no second page). */
  endToEnd: { p50: number; p95: number } | null;
  edits: number;
}

/**
 * Types `edits` characters, one at a time, into the card in the middle of `editor`, and records
 * when each new length of its text is painted in `viewer`, which must show that card.
 */
export async function remoteEditLatency(editor: Page, viewer: Page, edits: number): Promise<EditLatency> {
  const card = await visibleCard(editor);
  await editor.mouse.dblclick(card.x, card.y);
  const textarea = editor.locator('textarea.touchpoint__editor');
  await textarea.waitFor();
  // The probe is whichever card's editor opened (the double-click may land on a neighbour).
  const nodeId = await textarea.evaluate((el) => el.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? '');
  const start = (await textarea.inputValue()).length;
  await startPaintProbe(viewer, nodeId);
  const offset = await clockOffset(viewer);
  const sentAt = new Map<number, number>();
  for (let i = 1; i <= edits; i++) {
    sentAt.set(start + i, performance.timeOrigin + performance.now());
    await editor.keyboard.type('x');
    await sleep(60);
  }
  await sleep(500);
  const seen = await stopPaintProbe(viewer);
  await editor.keyboard.press('Escape');
  const shown = [...sentAt].filter(([length]) => seen.has(length));
  return {
    arrival: quantiles(shown.map(([length]) => seen.get(length)?.latency as number)),
    endToEnd: quantiles(shown.map(([length, at]) => (seen.get(length)?.painted as number) - offset - at)),
    edits: shown.length,
  };
}

/** The floor's counterpart: `edits` new texts of the card in the middle, 60 ms apart, arrival → painted. */
export async function floorEditLatency(floor: Page, edits: number): Promise<EditLatency> {
  const { nodeId } = await visibleCard(floor);
  await startPaintProbe(floor, nodeId);
  const base = 'Je fais une étape de mon parcours';
  for (let i = 1; i <= edits; i++) {
    await floor.evaluate(([id, text]) => (window as unknown as { __floor: { edit(id: string, t: string): void } }).__floor.edit(id, text), [
      nodeId,
      base + 'x'.repeat(i),
    ] as const);
    await sleep(60);
  }
  await sleep(500);
  const seen = await stopPaintProbe(floor);
  const latencies = [...seen.values()].map((s) => s.latency);
  return { arrival: quantiles(latencies), endToEnd: null, edits: latencies.length };
}
