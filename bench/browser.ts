/**
 * Browser performance of the board: `npm run bench:browser [-- --quick --sizes=1000,5000]`
 * (builds the app first). Boards are seeded through the relay, then opened in headless
 * Chromium: time to interactive, frames while panning and zooming and while dragging a card,
 * JS heap, a remote keystroke from arrival to paint, and a workshop's stream of remote edits,
 * on the view the board opens on and with the whole board in view. Every figure is also
 * measured on the floor (bench/floor/: the same React Flow with plain nodes at the same places
 * and sizes) in the same run, and given as ours / floor.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { setTouchpointText } from '../src/doc/commands';
import { getRecord, readTouchpoint } from '../src/doc/read';
import { touchpointNodeId, touchpointOfNode } from '../src/canvas/nodeIds';
import { seedBoard } from './lib/boards';
import type { FloorSpec } from './floor/main';
import { floorSpecOf, startFloor, type FloorServer } from './lib/floor';
import { floorEditLatency, newPage, remoteEditLatency, timeToInteractive } from './lib/page';
import { zoomToWhole } from './lib/paint';
import { launchChromium } from '../tests/helpers/browser';
import { REPO_ROOT, startRelay, type Relay } from './lib/relays';
import { flag, sleep } from './lib/report';
import { printResults, type Measured, type SizeResult } from './lib/browserReport';
import { FULL_GESTURES, dragCard, editStream, panAndZoom, type Gestures } from './lib/scenario';

const quick = flag('quick') !== undefined;
const SIZES = (flag('sizes') ?? (quick ? '1000,5000' : '100,500,1000,5000')).split(',').map(Number);
const EDITS = Number(flag('edits') ?? (quick ? 20 : 150));
const STREAM_SECONDS = quick ? 2 : 5;
/** A quick run pans, zooms and drags over the same distances in a third of the pointer moves and half the wheel steps. */
const GESTURES: Gestures = quick ? { moves: 30, zoomSteps: 10 } : FULL_GESTURES;
/** Boards of this many touchpoints or more have several journeys, as a board kept for months does. */
const SEVERAL_JOURNEYS_FROM = 5000;
const JOURNEYS = 4;
/** The production build the relay serves (`--dist=dir` for another than dist/). */
const DIST = path.resolve(flag('dist') ?? path.join(REPO_ROOT, 'dist'));

const t0 = performance.now();
/** With --verbose, when each phase ended (to keep --quick short). */
const phase = (name: string) => {
  if (flag('verbose') !== undefined) process.stdout.write(`    ${name} at ${Math.round((performance.now() - t0) / 100) / 10} s\n`);
};

async function measureOurs(browser: Browser, relay: Relay, count: number): Promise<{ ours: Measured; floorSpec: FloorSpec }> {
  const writer = await seedBoard(relay, count, count >= SEVERAL_JOURNEYS_FROM ? JOURNEYS : 1);
  phase('seeded');
  // The facilitator link: every page opening it takes the token out of the address and keeps it.
  const url = `http://127.0.0.1:${relay.port}/b/${writer.board}?t=${encodeURIComponent(relay.params(writer.board).token ?? '')}`;
  const shown = writer.cards.length;
  const viewer = await newPage(browser);
  const tti = [await timeToInteractive(viewer.page, url, shown)];
  phase('loaded');
  await sleep(quick ? 500 : 1000);
  const heapMiB = await viewer.heapMiB();
  const labelOf = (nodeId: string) => {
    const id = touchpointOfNode(nodeId);
    const record = id ? getRecord(writer.doc, 'touchpoints', id) : null;
    return id && record ? readTouchpoint(id, record).text : '';
  };
  const floorSpec = await floorSpecOf(viewer.page, labelOf);
  const panZoom = await panAndZoom(viewer.page, floorSpec, GESTURES);
  phase('panZoom');
  const drag = await dragCard(viewer.page, GESTURES);
  phase('drag');
  const nodes = writer.cards.map(touchpointNodeId);
  const edit = (nodeId: string, text: string) => setTouchpointText(writer.doc, touchpointOfNode(nodeId) as string, text);
  const streamFirst = await editStream(viewer.page, nodes, STREAM_SECONDS, edit);
  phase('streamFirst');

  // One person types into a card, another watches it change, both on the view the board opens on.
  const typist = await newPage(browser);
  tti.push(await timeToInteractive(typist.page, url, shown));
  await sleep(500);
  const keystroke = await remoteEditLatency(typist.page, viewer.page, EDITS);
  phase('keystroke');
  await typist.close();
  await zoomToWhole(viewer.page, floorSpec);
  const streamWhole = await editStream(viewer.page, nodes, STREAM_SECONDS, edit);
  phase('streamWhole');
  await viewer.close();
  writer.close();
  return { ours: { tti, heapMiB, panZoom, drag, streamFirst, streamWhole, keystroke }, floorSpec };
}

async function measureFloor(browser: Browser, floor: FloorServer, spec: FloorSpec): Promise<Measured> {
  const init = `window.__FLOOR__ = ${JSON.stringify(spec)};`;
  const shown = spec.nodes.filter((n) => n.type === 'touchpoint').length;
  const tti: number[] = [];
  // Two loads, as for ours (one with --quick): the first is often the slower.
  if (!quick) {
    const first = await newPage(browser, [init]);
    tti.push(await timeToInteractive(first.page, floor.url, shown));
    await first.close();
  }
  const page = await newPage(browser, [init]);
  tti.push(await timeToInteractive(page.page, floor.url, shown));
  await sleep(quick ? 500 : 1000);
  const heapMiB = await page.heapMiB();
  phase('floor loaded');
  const panZoom = await panAndZoom(page.page, spec, GESTURES);
  phase('floor panZoom');
  const drag = await dragCard(page.page, GESTURES);
  phase('floor drag');
  const nodes = spec.nodes.filter((n) => n.type === 'touchpoint').map((n) => n.id);
  const edit = (nodeId: string, text: string) =>
    page.page.evaluate(([id, t]) => (window as unknown as { __floor: { edit(id: string, t: string): void } }).__floor.edit(id, t), [
      nodeId,
      text,
    ] as const);
  const streamFirst = await editStream(page.page, nodes, STREAM_SECONDS, edit);
  phase('floor streamFirst');
  const keystroke = await floorEditLatency(page.page, EDITS);
  phase('floor keystroke');
  await zoomToWhole(page.page, spec);
  const streamWhole = await editStream(page.page, nodes, STREAM_SECONDS, edit);
  await page.close();
  return { tti, heapMiB, panZoom, drag, streamFirst, streamWhole, keystroke };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error(`${DIST} has no build: run \`npx vite build\` first (npm run bench:browser does)`);
  const started = performance.now();
  const relay = await startRelay('parcours', { env: { STATIC_DIR: DIST } });
  const floor = await startFloor();
  const browser = await launchChromium();
  const results: SizeResult[] = [];
  try {
    for (const count of SIZES) {
      const { ours, floorSpec } = await measureOurs(browser, relay, count);
      const floorResult = await measureFloor(browser, floor, floorSpec);
      phase('floor');
      results.push({
        count,
        journeys: count >= SEVERAL_JOURNEYS_FROM ? JOURNEYS : 1,
        shown: floorSpec.nodes.filter((n) => n.type === 'touchpoint').length,
        nodes: floorSpec.nodes.length,
        ours,
        floor: floorResult,
      });
      process.stdout.write(`  measured ${count} touchpoints (${Math.round((performance.now() - started) / 1000)} s)\n`);
    }
  } finally {
    await browser.close();
    await floor.stop();
    await relay.stop();
  }
  printResults(results, { edits: EDITS, streamSeconds: STREAM_SECONDS });
  console.log(`\nWhole run: ${Math.round((performance.now() - started) / 1000)} s`);
  const out = flag('json');
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  process.exit(0); // the seeding providers' awareness timers would keep the process alive
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
