/** Reading records out of the document as plain objects. */
import * as Y from 'yjs';
import { byOrder, isOrderKey } from '../model/order';
import type { BoardMeta, Channel, Journey, LaneKind, Stage, Touchpoint } from '../model/types';
import { isEvaluation } from '../model/types';
import { type RecordMap, roots, str } from './schema';

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = roots(doc).meta;
  const version = meta.get('schemaVersion');
  const createdAt = meta.get('createdAt');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

/** A record's order key; a malformed one (from a buggy or hostile peer) reads as '1' so key maths never throws. */
function orderOf(r: RecordMap): string {
  const order = r.get('order');
  return isOrderKey(order) ? order : '1';
}

export function readJourney(id: string, r: RecordMap): Journey {
  return { id, name: str(r, 'name'), kind: r.get('kind') === 'target' ? 'target' : 'existing', order: orderOf(r) };
}

export function readLane(id: string, r: RecordMap): Stage & Channel {
  return { id, journeyId: str(r, 'journeyId'), name: str(r, 'name'), order: orderOf(r) };
}

export function readTouchpoint(id: string, r: RecordMap): Touchpoint {
  const evaluation = r.get('evaluation');
  return {
    id,
    journeyId: str(r, 'journeyId'),
    stageId: str(r, 'stageId'),
    channelId: str(r, 'channelId'),
    text: str(r, 'text'),
    evaluation: isEvaluation(evaluation) ? evaluation : null,
    order: orderOf(r),
  };
}

/** Records of one map, read with `read`, filtered, sorted by order key. */
function sortedRecords<T extends { id: string; order: string }>(
  map: Y.Map<RecordMap>,
  read: (id: string, r: RecordMap) => T,
  keep: (record: T) => boolean,
): T[] {
  const out: T[] = [];
  map.forEach((r, id) => {
    if (!(r instanceof Y.Map)) return;
    const rec = read(id, r);
    if (keep(rec)) out.push(rec);
  });
  return out.sort(byOrder);
}

export function sortedJourneys(doc: Y.Doc): Journey[] {
  return sortedRecords(roots(doc).journeys, readJourney, () => true);
}

/** The stages or channels of a journey, in order. */
export function sortedLanes(doc: Y.Doc, kind: LaneKind, journeyId: string): (Stage & Channel)[] {
  return sortedRecords(roots(doc)[kind], readLane, (l) => l.journeyId === journeyId);
}

/** The touchpoints of one cell, in order. */
export function cellTouchpoints(doc: Y.Doc, journeyId: string, stageId: string, channelId: string): Touchpoint[] {
  return sortedRecords(
    roots(doc).touchpoints,
    readTouchpoint,
    (t) => t.journeyId === journeyId && t.stageId === stageId && t.channelId === channelId,
  );
}

export function allTouchpoints(doc: Y.Doc): Touchpoint[] {
  return sortedRecords(roots(doc).touchpoints, readTouchpoint, () => true);
}

/** A record map by id, or null when it does not exist (deleted, or never was). */
export function getRecord(doc: Y.Doc, root: 'journeys' | LaneKind | 'touchpoints', id: string): RecordMap | null {
  const r = roots(doc)[root].get(id);
  return r instanceof Y.Map ? r : null;
}
