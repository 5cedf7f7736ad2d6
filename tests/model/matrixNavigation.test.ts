import { describe, expect, it } from 'vitest';
import { cellId } from '../../src/model/layout';
import { directionOfKey, nextSpot } from '../../src/model/matrixNavigation';
import type { Channel, Stage, Touchpoint } from '../../src/model/types';

const stage = (id: string): Stage => ({ id, journeyId: 'j', name: id, order: id, owner: '' }) as Stage;
const channel = (id: string): Channel => ({ id, journeyId: 'j', name: id, order: id }) as Channel;
const card = (id: string, s: string, c: string): Touchpoint => ({
  id,
  journeyId: 'j',
  stageId: s,
  channelId: c,
  text: id,
  evaluation: null,
  order: id,
  momentOfTruth: false,
});

// Two stages, two channels; the cell (a, web) holds two cards, (b, web) one, the email row none.
const matrix = {
  stages: [stage('a'), stage('b')],
  channels: [channel('web'), channel('email')],
  cellCards: new Map([
    [cellId('a', 'web'), [card('a1', 'a', 'web'), card('a2', 'a', 'web')]],
    [cellId('b', 'web'), [card('b1', 'b', 'web')]],
  ]),
};

describe('moving around the matrix with the arrows', () => {
  it('goes down from a cell through its cards, then to the cell below', () => {
    let spot = nextSpot(matrix, { stageId: 'a', channelId: 'web' }, 'down');
    expect(spot).toEqual({ stageId: 'a', channelId: 'web', cardId: 'a1' });
    spot = nextSpot(matrix, spot!, 'down');
    expect(spot).toEqual({ stageId: 'a', channelId: 'web', cardId: 'a2' });
    expect(nextSpot(matrix, spot!, 'down')).toEqual({ stageId: 'a', channelId: 'email' });
  });

  it('goes up from the cell below to the last card above, and from the first card to its cell', () => {
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'email' }, 'up')).toEqual({ stageId: 'a', channelId: 'web', cardId: 'a2' });
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'web', cardId: 'a1' }, 'up')).toEqual({ stageId: 'a', channelId: 'web' });
  });

  it('goes sideways to the card at the same height, or the nearest one, or the cell', () => {
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'web', cardId: 'a2' }, 'right')).toEqual({
      stageId: 'b',
      channelId: 'web',
      cardId: 'b1',
    });
    expect(nextSpot(matrix, { stageId: 'b', channelId: 'web', cardId: 'b1' }, 'left')).toEqual({
      stageId: 'a',
      channelId: 'web',
      cardId: 'a1',
    });
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'email' }, 'right')).toEqual({ stageId: 'b', channelId: 'email' });
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'web' }, 'right')).toEqual({ stageId: 'b', channelId: 'web' });
  });

  it('stays put at the edges and off the matrix', () => {
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'web' }, 'up')).toBeNull();
    expect(nextSpot(matrix, { stageId: 'a', channelId: 'web' }, 'left')).toBeNull();
    expect(nextSpot(matrix, { stageId: 'b', channelId: 'email' }, 'down')).toBeNull();
    expect(nextSpot(matrix, { stageId: 'gone', channelId: 'web' }, 'down')).toBeNull();
  });

  it('reads the arrow keys only', () => {
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('a')).toBeNull();
  });
});
