/** Boards for the browser benchmark, seeded through the relay by a Node client as any client would. */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  addLaneCard,
  addPainPoint,
  addPersona,
  addTouchpoint,
  duplicateJourney,
  initBoard,
  setEmotionScore,
  setExtraRow,
  updateJourney,
} from '../../src/doc/commands';
import { allTouchpoints, sortedJourneys, sortedLanes } from '../../src/doc/read';
import { defaultBoard } from '../../src/model/defaults';
import { EVALUATIONS } from '../../src/model/types';
import type { Relay } from './relays';
import { sleep } from './report';

export interface Writer {
  board: string;
  doc: Y.Doc;
  /** The touchpoints of the journey a page opens on (the first), which the edits go to. */
  cards: string[];
  close(): void;
}

/** How many touchpoints go into one update: the relay takes messages of up to 1 MiB. */
const PER_TRANSACTION = 200;

/** Fills a journey's 30 cells with `count` touchpoints, text and evaluations spread over them. */
function fillJourney(doc: Y.Doc, journeyId: string, count: number): string[] {
  const stages = sortedLanes(doc, 'stages', journeyId).map((l) => l.id);
  const channels = sortedLanes(doc, 'channels', journeyId).map((l) => l.id);
  const cards: string[] = [];
  for (let from = 0; from < count; from += PER_TRANSACTION) {
    doc.transact(() => {
      for (let i = from; i < Math.min(count, from + PER_TRANSACTION); i++) {
        const stageId = stages[i % stages.length] as string;
        const channelId = channels[Math.floor(i / stages.length) % channels.length] as string;
        cards.push(
          addTouchpoint(
            doc,
            { journeyId, stageId, channelId },
            `Je fais l'étape ${i} de mon parcours`,
            i % 4 === 3 ? null : (EVALUATIONS[i % 3] ?? null),
          ),
        );
      }
    });
  }
  return cards;
}

/** What a journey kept for months has around its matrix: emotions, pain points, two extra rows. */
function furnishJourney(doc: Y.Doc, journeyId: string): void {
  doc.transact(() => {
    sortedLanes(doc, 'stages', journeyId).forEach((stage, i) => {
      setEmotionScore(doc, journeyId, stage.id, (i % 5) - 2);
      addPainPoint(doc, journeyId, stage.id, { text: `Attente trop longue à l'étape ${i + 1}`, severity: 2 });
      addPainPoint(doc, journeyId, stage.id, { text: `Information introuvable (${i + 1})`, severity: 3 });
      addLaneCard(doc, journeyId, stage.id, 'thinks', `Est-ce que ça vaut le coup ? (${i + 1})`);
      addLaneCard(doc, journeyId, stage.id, 'opportunities', `Montrer le délai dès le début (${i + 1})`);
    });
    setExtraRow(doc, journeyId, 'thinks', true);
    setExtraRow(doc, journeyId, 'opportunities', true);
  });
}

/**
 * The board of `count` touchpoints. One journey holds them all unless `journeys` > 1: then two
 * personas each have an existing journey and its target copy, every journey with emotions, pain
 * points and extra rows, `count / journeys` touchpoints each. The first journey is filled card by
 * card; the others are copies (« Dupliquer »), made in one edit each: a card added looks through
 * every card of the board for its cell's, so filling four journeys one card at a time took most
 * of a quick run.
 */
function fillBoard(doc: Y.Doc, count: number, journeys: number): string[] {
  const init = initBoard(doc, defaultBoard('fr'));
  if (!init) throw new Error('could not seed');
  if (journeys <= 1) return fillJourney(doc, init.journeyId, count);
  const perJourney = Math.floor(count / journeys);
  for (let j = 0; j < journeys; j += 2) {
    const name = j === 0 ? 'Marie' : 'Karim';
    const personaId = addPersona(doc, { name, role: j === 0 ? 'Cliente fidèle' : 'Nouveau client' });
    let source = init.journeyId;
    if (j === 0) {
      updateJourney(doc, source, { personaId });
      furnishJourney(doc, source);
      fillJourney(doc, source, perJourney);
    } else {
      const copy = duplicateJourney(doc, init.journeyId, { name: `Parcours existant — ${name}`, kind: 'existing', personaId });
      if (!copy) throw new Error('could not seed');
      source = copy;
    }
    if (j + 1 < journeys) duplicateJourney(doc, source, { name: `Parcours cible — ${name}`, kind: 'target', personaId });
  }
  // A target copy may sort first (it keeps its original's place): the page opens on whichever does.
  const shown = sortedJourneys(doc)[0]?.id;
  return allTouchpoints(doc)
    .filter((t) => t.journeyId === shown)
    .map((t) => t.id);
}

/**
 * Seeds a board of `count` touchpoints through the relay with a Node provider, as a client
 * would, and keeps that client connected to play a workshop's stream of edits later.
 */
export async function seedBoard(relay: Relay, count: number, journeys = 1): Promise<Writer> {
  const board = await relay.newBoard();
  const params = relay.params(board);
  const WebSocketPolyfill = WebSocket as unknown as typeof globalThis.WebSocket;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, board, doc, { WebSocketPolyfill, disableBc: true, params });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const cards = fillBoard(doc, count, journeys);
  // A second client proves the relay holds (and stored) every touchpoint before anyone opens the page.
  const expected = doc.getMap('touchpoints').size;
  const checkDoc = new Y.Doc();
  const check = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, board, checkDoc, { WebSocketPolyfill, disableBc: true, params });
  while (checkDoc.getMap('touchpoints').size < expected) await sleep(50);
  check.destroy();
  checkDoc.destroy();
  return {
    board,
    doc,
    cards,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
