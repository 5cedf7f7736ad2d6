import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint, deleteTouchpoint, moveTouchpoint, setTouchpointEvaluation, setTouchpointText } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { cellTouchpoints, getRecord } from '../../src/doc/read';
import { LOCAL_ORIGIN } from '../../src/doc/origins';
import { laneIds, newBoard, peersOf, syncAll } from '../helpers/boardDoc';

function setup() {
  const board = newBoard();
  const { doc, journeyId } = board;
  const stages = laneIds(doc, 'stages', journeyId);
  const channels = laneIds(doc, 'channels', journeyId);
  const cell = (s: number, c: number) => ({ journeyId, stageId: stages[s]!, channelId: channels[c]! });
  const texts = (s: number, c: number) => cellTouchpoints(doc, journeyId, stages[s]!, channels[c]!).map((t) => t.text);
  const ytext = (id: string) => getRecord(doc, 'touchpoints', id)!.get('text') as Y.Text;
  return { ...board, stages, channels, cell, texts, ytext };
}

describe('addTouchpoint', () => {
  it('adds a card at the end of a cell by default, with its text and evaluation', () => {
    const { doc, cell, texts } = setup();
    addTouchpoint(doc, cell(0, 0), 'Je vois une publicité');
    const id = addTouchpoint(doc, cell(0, 0), "Je m'inscris à la newsletter", 'delight');
    expect(texts(0, 0)).toEqual(['Je vois une publicité', "Je m'inscris à la newsletter"]);
    expect(readBoard(doc).touchpoints.find((t) => t.id === id)).toMatchObject({ evaluation: 'delight', ...cell(0, 0) });
  });

  it('adds a card at a given index', () => {
    const { doc, cell, texts } = setup();
    addTouchpoint(doc, cell(1, 2), 'A');
    addTouchpoint(doc, cell(1, 2), 'C');
    addTouchpoint(doc, cell(1, 2), 'B', null);
    addTouchpoint(doc, { ...cell(1, 2), index: 0 }, 'Start');
    addTouchpoint(doc, { ...cell(1, 2), index: 2 }, 'Middle');
    expect(texts(1, 2)).toEqual(['Start', 'A', 'Middle', 'C', 'B']);
    expect(texts(0, 0)).toEqual([]);
  });

  it('stores the text as a Y.Text so that typing can merge', () => {
    const { doc, cell, ytext } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je');
    expect(ytext(id)).toBeInstanceOf(Y.Text);
    expect(ytext(id).toString()).toBe('Je');
  });
});

describe('setTouchpointText', () => {
  it('replaces the text by splicing only what changed', () => {
    const { doc, cell, ytext } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je compare offres');
    const deltas: unknown[] = [];
    ytext(id).observe((e) => deltas.push(e.delta));
    setTouchpointText(doc, id, 'Je compare les offres');
    expect(ytext(id).toString()).toBe('Je compare les offres');
    expect(deltas).toEqual([[{ retain: 11 }, { insert: 'les ' }]]);
  });

  it('deletes and replaces ranges', () => {
    const { doc, cell, ytext } = setup();
    const id = addTouchpoint(doc, cell(0, 0), "J'appelle le service client");
    setTouchpointText(doc, id, "J'appelle le client");
    expect(ytext(id).toString()).toBe("J'appelle le client");
    setTouchpointText(doc, id, "J'écris au client");
    expect(ytext(id).toString()).toBe("J'écris au client");
    setTouchpointText(doc, id, '');
    expect(ytext(id).toString()).toBe('');
  });

  it('handles emoji and surrogate pairs without corrupting them', () => {
    const { doc, cell, ytext } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je suis ravi 😀');
    setTouchpointText(doc, id, 'Je suis ravi 😁 👍🏽');
    expect(ytext(id).toString()).toBe('Je suis ravi 😁 👍🏽');
    setTouchpointText(doc, id, '🇫🇷 Je suis ravi 😁 👍🏽 !');
    expect(ytext(id).toString()).toBe('🇫🇷 Je suis ravi 😁 👍🏽 !');
    setTouchpointText(doc, id, '🇫🇷 Je suis ravi 😂 !');
    expect(ytext(id).toString()).toBe('🇫🇷 Je suis ravi 😂 !');
    expect(ytext(id).toString()).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('writes nothing when the text is unchanged or the card is gone', () => {
    const { doc, cell } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je');
    const before = Y.encodeStateAsUpdate(doc);
    setTouchpointText(doc, id, 'Je');
    setTouchpointText(doc, 'no-such-card', 'Je');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("keeps both people's typing when two docs edit one card at once", () => {
    const { docs, journeyId } = peersOf(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const stageId = laneIds(a, 'stages', journeyId)[0]!;
    const channelId = laneIds(a, 'channels', journeyId)[0]!;
    const id = addTouchpoint(a, { journeyId, stageId, channelId }, 'Je remplis le formulaire');
    syncAll(docs);

    setTouchpointText(a, id, 'Je remplis vite le formulaire');
    setTouchpointText(b, id, 'Je remplis le formulaire de devis');
    syncAll(docs);

    for (const doc of docs) {
      expect(readBoard(doc).touchpoints[0]!.text).toBe('Je remplis vite le formulaire de devis');
    }
  });
});

describe('setTouchpointEvaluation', () => {
  it('sets, changes and clears the evaluation', () => {
    const { doc, cell } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je paie');
    const evaluation = () => readBoard(doc).touchpoints[0]!.evaluation;
    setTouchpointEvaluation(doc, id, 'pain');
    expect(evaluation()).toBe('pain');
    setTouchpointEvaluation(doc, id, 'improvable');
    expect(evaluation()).toBe('improvable');
    setTouchpointEvaluation(doc, id, null);
    expect(evaluation()).toBeNull();
  });

  it('writes nothing when the evaluation is already that one', () => {
    const { doc, cell } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je paie', 'delight');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    setTouchpointEvaluation(doc, id, 'delight');
    expect(origins).toEqual([]);
    setTouchpointEvaluation(doc, id, 'pain');
    expect(origins).toEqual([LOCAL_ORIGIN]);
  });
});

describe('moveTouchpoint', () => {
  it('moves a touchpoint to another stage', () => {
    const { doc, cell, texts, stages, channels } = setup();
    const id = addTouchpoint(doc, cell(0, 1), 'Je reçois un email', 'improvable');
    addTouchpoint(doc, cell(2, 1), 'Je paie');
    moveTouchpoint(doc, id, { stageId: stages[2]!, channelId: channels[1]!, index: 0 });
    expect(texts(0, 1)).toEqual([]);
    expect(texts(2, 1)).toEqual(['Je reçois un email', 'Je paie']);
    expect(readBoard(doc).touchpoints.find((t) => t.id === id)).toMatchObject({ evaluation: 'improvable', stageId: stages[2] });
  });

  it('moves a touchpoint to another channel at the end of the cell', () => {
    const { doc, cell, texts, stages, channels } = setup();
    addTouchpoint(doc, cell(0, 3), 'Je like un post');
    const id = addTouchpoint(doc, cell(0, 0), 'Je vois un post');
    moveTouchpoint(doc, id, { stageId: stages[0]!, channelId: channels[3]!, index: 1 });
    expect(texts(0, 0)).toEqual([]);
    expect(texts(0, 3)).toEqual(['Je like un post', 'Je vois un post']);
  });

  it('reorders a touchpoint within its cell', () => {
    const { doc, cell, texts, stages, channels } = setup();
    const ids = ['A', 'B', 'C', 'D'].map((t) => addTouchpoint(doc, cell(1, 1), t));
    const target = (index: number) => ({ stageId: stages[1]!, channelId: channels[1]!, index });
    moveTouchpoint(doc, ids[0]!, target(3));
    expect(texts(1, 1)).toEqual(['B', 'C', 'D', 'A']);
    moveTouchpoint(doc, ids[3]!, target(0));
    expect(texts(1, 1)).toEqual(['D', 'B', 'C', 'A']);
    moveTouchpoint(doc, ids[2]!, target(1));
    expect(texts(1, 1)).toEqual(['D', 'C', 'B', 'A']);
  });

  it("keeps the card's identity and text object when it moves", () => {
    const { doc, cell, stages, channels, ytext } = setup();
    const id = addTouchpoint(doc, cell(0, 0), 'Je');
    const text = ytext(id);
    moveTouchpoint(doc, id, { stageId: stages[4]!, channelId: channels[5]!, index: 0 });
    expect(ytext(id)).toBe(text);
  });

  it('does nothing for a card that no longer exists', () => {
    const { doc, stages, channels } = setup();
    const before = Y.encodeStateAsUpdate(doc);
    moveTouchpoint(doc, 'gone', { stageId: stages[0]!, channelId: channels[0]!, index: 0 });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('deleteTouchpoint', () => {
  it('deletes one card and leaves its neighbours', () => {
    const { doc, cell, texts } = setup();
    addTouchpoint(doc, cell(0, 0), 'A');
    const b = addTouchpoint(doc, cell(0, 0), 'B');
    addTouchpoint(doc, cell(0, 0), 'C');
    deleteTouchpoint(doc, b);
    expect(texts(0, 0)).toEqual(['A', 'C']);
    expect(getRecord(doc, 'touchpoints', b)).toBeNull();
    deleteTouchpoint(doc, b); // already gone: no error, no change
    expect(texts(0, 0)).toEqual(['A', 'C']);
  });
});
