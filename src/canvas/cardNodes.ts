/**
 * The React Flow nodes of the touchpoint cards, by far the most numerous: a node holds where its
 * card sits and how (selected, edited), never its text, which the card reads from its own record.
 * A memo hands back the previous node object whenever nothing a node is made of changed, so a
 * board of 5 000 cards costs one comparison per card, not one new object.
 */
import type { Node } from '@xyflow/react';
import type { TouchpointChange } from '../model/compare';
import type { Rect } from '../model/layout';
import type { Touchpoint } from '../model/types';
import { touchpointNodeId } from './nodeIds';

/** A card's record without its text: what its node needs to place and colour it. */
export type CardPlace = Omit<Touchpoint, 'text'>;

export type TouchpointFlowNode = Node<{ touchpoint: CardPlace; editing: boolean; change: TouchpointChange | null }, 'touchpoint'>;

/** A node's position and size, known from the layout, so nodes count as measured from their first render. */
export function sized(x: number, y: number, width: number, height: number) {
  return { position: { x, y }, width, height, measured: { width, height }, style: { width, height, pointerEvents: 'all' as const } };
}

export interface CardInput {
  touchpoint: Touchpoint;
  rect: Rect;
  editing: boolean;
  selected: boolean;
  change: TouchpointChange | null;
}

/** The node of one card. */
export function cardNode(input: CardInput): TouchpointFlowNode {
  const { touchpoint, rect, editing, selected } = input;
  const { text: _text, ...place } = touchpoint;
  return {
    id: touchpointNodeId(touchpoint.id),
    type: 'touchpoint',
    ...sized(rect.x, rect.y, rect.width, rect.height),
    data: { touchpoint: place, editing, change: input.change },
    selected,
    // Only the selected card moves: dragging across unselected cards pans the board, so
    // a pan never carries a card off by accident.
    draggable: selected && !editing,
    zIndex: 10,
  };
}

const sameInput = (a: CardInput, b: CardInput) =>
  a.touchpoint === b.touchpoint &&
  a.editing === b.editing &&
  a.selected === b.selected &&
  a.change === b.change &&
  a.rect.x === b.rect.x &&
  a.rect.y === b.rect.y &&
  a.rect.width === b.rect.width &&
  a.rect.height === b.rect.height;

export interface CardMemo {
  /** The card's node: the previous object when its input is the same. */
  node(input: CardInput): TouchpointFlowNode;
  /** Forgets the cards not asked for since the last call. */
  sweep(): void;
}

export function createCardMemo(): CardMemo {
  let previous = new Map<string, { input: CardInput; node: TouchpointFlowNode }>();
  let current = new Map<string, { input: CardInput; node: TouchpointFlowNode }>();
  return {
    node(input) {
      const old = previous.get(input.touchpoint.id);
      let entry = old && sameInput(old.input, input) ? old : null;
      if (!entry) {
        const node = cardNode(input);
        // A card that only moved keeps its data: what compares nodes sees at once that it shows the same.
        if (old && old.input.touchpoint === input.touchpoint && old.input.editing === input.editing && old.input.change === input.change)
          node.data = old.node.data;
        entry = { input, node };
      }
      current.set(input.touchpoint.id, entry);
      return entry.node;
    },
    sweep() {
      previous = current;
      current = new Map();
    },
  };
}
