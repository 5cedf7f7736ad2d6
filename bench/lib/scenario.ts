/**
 * What bench/browser.ts does on a page, the same on the app and on the floor: pan and zoom,
 * drag a card, and watch a workshop's stream of remote edits.
 */
import type { Page } from 'playwright-core';
import { canvasCentre, findPaneSpot, measureFrames, nodeShows, visibleCard, type FrameStats } from './page';
import type { FloorSpec } from '../floor/main';
import { stepsToWhole, viewportOf, zoomSteps } from './paint';
import { sleep } from './report';

/**
 * How many pointer moves a pan or a drag makes (the same distance either way), and how many
 * wheel steps a zoom makes at most: fewer for a quick run, where each one waits on a busy page.
 */
export interface Gestures {
  moves: number;
  zoomSteps: number;
}

export const FULL_GESTURES: Gestures = { moves: 90, zoomSteps: 20 };

/**
 * Pan: drag the empty canvas for 1.5 s, away and back; then zoom out about the centre (Ctrl +
 * wheel) down to where the whole board shows, and back in. The view ends where it started.
 */
export async function panAndZoom(page: Page, spec: FloorSpec, gestures: Gestures = FULL_GESTURES): Promise<FrameStats> {
  const spot = await findPaneSpot(page);
  const centre = await canvasCentre(page);
  const steps = Math.min(gestures.zoomSteps, stepsToWhole(spec, (await viewportOf(page)).zoom));
  const { moves } = gestures;
  const stride = 90 / moves;
  return measureFrames(page, async () => {
    await page.mouse.move(spot.x, spot.y);
    await page.mouse.down();
    for (let i = 1; i <= moves; i++) {
      const along = (i <= moves / 2 ? i : moves - i) * stride;
      await page.mouse.move(spot.x - 8 * along, spot.y - 4 * along);
      await sleep(16);
    }
    await page.mouse.up();
    await zoomSteps(page, centre.x, centre.y, steps, 'out');
    await zoomSteps(page, centre.x, centre.y, steps, 'in');
  });
}

/**
 * Select the card nearest the centre (a click), then drag it across the board for 1.5 s: frames
 * from the click to the last move. Then let it go where it lands: the drop's frames, until
 * 300 ms after (the card snaps into its cell, which may grow and move the rows below).
 */
export async function dragCard(
  page: Page,
  gestures: Gestures = FULL_GESTURES,
): Promise<FrameStats & { dragged: boolean; drop: FrameStats }> {
  const from = await visibleCard(page);
  let dragged = false;
  const { moves } = gestures;
  const stride = 90 / moves;
  const frames = await measureFrames(page, async () => {
    await page.mouse.click(from.x, from.y);
    await sleep(300);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= moves; i++) {
      await page.mouse.move(from.x + 3 * i * stride, from.y + i * stride);
      if (i === Math.round(moves / 2)) dragged = (await page.locator('.react-flow__node-touchpoint.dragging').count()) === 1;
      await sleep(16);
    }
  });
  const drop = await measureFrames(page, async () => {
    await page.mouse.up();
    await sleep(300);
  });
  return { ...frames, dragged, drop };
}

/**
 * A workshop's worth of remote edits (60 a second: 30 people typing twice a second) on random
 * cards of the journey on screen, applied by `apply` while the page is watched, the last one on
 * the card in the middle of the view: frame times during the stream, and how long after that
 * last edit the page shows it (how far behind it fell).
 */
export async function editStream(
  page: Page,
  cards: readonly string[],
  seconds: number,
  apply: (nodeId: string, text: string) => Promise<void> | void,
): Promise<FrameStats & { catchUp: number }> {
  const last = await visibleCard(page);
  const lastText = `Je tape en atelier, fin ${Date.now()}`;
  let lastAt = 0;
  let shownAt = 0;
  const frames = await measureFrames(page, async () => {
    const started = performance.now();
    for (let i = 0; performance.now() - started < seconds * 1000; i++) {
      const due = started + (i * 1000) / 60;
      if (due > performance.now()) await sleep(due - performance.now());
      await apply(cards[(i * 7919) % cards.length] as string, `Je tape en atelier ${i}`);
    }
    await apply(last.nodeId, lastText);
    lastAt = performance.now();
    await nodeShows(page, last.nodeId, lastText);
    shownAt = performance.now();
  });
  return { ...frames, catchUp: shownAt - lastAt };
}
