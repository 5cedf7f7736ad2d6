import { describe, expect, it } from 'vitest';
import { addAction, addTouchpoint, painPointFromTouchpoint } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { laneIds, newBoard } from '../helpers/boardDoc';

function boardWithCard() {
  const { doc, journeyId } = newBoard();
  const [s0, , s2] = laneIds(doc, 'stages', journeyId);
  const [c0] = laneIds(doc, 'channels', journeyId);
  const cardId = addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c0! }, 'Je découvre des frais cachés', 'pain');
  return { doc, journeyId, s0: s0!, s2: s2!, c0: c0!, cardId };
}

describe('deleting a touchpoint', () => {
  it('removes it from the pain points and actions that mentioned it', async () => {
    const { deleteTouchpoint } = await import('../../src/doc/commands');
    const { doc, cardId } = boardWithCard();
    const pain = painPointFromTouchpoint(doc, cardId)!;
    addAction(doc, { title: 'x', links: [cardId, pain] });
    deleteTouchpoint(doc, cardId);
    const b = readBoard(doc);
    expect(b.painPoints[0]!.touchpointIds).toEqual([]);
    expect(b.actions[0]!.links).toEqual([pain]);
  });
});
