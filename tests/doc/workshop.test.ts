import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  clearVoteResults,
  closeVote,
  deleteComment,
  deleteVote,
  openVote,
  placeDot,
  removeDot,
  revealVote,
  setStructureLock,
  setThreadResolved,
  setTimer,
} from '../../src/doc/commands';
import { createUndoManager } from '../../src/doc/undo';
import { readWorkshop } from '../../src/doc/workshop';
import { addTime, formatDuration, findMentions, pauseTimer, resumeTimer, startTimer, tally, timeLeft } from '../../src/model/workshop';
import { newBoard, peersOf, syncAll } from '../helpers/boardDoc';

const alice = { id: 'alice-id', name: 'Alice Martin', color: '#7c3aed' };
const bruno = { id: 'bruno-id', name: 'Bruno', color: '#db2777' };

describe('comments', () => {
  it('threads comments on a target, finds mentions, and resolves / reopens the thread', () => {
    const { doc } = newBoard();
    addComment(doc, 'tp1', alice, '  @Bruno peux-tu vérifier les frais ?  ', [bruno, alice], 1000);
    addComment(doc, 'tp1', bruno, 'Oui, je regarde', [], 2000);
    let w = readWorkshop(doc);
    expect(w.comments.map((c) => [c.authorName, c.text])).toEqual([
      ['Alice Martin', '@Bruno peux-tu vérifier les frais ?'],
      ['Bruno', 'Oui, je regarde'],
    ]);
    expect(w.comments[0]!.mentions).toEqual(['Bruno']);
    // The mention keeps who Bruno is, so it reaches him even if he renames himself.
    expect(w.comments[0]!.mentionIds).toEqual(['bruno-id']);
    expect(w.comments[1]!.mentionIds).toEqual([]);
    expect(w.threads).toEqual([{ targetId: 'tp1', resolved: false }]);
    setThreadResolved(doc, 'tp1', true);
    expect(readWorkshop(doc).threads[0]!.resolved).toBe(true);
    // A new comment reopens a resolved thread.
    addComment(doc, 'tp1', alice, 'Encore une question');
    w = readWorkshop(doc);
    expect(w.threads[0]!.resolved).toBe(false);
    deleteComment(doc, w.comments[2]!.id);
    expect(readWorkshop(doc).comments).toHaveLength(2);
  });

  it('ignores an empty comment', () => {
    const { doc } = newBoard();
    expect(addComment(doc, 'tp1', alice, '   ')).toBeNull();
    expect(readWorkshop(doc).comments).toEqual([]);
  });
});

describe('dot voting', () => {
  it('limits each voter to their dots, ranks the results and keeps them when closed', () => {
    const { doc, journeyId } = newBoard();
    const vote = openVote(doc, { title: 'Irritants prioritaires', target: 'touchpoints', journeyId, dotsPerPerson: 2, hidden: true });
    expect(placeDot(doc, vote, 'alice', 'a')).not.toBeNull();
    expect(placeDot(doc, vote, 'alice', 'a')).not.toBeNull();
    expect(placeDot(doc, vote, 'alice', 'b')).toBeNull();
    placeDot(doc, vote, 'bruno', 'b');
    placeDot(doc, vote, 'bruno', 'a');
    expect(tally(readWorkshop(doc).dots, vote)).toEqual([
      { targetId: 'a', count: 3 },
      { targetId: 'b', count: 1 },
    ]);
    removeDot(doc, vote, 'alice', 'a');
    expect(tally(readWorkshop(doc).dots, vote)[0]).toEqual({ targetId: 'a', count: 2 });
    expect(readWorkshop(doc).votes[0]).toMatchObject({ hidden: true, status: 'open', dotsPerPerson: 2 });
    revealVote(doc, vote);
    expect(readWorkshop(doc).votes[0]!.hidden).toBe(false);
    closeVote(doc, vote);
    expect(placeDot(doc, vote, 'carla', 'b')).toBeNull();
    removeDot(doc, vote, 'bruno', 'a');
    expect(tally(readWorkshop(doc).dots, vote)).toHaveLength(2);
    expect(readWorkshop(doc).votes[0]).toMatchObject({ status: 'closed', cleared: false });
    // Clearing takes the results off the cards and keeps the vote and its dots.
    clearVoteResults(doc, vote);
    expect(readWorkshop(doc).votes[0]!.cleared).toBe(true);
    expect(tally(readWorkshop(doc).dots, vote)).toHaveLength(2);
    deleteVote(doc, vote);
    expect(readWorkshop(doc)).toMatchObject({ votes: [], dots: [] });
  });

  it('converges when people vote at the same time', () => {
    const { docs, journeyId } = peersOf(3);
    const vote = openVote(docs[0]!, { title: 'v', target: 'touchpoints', journeyId, dotsPerPerson: 3, hidden: false });
    syncAll(docs);
    docs.forEach((d, i) => placeDot(d, vote, `voter${i}`, 'x'));
    syncAll(docs);
    for (const d of docs) expect(tally(readWorkshop(d).dots, vote)).toEqual([{ targetId: 'x', count: 3 }]);
  });
});

describe('timer and lock', () => {
  it('computes the same remaining time from the relay clock, through pause, resume and added time', () => {
    let t = startTimer(10 * 60_000, 1_000_000);
    expect(timeLeft(t, 1_000_000 + 60_000)).toBe(9 * 60_000);
    t = pauseTimer(t, 1_000_000 + 120_000);
    expect(timeLeft(t, 9_999_999_999)).toBe(8 * 60_000);
    t = resumeTimer(t, 2_000_000);
    t = addTime(t, 60_000, 2_000_000);
    expect(timeLeft(t, 2_000_000)).toBe(9 * 60_000);
    expect(timeLeft(t, 99_000_000)).toBe(0);
    expect(formatDuration(9 * 60_000 + 1)).toBe('09:01');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
  });

  it('stores the timer and the lock outside the undo history', () => {
    const { doc } = newBoard();
    const undo = createUndoManager(doc);
    setTimer(doc, startTimer(300_000, 5000));
    setStructureLock(doc, { by: 'alice-id', name: 'Alice' });
    expect(readWorkshop(doc)).toMatchObject({ timer: { status: 'running', endsAt: 305_000 }, lock: { by: 'alice-id', name: 'Alice' } });
    expect(undo.canUndo()).toBe(false);
    setStructureLock(doc, null);
    expect(readWorkshop(doc).lock).toBeNull();
  });

  it('reads garbage in the workshop map as an idle timer', () => {
    const doc = new Y.Doc();
    doc.getMap('workshop').set('timer', 'nonsense');
    expect(readWorkshop(doc).timer.status).toBe('idle');
  });
});

describe('findMentions', () => {
  it('matches the longest known name after @, case-insensitively', () => {
    expect(findMentions('Merci @alice martin et @Bob !', ['Alice', 'Alice Martin', 'Bob'])).toEqual(['Alice Martin', 'Bob']);
    expect(findMentions('mail@example.com', ['example'])).toEqual([]);
    expect(findMentions('pas de mention', ['Alice'])).toEqual([]);
  });
});
