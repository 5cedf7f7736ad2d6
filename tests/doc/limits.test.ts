import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addJourney,
  addJourneyFromTemplate,
  addKpi,
  addLane,
  addLaneCard,
  addPainPoint,
  addPersona,
  addComment,
  addTouchpoint,
  duplicateJourney,
  initBoard,
  openVote,
  painPointFromTouchpoint,
  renameBoard,
  renameLane,
  setEmotionWords,
  setFraming,
  setLaneCardText,
  setLaneOwner,
  setStructureLock,
  setTouchpointText,
  updateAction,
  updateJourney,
  updateKpi,
  updatePainPoint,
  updatePersona,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { getRecord } from '../../src/doc/read';
import { readWorkshop } from '../../src/doc/workshop';
import { defaultBoard } from '../../src/model/defaults';
import { TEXT_LIMITS } from '../../src/model/limits';
import { laneIds, newBoard } from '../helpers/boardDoc';

const over = (kind: keyof typeof TEXT_LIMITS, fill = 'x') => fill.repeat(TEXT_LIMITS[kind] + 50);

function setup() {
  const { doc, journeyId } = newBoard();
  const [stageId] = laneIds(doc, 'stages', journeyId) as [string];
  const [channelId] = laneIds(doc, 'channels', journeyId) as [string];
  return { doc, journeyId, stageId, channelId, board: () => readBoard(doc) };
}

describe('every command keeps texts within their limit', () => {
  it('cuts a touchpoint’s text when it is created and when it is typed', () => {
    const { doc, journeyId, stageId, channelId, board } = setup();
    const id = addTouchpoint(doc, { journeyId, stageId, channelId }, over('touchpointText'));
    expect(board().touchpoints[0]!.text).toHaveLength(TEXT_LIMITS.touchpointText);
    setTouchpointText(doc, id, 'y'.repeat(62_000));
    expect(board().touchpoints[0]!.text).toBe('y'.repeat(TEXT_LIMITS.touchpointText));
  });

  it('lets a touchpoint written before the limit be shortened without losing the rest of it', () => {
    const { doc, journeyId, stageId, channelId, board } = setup();
    const id = addTouchpoint(doc, { journeyId, stageId, channelId }, '');
    const old = `Je ${'a'.repeat(1500)}`;
    doc.transact(() => getRecord(doc, 'touchpoints', id)!.set('text', new Y.Text(old))); // as an older version wrote it
    setTouchpointText(doc, id, old.replace('Je ', "J'"));
    expect(board().touchpoints[0]!.text).toBe(old.replace('Je ', "J'"));
    const shortened = board().touchpoints[0]!.text;
    setTouchpointText(doc, id, `${shortened}!`);
    expect(board().touchpoints[0]!.text).toBe(shortened); // it may not grow any further
  });

  it('cuts the board title, journey names and lane names', () => {
    const { doc, journeyId, stageId, board } = setup();
    renameBoard(doc, over('boardTitle'));
    expect(board().meta.title).toHaveLength(TEXT_LIMITS.boardTitle);
    const fresh = new Y.Doc();
    initBoard(fresh, { ...defaultBoard('fr'), title: over('boardTitle'), journeyName: over('journeyName'), stages: [over('laneName')] });
    expect(readBoard(fresh).meta.title).toHaveLength(TEXT_LIMITS.boardTitle);
    expect(readBoard(fresh).journeys[0]!.name).toHaveLength(TEXT_LIMITS.journeyName);
    expect(readBoard(fresh).stages[0]!.name).toHaveLength(TEXT_LIMITS.laneName);

    const added = addJourney(doc, { name: over('journeyName'), kind: 'target' });
    const templated = addJourneyFromTemplate(
      doc,
      { name: over('journeyName'), kind: 'target' },
      { stages: [], channels: [], examples: [] },
    );
    const copied = duplicateJourney(doc, journeyId, { name: over('journeyName'), kind: 'target' })!;
    updateJourney(doc, journeyId, { name: over('journeyName') });
    for (const id of [added, templated, copied, journeyId])
      expect(board().journeys.find((j) => j.id === id)!.name, id).toHaveLength(TEXT_LIMITS.journeyName);

    const lane = addLane(doc, 'channels', journeyId, over('laneName'));
    expect(board().channels.find((c) => c.id === lane)!.name).toHaveLength(TEXT_LIMITS.laneName);
    renameLane(doc, 'stages', stageId, over('laneName'));
    expect(board().stages.find((s) => s.id === stageId)!.name).toHaveLength(TEXT_LIMITS.laneName);
    setLaneOwner(doc, 'stages', stageId, over('laneOwner'));
    expect(board().stages.find((s) => s.id === stageId)!.owner).toHaveLength(TEXT_LIMITS.laneOwner);
  });

  it('cuts the framing card’s fields', () => {
    const { doc, journeyId, board } = setup();
    setFraming(doc, journeyId, 'objective', over('framingField'));
    expect(board().journeys[0]!.framing.objective).toHaveLength(TEXT_LIMITS.framingField);
  });

  it('cuts every field of a persona, added or changed', () => {
    const { doc, board } = setup();
    const id = addPersona(doc, {
      name: over('personaName'),
      role: over('personaRole'),
      description: over('personaText'),
      avatar: over('personaAvatar'),
    });
    updatePersona(doc, id, { goals: over('personaText'), frustrations: over('personaText') });
    const p = board().personas[0]!;
    expect([p.name.length, p.role.length, p.description.length, p.goals.length, p.frustrations.length, p.avatar.length]).toEqual([
      TEXT_LIMITS.personaName,
      TEXT_LIMITS.personaRole,
      TEXT_LIMITS.personaText,
      TEXT_LIMITS.personaText,
      TEXT_LIMITS.personaText,
      TEXT_LIMITS.personaAvatar,
    ]);
  });

  it('cuts KPIs, emotion words and extra-row cards', () => {
    const { doc, journeyId, stageId, board } = setup();
    const kpi = addKpi(doc, journeyId, stageId, { name: over('kpiField'), current: over('kpiField'), target: '45', unit: '' });
    updateKpi(doc, kpi, { target: over('kpiField'), unit: over('kpiField') });
    const k = board().kpis[0]!;
    expect([k.name, k.current, k.target, k.unit].map((v) => v.length)).toEqual(Array(4).fill(TEXT_LIMITS.kpiField));
    setEmotionWords(doc, journeyId, stageId, over('emotionWords'));
    expect(board().emotions[0]!.words).toHaveLength(TEXT_LIMITS.emotionWords);
    const card = addLaneCard(doc, journeyId, stageId, 'thinks', over('laneCardText'));
    expect(board().laneCards[0]!.text).toHaveLength(TEXT_LIMITS.laneCardText);
    setLaneCardText(doc, card, over('laneCardText', 'z'));
    expect(board().laneCards[0]!.text).toBe('z'.repeat(TEXT_LIMITS.laneCardText));
  });

  it('cuts pain points, including one made from a touchpoint', () => {
    const { doc, journeyId, stageId, channelId, board } = setup();
    const pain = addPainPoint(doc, journeyId, stageId, { text: over('painPointText') });
    expect(board().painPoints.find((p) => p.id === pain)!.text).toHaveLength(TEXT_LIMITS.painPointText);
    updatePainPoint(doc, pain, { text: over('painPointText', 'q') });
    expect(board().painPoints.find((p) => p.id === pain)!.text).toBe('q'.repeat(TEXT_LIMITS.painPointText));
    const card = addTouchpoint(doc, { journeyId, stageId, channelId }, over('touchpointText'), 'pain');
    const fromCard = painPointFromTouchpoint(doc, card)!;
    expect(board().painPoints.find((p) => p.id === fromCard)!.text.length).toBeLessThanOrEqual(TEXT_LIMITS.painPointText);
  });

  it('cuts an action’s title and owner, and keeps only real dates', () => {
    const { doc, board } = setup();
    const id = addAction(doc, { title: over('actionTitle'), owner: over('actionOwner'), due: '31/03/2026' });
    expect(board().actions[0]).toMatchObject({ due: '' });
    expect([board().actions[0]!.title.length, board().actions[0]!.owner.length]).toEqual([
      TEXT_LIMITS.actionTitle,
      TEXT_LIMITS.actionOwner,
    ]);
    updateAction(doc, id, { title: over('actionTitle', 't'), owner: over('actionOwner', 'o'), due: '2026-03-31' });
    expect(board().actions[0]).toMatchObject({
      title: 't'.repeat(TEXT_LIMITS.actionTitle),
      owner: 'o'.repeat(TEXT_LIMITS.actionOwner),
      due: '2026-03-31',
    });
  });

  it('cuts comments, vote titles and the names of people on them', () => {
    const { doc, journeyId, stageId, channelId } = setup();
    const card = addTouchpoint(doc, { journeyId, stageId, channelId }, 'Je paie');
    addComment(doc, card, { id: 'person-0001', name: over('personName'), color: '#2563eb' }, over('comment'));
    openVote(doc, { title: over('voteTitle'), target: 'touchpoints', journeyId, dotsPerPerson: 3, hidden: false });
    setStructureLock(doc, { by: 'person-0001', name: over('personName') });
    const w = readWorkshop(doc);
    expect([w.comments[0]!.text.length, w.comments[0]!.authorName.length]).toEqual([TEXT_LIMITS.comment, TEXT_LIMITS.personName]);
    expect(w.votes[0]!.title).toHaveLength(TEXT_LIMITS.voteTitle);
    expect(w.lock!.name).toHaveLength(TEXT_LIMITS.personName);
  });
});
