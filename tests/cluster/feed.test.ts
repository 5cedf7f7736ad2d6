/** Following a board's stored updates by seq: holes are noticed and filled from the store. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardFeed, type SeqRow } from '../../server/cluster/feed';
import { silentLogger } from '../../server/log';

/** The board's rows as PostgreSQL holds them, and a room doc applying what the feed hands it. */
function setup(gapGraceMs = 5) {
  const stored: SeqRow[] = [];
  const author = new Y.Doc();
  author.on('update', (update: Uint8Array) => stored.push({ seq: stored.length + 1, update }));
  const room = new Y.Doc();
  const applied: number[] = [];
  let loads = 0;
  const feed = new BoardFeed({
    boardId: 'b',
    log: silentLogger,
    gapGraceMs,
    loadSince: async (seq) => {
      loads++;
      await Promise.resolve();
      return stored.filter((row) => row.seq > seq);
    },
    maxSeq: async () => stored.length,
    apply: (update, seq) => {
      applied.push(seq);
      Y.applyUpdate(room, update);
    },
  });
  const type = (n: number) => {
    for (let i = 0; i < n; i++) author.getText('t').insert(author.getText('t').length, String(i % 10));
  };
  return { stored, author, room, applied, feed, type, loads: () => loads };
}

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BoardFeed', () => {
  it('applies messages in order without reading the store', async () => {
    const { stored, room, author, feed, type, loads } = setup();
    feed.start(0);
    type(5);
    for (const row of stored) feed.receive(row.seq, row.update);
    await settle();
    expect(feed.appliedSeq).toBe(5);
    expect(loads()).toBe(0);
    expect(room.getText('t').toString()).toBe(author.getText('t').toString());
  });

  it('fills a hole from the store once it stays open', async () => {
    const { stored, room, author, feed, type, applied } = setup();
    feed.start(0);
    type(6);
    for (const row of stored) if (row.seq !== 2 && row.seq !== 4) feed.receive(row.seq, row.update);
    expect(feed.hasGap).toBe(true);
    await settle();
    expect(feed.hasGap).toBe(false);
    expect(feed.appliedSeq).toBe(6);
    expect([...applied].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(room.getText('t').toString()).toBe(author.getText('t').toString());
  });

  it('does not read the store when the missing message arrives within the grace', async () => {
    const { stored, feed, type, loads } = setup(200);
    feed.start(0);
    type(3);
    feed.receive(1, stored[0]!.update);
    feed.receive(3, stored[2]!.update); // overtook seq 2 (another instance published it)
    feed.receive(2, stored[1]!.update);
    await settle();
    expect(feed.appliedSeq).toBe(3);
    expect(loads()).toBe(0);
  });

  it('catches a lost last message with the periodic check', async () => {
    const { stored, room, author, feed, type } = setup();
    feed.start(0);
    type(3);
    feed.receive(1, stored[0]!.update);
    feed.receive(2, stored[1]!.update); // seq 3 never arrives: no hole to notice
    await settle();
    expect(feed.appliedSeq).toBe(2);
    await feed.check();
    expect(feed.appliedSeq).toBe(3);
    expect(room.getText('t').toString()).toBe(author.getText('t').toString());
  });

  it('buffers what arrives while the room loads and applies only what is above the loaded seq', async () => {
    const { stored, room, author, feed, type, applied } = setup();
    type(4);
    // Subscribed first: seq 3 and 4 arrive while the room is loading rows 1..3.
    feed.receive(3, stored[2]!.update);
    feed.receive(4, stored[3]!.update);
    for (const row of stored.slice(0, 3)) Y.applyUpdate(room, row.update);
    expect(applied).toEqual([]);
    feed.start(3);
    expect(applied).toEqual([4]);
    expect(feed.appliedSeq).toBe(4);
    expect(room.getText('t').toString()).toBe(author.getText('t').toString());
  });

  it('counts updates committed here as held, so they open no hole', async () => {
    const { stored, feed, type, loads } = setup();
    feed.start(0);
    type(3);
    feed.receive(1, stored[0]!.update);
    feed.committedHere(2);
    feed.receive(3, stored[2]!.update);
    await settle();
    expect(feed.appliedSeq).toBe(3);
    expect(loads()).toBe(0);
  });

  it('keeps going when the store fails, and catches up once it answers', async () => {
    const rows: SeqRow[] = [];
    const author = new Y.Doc();
    author.on('update', (update: Uint8Array) => rows.push({ seq: rows.length + 1, update }));
    let down = true;
    const room = new Y.Doc();
    const feed = new BoardFeed({
      boardId: 'b',
      log: silentLogger,
      loadSince: async (seq) => {
        if (down) throw new Error('connection refused');
        return rows.filter((row) => row.seq > seq);
      },
      maxSeq: async () => {
        if (down) throw new Error('connection refused');
        return rows.length;
      },
      apply: (update) => Y.applyUpdate(room, update),
    });
    feed.start(0);
    author.getText('t').insert(0, 'ab');
    author.getText('t').insert(2, 'cd');
    await feed.check();
    await feed.catchUp();
    expect(feed.appliedSeq).toBe(0);
    down = false;
    await feed.check();
    expect(feed.appliedSeq).toBe(2);
    expect(room.getText('t').toString()).toBe('abcd');
  });
});
