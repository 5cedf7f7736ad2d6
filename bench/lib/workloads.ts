/** Room workloads: people typing on a board with live cursors, measured against one relay. */
import { addTouchpoint, initBoard, setTouchpointText } from '../../src/doc/commands';
import { sortedLanes } from '../../src/doc/read';
import { defaultBoard } from '../../src/model/defaults';
import { BenchClient } from './benchClient';
import { LatencyTracker } from './latency';
import { cpuShare, sampleProcess, selfCpuMs } from './proc';
import type { Relay } from './relays';
import { quantiles, sleep } from './report';

export interface RoomWorkload {
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second per client (one keystroke in the client's own card). */
  editsPerSecond: number;
  /** Presence (cursor) updates per second per client; 0 for none. */
  presenceHz: number;
  /** Clients per room that apply remote updates and measure latency; the others only count. */
  observersPerRoom: number;
}

export interface WindowResult {
  latency: { p50: number; p95: number; p99: number };
  samples: number;
  editsPerSecond: number;
  /** Remote deliveries per second seen by the observers. */
  deliveredPerSecond: number;
  /** Observed deliveries / expected deliveries of the edits made in the window. */
  completeness: number;
  presenceReceivedPerSecond: number;
  /** Relay CPU during the window, in cores (1 = one core busy). */
  relayCpu: number;
  relayRssEnd: number;
  relayRssMax: number;
  /** Load generator CPU during the window, in cores. */
  generatorCpu: number;
  /** Connections the relay closed so far. */
  unexpectedCloses: number;
}

interface Participant {
  client: BenchClient;
  room: number;
  observer: boolean;
  card: string;
  nextEdit: number;
  nextPresence: number;
  typed: number;
  name: string;
}

/** Opens the clients of one room: the first seeds the board, every client adds its own card. */
async function openRoom(relay: Relay, w: RoomWorkload, room: number, tracker: LatencyTracker): Promise<Participant[]> {
  const id = await relay.newBoard();
  const seeder = new BenchClient(relay.url(id), id, relay.dialect);
  await seeder.synced;
  const init = initBoard(seeder.doc, defaultBoard('fr'));
  if (!init) throw new Error('could not seed the board');
  const stageIds = sortedLanes(seeder.doc, 'stages', init.journeyId).map((l) => l.id);
  const channelIds = sortedLanes(seeder.doc, 'channels', init.journeyId).map((l) => l.id);
  const clients = [seeder];
  for (let i = 1; i < w.clientsPerRoom; i++)
    clients.push(new BenchClient(relay.url(id), id, relay.dialect, { full: i < w.observersPerRoom }));
  await Promise.all(clients.map((c) => c.synced));
  return clients.map((client, i) => {
    const observer = i < w.observersPerRoom;
    if (observer) tracker.observe(client.doc);
    const cell = {
      journeyId: init.journeyId,
      stageId: stageIds[i % stageIds.length] as string,
      channelId: channelIds[i % channelIds.length] as string,
    };
    const card = addTouchpoint(client.doc, cell, `Je suis la personne ${i}`);
    return { client, room, observer, card, nextEdit: 0, nextPresence: 0, typed: 0, name: `Person ${room}.${i}` };
  });
}

/** A running workload: rooms open, people typing and moving cursors until stopped. */
export class RoomLoad {
  private readonly tracker = new LatencyTracker();
  private readonly people: Participant[] = [];
  private readonly observersInRoom = new Map<number, number>();
  private expected = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Seconds it took to open every room. */
  setupSeconds = 0;

  private constructor(
    private readonly relay: Relay,
    private readonly w: RoomWorkload,
  ) {}

  /** Opens every room (ten at a time, so connection setup does not swamp the relay). */
  static async open(relay: Relay, w: RoomWorkload): Promise<RoomLoad> {
    const load = new RoomLoad(relay, w);
    const started = performance.now();
    for (let room = 0; room < w.rooms; room += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, w.rooms - room) }, (_, k) => openRoom(relay, w, room + k, load.tracker)),
      );
      for (const participants of batch) load.people.push(...participants);
    }
    for (const p of load.people) if (p.observer) load.observersInRoom.set(p.room, (load.observersInRoom.get(p.room) ?? 0) + 1);
    load.setupSeconds = (performance.now() - started) / 1000;
    return load;
  }

  /** Starts typing and cursor updates, each person at a random phase. */
  start(): void {
    const now = performance.now();
    for (const p of this.people) {
      p.nextEdit = now + Math.random() * (1000 / this.w.editsPerSecond);
      p.nextPresence = now + Math.random() * (this.w.presenceHz > 0 ? 1000 / this.w.presenceHz : 0);
    }
    this.timer = setInterval(() => this.tick(), 10);
  }

  private tick(): void {
    const now = performance.now();
    const { editsPerSecond, presenceHz } = this.w;
    for (const p of this.people) {
      while (now >= p.nextEdit) {
        p.nextEdit += 1000 / editsPerSecond;
        const doc = p.client.doc;
        const text = `Je tape la note ${p.typed++ % 1000}`;
        const changed = this.tracker.edit(doc, () => setTouchpointText(doc, p.card, text));
        if (changed && this.tracker.recording) this.expected += (this.observersInRoom.get(p.room) ?? 0) - (p.observer ? 1 : 0);
      }
      if (presenceHz > 0 && now >= p.nextPresence) {
        p.nextPresence = Math.max(p.nextPresence + 1000 / presenceHz, now);
        p.client.sendPresence(
          `{"user":{"name":"${p.name}","color":"#2563eb"},"cursor":{"x":${((now * 7) % 4000) | 0},"y":${((now * 3) % 2500) | 0}}}`,
        );
      }
    }
  }

  /** Measures one window of `ms`, then waits (up to 5 s) for the window's edits to arrive. */
  async measure(ms: number): Promise<WindowResult> {
    const { tracker } = this;
    tracker.samples.length = 0;
    tracker.editsRecorded = 0;
    this.expected = 0;
    const rss: number[] = [];
    const relayBefore = sampleProcess(this.relay.pid);
    const genBefore = selfCpuMs();
    const presenceBefore = this.presenceReceived();
    const sampler = setInterval(() => rss.push(sampleProcess(this.relay.pid).rssBytes), 500);
    tracker.recording = true;
    const started = performance.now();
    await sleep(ms);
    tracker.recording = false;
    const seconds = (performance.now() - started) / 1000;
    const relayAfter = sampleProcess(this.relay.pid);
    const generatorCpu = (selfCpuMs() - genBefore) / (seconds * 1000);
    const presence = this.presenceReceived() - presenceBefore;
    clearInterval(sampler);
    const drainUntil = performance.now() + 5000;
    while (tracker.samples.length < this.expected && performance.now() < drainUntil) await sleep(50);
    return {
      latency: quantiles(tracker.samples),
      samples: tracker.samples.length,
      editsPerSecond: tracker.editsRecorded / seconds,
      deliveredPerSecond: tracker.samples.length / seconds,
      completeness: this.expected > 0 ? tracker.samples.length / this.expected : Number.NaN,
      presenceReceivedPerSecond: presence / seconds,
      relayCpu: cpuShare(relayBefore, relayAfter),
      relayRssEnd: relayAfter.rssBytes,
      relayRssMax: Math.max(relayAfter.rssBytes, ...rss),
      generatorCpu,
      unexpectedCloses: this.people.filter((p) => p.client.closeCode !== null).length,
    };
  }

  private presenceReceived(): number {
    return this.people.reduce((n, p) => n + p.client.awarenessReceived, 0);
  }

  /** Stops the activity and closes every client. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const p of this.people) p.client.close();
    await sleep(200);
  }
}

/** Opens, warms up, measures one window and closes: one row of the comparison. */
export async function runWorkload(
  relay: Relay,
  w: RoomWorkload,
  warmupMs: number,
  measureMs: number,
): Promise<WindowResult & { setupSeconds: number }> {
  const load = await RoomLoad.open(relay, w);
  try {
    await sleep(500);
    load.start();
    await sleep(warmupMs);
    return { ...(await load.measure(measureMs)), setupSeconds: load.setupSeconds };
  } finally {
    await load.close();
  }
}
