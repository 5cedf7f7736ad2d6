/**
 * Board files in and out of the document: the whole board as plain records for export, and an
 * import that writes a file's records into a fresh document. Generic over the record maps:
 * every field is written as the readers in read.ts expect it.
 */
import * as Y from 'yjs';
import type { BoardContent } from '../model/fileFormat';
import { RECORD_KINDS, recordKey, type RecordKind } from '../model/records';
import { EXTRA_ROWS } from '../model/types';
import { IMPORT_ORIGIN } from './origins';
import { extraRowField } from './read';
import { SCHEMA_VERSION, TEXT_FIELDS, roots } from './schema';

/**
 * The document fields of a plain record: the inverse of its reader. Y.Text for text fields,
 * `a.b` keys for nested objects (a journey's framing), `row.x` flags for a journey's extra rows;
 * null and absent values are left out (readers default them).
 */
export function recordFields(kind: RecordKind, record: object): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const textFields = TEXT_FIELDS[kind] ?? [];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || (kind === 'emotions' && key === 'stageId') || value === null || value === undefined) continue;
    if (kind === 'journeys' && key === 'extraRows') {
      for (const row of EXTRA_ROWS) if ((value as string[]).includes(row)) fields[extraRowField(row)] = true;
    } else if (textFields.includes(key)) fields[key] = new Y.Text(String(value));
    else if (Array.isArray(value)) fields[key] = [...(value as unknown[])];
    else if (typeof value === 'object') {
      for (const [sub, v] of Object.entries(value as Record<string, unknown>))
        if (v !== null && v !== undefined) fields[`${key}.${sub}`] = v;
    } else fields[key] = value;
  }
  return fields;
}

/** Roughly how many bytes of update one transaction of an import may produce (under the relay's message limit). */
export const IMPORT_CHUNK_BYTES = 256 * 1024;

/**
 * Writes a file's records into an empty document, in several transactions of bounded size so
 * that each update stays well under the relay's message limit, then the board's meta last
 * (a document becomes a board when `schemaVersion` appears). Returns the number of transactions.
 */
export function writeBoardContent(doc: Y.Doc, content: BoardContent, chunkBytes = IMPORT_CHUNK_BYTES): number {
  const r = roots(doc);
  let batch: [RecordKind, object][] = [];
  let batchBytes = 0;
  let transactions = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const items = batch;
    doc.transact(() => {
      for (const [kind, record] of items) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(recordFields(kind, record))) map.set(key, value);
        r[kind].set(recordKey(kind, record as { id?: unknown; stageId?: unknown }), map);
      }
    }, IMPORT_ORIGIN);
    transactions++;
    batch = [];
    batchBytes = 0;
  };
  for (const kind of RECORD_KINDS) {
    for (const record of content.records[kind] as object[]) {
      batch.push([kind, record]);
      batchBytes += JSON.stringify(record).length + 64;
      if (batchBytes >= chunkBytes) flush();
    }
  }
  flush();
  doc.transact(() => {
    r.meta.set('title', content.meta.title.trim());
    r.meta.set('createdAt', content.meta.createdAt);
    r.meta.set('schemaVersion', SCHEMA_VERSION);
  }, IMPORT_ORIGIN);
  return transactions + 1;
}
