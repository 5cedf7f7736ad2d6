import { describe, expect, it } from 'vitest';
import { MASS_DELETION, addDeletion, type DeletionBurst, type DeletionEvent } from '../../src/model/massDeletion';

const deletion = (at: number, ids: string[], cardsBefore = 100, authors: number[] = []): DeletionEvent => ({
  at,
  ids,
  cardsBefore,
  authors,
});

/** Folds deletions into bursts as the watch does. */
function fold(events: DeletionEvent[]): DeletionBurst {
  return events.reduce<DeletionBurst | null>(addDeletion, null)!;
}

describe('telling a mass deletion', () => {
  it('flags five cards deleted one by one within ten seconds', () => {
    const burst = fold([0, 2000, 4000, 6000, 8000].map((t, i) => deletion(t, [`c${i}`])));
    expect(burst.massive).toBe(true);
    expect(burst.ids).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(burst.startedAt).toBe(0);
  });

  it('does not flag four cards, nor five spread over more than the window', () => {
    expect(fold([0, 1000, 2000, 3000].map((t, i) => deletion(t, [`c${i}`]))).massive).toBe(false);
    const slow = fold([0, 4000, 8000, 12_000, 16_000].map((t, i) => deletion(t, [`c${i}`])));
    expect(slow.massive).toBe(false);
    expect(slow.ids).toHaveLength(5); // still one burst: each came within the window of the previous one
  });

  it('flags more than 30 % of a small board, but not one card of three', () => {
    expect(fold([deletion(0, ['a', 'b', 'c'], 9)]).massive).toBe(true);
    expect(fold([deletion(0, ['a', 'b', 'c'], 10)]).massive).toBe(false); // exactly 30 %
    expect(fold([deletion(0, ['a'], 3)]).massive).toBe(false);
    expect(fold([deletion(0, ['a', 'b'], 3)]).massive).toBe(false);
    expect(MASS_DELETION.minCardsForShare).toBe(3);
  });

  it('starts a new burst after a quiet window, and keeps a flagged burst flagged while it goes on', () => {
    const first = fold([deletion(0, ['a', 'b', 'c', 'd', 'e']), deletion(9000, ['f'])]);
    expect(first.massive).toBe(true);
    expect(first.ids).toHaveLength(6);
    const later = addDeletion(first, deletion(9000 + MASS_DELETION.windowMs + 1, ['g']));
    expect(later.massive).toBe(false);
    expect(later.ids).toEqual(['g']);
    expect(later.startedAt).toBe(9000 + MASS_DELETION.windowMs + 1);
  });

  it('collects who wrote in the deleting transactions, once each, and counts a card once', () => {
    const burst = fold([deletion(0, ['a', 'b'], 100, [7]), deletion(100, ['b', 'c'], 100, [7, 9])]);
    expect(burst.authors).toEqual([7, 9]);
    expect(burst.ids).toEqual(['a', 'b', 'c']);
  });
});
