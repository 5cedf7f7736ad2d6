/**
 * Hand-made Yjs updates (format v1), as a hostile client would write them: any client id,
 * any clock, any parent or neighbour, duplicate groups, GC and skip structs.
 */
import * as encoding from 'lib0/encoding';

export interface HandId {
  client: number;
  clock: number;
}

export type HandStruct =
  | { kind: 'gc'; length: number }
  | { kind: 'skip'; length: number }
  | {
      kind: 'item';
      origin?: HandId;
      rightOrigin?: HandId;
      /** A top-level name or the id of a type item; only written when neither neighbour is. */
      parent?: string | HandId;
      parentSub?: string;
      content: { string: string } | { any: unknown[] } | { type: 'map' | 'text' | 'array' } | { deleted: number };
    };

export interface HandGroup {
  client: number;
  clock: number;
  structs: HandStruct[];
}

const TYPE_REFS = { array: 0, map: 1, text: 2 } as const;

function writeId(e: encoding.Encoder, id: HandId): void {
  encoding.writeVarUint(e, id.client);
  encoding.writeVarUint(e, id.clock);
}

function writeItem(e: encoding.Encoder, s: Extract<HandStruct, { kind: 'item' }>): void {
  const c = s.content;
  const ref = 'string' in c ? 4 : 'any' in c ? 8 : 'type' in c ? 7 : 1;
  const writesParent = !s.origin && !s.rightOrigin;
  const info = ref | (s.origin ? 128 : 0) | (s.rightOrigin ? 64 : 0) | (writesParent && s.parentSub !== undefined ? 32 : 0);
  encoding.writeUint8(e, info);
  if (s.origin) writeId(e, s.origin);
  if (s.rightOrigin) writeId(e, s.rightOrigin);
  if (writesParent) {
    const parent = s.parent ?? 'touchpoints';
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent);
    } else {
      encoding.writeVarUint(e, 0);
      writeId(e, parent);
    }
    if (s.parentSub !== undefined) encoding.writeVarString(e, s.parentSub);
  }
  if ('string' in c) encoding.writeVarString(e, c.string);
  else if ('any' in c) {
    encoding.writeVarUint(e, c.any.length);
    for (const v of c.any) encoding.writeAny(e, v as never);
  } else if ('type' in c) encoding.writeVarUint(e, TYPE_REFS[c.type]);
  else encoding.writeVarUint(e, c.deleted);
}

/** Encodes groups of structs and a delete set ([client, clock, length] ranges) as one update. */
export function handUpdate(groups: HandGroup[], deletes: [client: number, clock: number, length: number][] = []): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, groups.length);
    for (const g of groups) {
      encoding.writeVarUint(e, g.structs.length);
      encoding.writeVarUint(e, g.client);
      encoding.writeVarUint(e, g.clock);
      for (const s of g.structs) {
        if (s.kind === 'gc') {
          encoding.writeUint8(e, 0);
          encoding.writeVarUint(e, s.length);
        } else if (s.kind === 'skip') {
          encoding.writeUint8(e, 10);
          encoding.writeVarUint(e, s.length);
        } else writeItem(e, s);
      }
    }
    const byClient = new Map<number, [number, number][]>();
    for (const [client, clock, length] of deletes) byClient.set(client, [...(byClient.get(client) ?? []), [clock, length]]);
    encoding.writeVarUint(e, byClient.size);
    for (const [client, ranges] of byClient) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, ranges.length);
      for (const [clock, length] of ranges) {
        encoding.writeVarUint(e, clock);
        encoding.writeVarUint(e, length);
      }
    }
  });
}
