/** Measurements inside a Chromium page of the app, for bench/browser.ts. */
import type { Browser, Locator, Page } from 'playwright-core';
import { quantiles, sleep } from './report';

const CARD = '.react-flow__node-touchpoint';

export interface BenchPage {
  page: Page;
  /** Used JS heap after a forced garbage collection, in MiB. */
  heapMiB(): Promise<number>;
  close(): Promise<void>;
}

/** A page in a fresh context (empty cache and storage) of a person who already gave their name. */
export async function newPage(browser: Browser): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names by wrapping functions in __name(); functions this script sends
  // into the page carry those calls, so the page needs a no-op __name.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(() => localStorage.setItem('parcours.identity', JSON.stringify({ name: 'Bench', color: '#2563eb' })));
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
 * Navigates to `url` and returns the time from navigation start until `count` touchpoint cards
 * are in the page and measured by React Flow (it keeps a node hidden until it knows its size).
 */
export async function timeToAllCards(page: Page, url: string, count: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(
    ([selector, n]) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const cards = document.querySelectorAll<HTMLElement>(selector);
          let shown = 0;
          cards.forEach((c) => {
            if (c.style.visibility !== 'hidden') shown++;
          });
          if (shown >= n) resolve(performance.now());
          else requestAnimationFrame(check);
        };
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

export async function measureFrames(page: Page, action: () => Promise<void>): Promise<FrameStats> {
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
  await action();
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__framesOn = false;
    return w.__frames;
  });
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

/** A touchpoint card shown in the page (the one nearest the centre): where it is and its text. */
export async function visibleCard(page: Page): Promise<{ x: number; y: number; text: string }> {
  const found = await page.evaluate(() => {
    for (let r = 0; r < 400; r += 10) {
      for (const [dx, dy] of [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r]] as const) {
        const x = window.innerWidth / 2 + dx;
        const y = window.innerHeight / 2 + dy;
        const text = document.elementFromPoint(x, y)?.closest('.react-flow__node-touchpoint')?.querySelector('.touchpoint__text')?.textContent;
        if (text) return { x, y, text };
      }
    }
    return null;
  });
  if (!found) throw new Error('no touchpoint card in view');
  return found;
}

/**
 * Types `edits` characters, one at a time, into a card in `editor` (one in view), and records
 * when each new length of its text is painted in `viewer` (the first animation frame after the
 * DOM changed). Latency: keystroke sent → painted on the other page.
 */
export async function remoteEditLatency(editor: Page, viewer: Page, edits: number): Promise<{ p50: number; p95: number; edits: number }> {
  // Open a card in view for editing; the probe is whichever card's editor opened (at a small
  // zoom the double-click may land on a neighbour).
  const card = await visibleCard(editor);
  await editor.mouse.dblclick(card.x, card.y);
  const textarea = editor.locator('textarea.touchpoint__editor');
  await textarea.waitFor();
  const probe = await textarea.inputValue();
  await viewer.evaluate((text) => {
    const w = window as unknown as { __seen: Record<number, number> };
    w.__seen = {};
    let probeEl: Element | undefined;
    const find = () => {
      if (!probeEl?.isConnected) probeEl = [...document.querySelectorAll('.touchpoint__text')].find((p) => p.textContent?.startsWith(text));
      return probeEl;
    };
    new MutationObserver(() => {
      const length = find()?.textContent?.length ?? 0;
      if (length === 0 || length in w.__seen) return;
      w.__seen[length] = -1;
      requestAnimationFrame(() => (w.__seen[length] = performance.timeOrigin + performance.now()));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, probe);
  const offset = await clockOffset(viewer);
  const sentAt = new Map<number, number>();
  for (let i = 1; i <= edits; i++) {
    sentAt.set(probe.length + i, performance.timeOrigin + performance.now());
    await editor.keyboard.type('x');
    await sleep(60);
  }
  const last = probe.length + edits;
  const deadline = performance.now() + 10_000;
  let seen: Record<number, number> = {};
  while (performance.now() < deadline) {
    seen = await viewer.evaluate(() => (window as unknown as { __seen: Record<number, number> }).__seen);
    if ((seen[last] ?? -1) > 0) break;
    await sleep(100);
  }
  await editor.keyboard.press('Escape');
  const latencies = [...sentAt].filter(([length]) => (seen[length] ?? -1) > 0).map(([length, at]) => (seen[length] as number) - offset - at);
  return { ...quantiles(latencies), edits: latencies.length };
}
