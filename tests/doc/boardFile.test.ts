import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { recordFields, writeBoardContent } from '../../src/doc/boardFile';
import { IMPORT_ORIGIN } from '../../src/doc/origins';
import { readBoard } from '../../src/doc/projection';
import { ROOTS } from '../../src/doc/schema';
import { boardFile, boardFileJson } from '../../src/model/fileExport';
import { RECORD_SCHEMAS } from '../../src/model/fileSchema';
import { readBoardFileText } from '../../src/model/fileReader';
import { TEXT_LIMITS } from '../../src/model/limits';
import { RECORD_KINDS } from '../../src/model/records';
import { bigBoard, richBoard } from '../helpers/richBoard';

function roundTrip(doc: Y.Doc, journeyId?: string): Y.Doc {
  const json = boardFileJson(boardFile(readBoard(doc), { exportedAt: '2026-01-01T00:00:00.000Z', journeyId }));
  const result = readBoardFileText(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(result.warnings).toEqual([]);
  const copy = new Y.Doc();
  writeBoardContent(copy, result.content);
  return copy;
}

describe('board files', () => {
  it('has one file schema per record kind, and one document map per kind beside meta', () => {
    expect(Object.keys(RECORD_SCHEMAS)).toEqual([...RECORD_KINDS]);
    expect(ROOTS).toEqual(['meta', ...RECORD_KINDS]);
  });

  it('exports a board and imports it as an equal board, every record type included', () => {
    const { doc } = richBoard(40);
    const before = readBoard(doc);
    for (const kind of RECORD_KINDS) expect(before[kind].length, kind).toBeGreaterThan(0);
    expect(readBoard(roundTrip(doc))).toEqual(before);
  });

  it('keeps accents, emoji, quotes, semicolons and line breaks in texts', () => {
    const { doc } = richBoard(8);
    const texts = readBoard(roundTrip(doc)).touchpoints.map((t) => t.text);
    expect(texts).toContain('J’appelle le service client\net j’attends 20 minutes #6');
    expect(texts).toContain('Je parraine un ami 🎉 et je gagne un bon #5');
    expect(texts).toContain('Je reçois un email de bienvenue "personnalisé" #4');
  });

  it('exports one journey with its persona and actions, leaving board-wide actions out', () => {
    const { doc, journeyId } = richBoard(10);
    const file = boardFile(readBoard(doc), { exportedAt: 'x', journeyId });
    expect(file.scope).toBe('journey');
    expect(file.records.personas).toHaveLength(1);
    expect(file.records.actions.map((a) => a.id).sort()).toEqual(['action_1', 'action_2']);
    const copy = readBoard(roundTrip(doc, journeyId));
    expect(copy.touchpoints).toEqual(readBoard(doc).touchpoints);
  });

  it('writes a large board in several bounded transactions, meta last, not as a local edit', () => {
    const { doc } = bigBoard(1000);
    const json = boardFileJson(boardFile(readBoard(doc), { exportedAt: 'x' }));
    const result = readBoardFileText(json);
    if (!result.ok) throw new Error('invalid');
    const copy = new Y.Doc();
    const updates: { size: number; origin: unknown; initialised: boolean }[] = [];
    copy.on('update', (u: Uint8Array, origin: unknown) =>
      updates.push({ size: u.length, origin, initialised: copy.getMap('meta').has('schemaVersion') }),
    );
    const transactions = writeBoardContent(copy, result.content, 64 * 1024);
    expect(transactions).toBeGreaterThan(3);
    expect(updates.every((u) => u.origin === IMPORT_ORIGIN && u.size < 512 * 1024)).toBe(true);
    expect(updates.filter((u) => u.initialised)).toHaveLength(1);
    expect(updates.at(-1)?.initialised).toBe(true);
    expect(readBoard(copy)).toEqual(readBoard(doc));
  });

  it('imports a file with over-long texts as a board whose texts are within their limits', () => {
    const { doc } = richBoard(4);
    const file = boardFile(readBoard(doc), { exportedAt: 'x' });
    file.records.touchpoints[0]!.text = 'J'.repeat(62_000);
    file.records.personas[0]!.description = 'D'.repeat(5000);
    const result = readBoardFileText(boardFileJson(file));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings.map((w) => w.path)).toEqual(['records.touchpoints[0].text', 'records.personas[0].description']);
    const copy = new Y.Doc();
    writeBoardContent(copy, result.content);
    const board = readBoard(copy);
    expect(board.touchpoints.find((t) => t.id === file.records.touchpoints[0]!.id)!.text).toHaveLength(TEXT_LIMITS.touchpointText);
    expect(board.personas[0]!.description).toHaveLength(TEXT_LIMITS.personaText);
  });

  it('writes journeys’ framing and extra rows the way the reader reads them', () => {
    const fields = recordFields('journeys', {
      id: 'j',
      name: 'J',
      kind: 'target',
      order: '1',
      personaId: null,
      framing: { objective: 'O', perimeter: '', segment: '', horizon: '', stakeholders: '' },
      extraRows: ['needs'],
    });
    expect(fields).toEqual({
      name: 'J',
      kind: 'target',
      order: '1',
      'framing.objective': 'O',
      'framing.perimeter': '',
      'framing.segment': '',
      'framing.horizon': '',
      'framing.stakeholders': '',
      'row.needs': true,
    });
  });
});
