import { describe, expect, it } from 'vitest';
import { boardFile, boardFileJson } from '../../src/model/fileExport';
import { FILE_FORMAT, type BoardFile } from '../../src/model/fileFormat';
import { readBoardFile, readBoardFileText } from '../../src/model/fileReader';
import { MAX_FILE_BYTES, TEXT_LIMITS } from '../../src/model/limits';
import { board, journey, kpi, lane, touchpoint } from '../helpers/records';
import type { Channel, Stage } from '../../src/model/types';

const valid = (): BoardFile =>
  boardFile(
    board({
      journeys: [journey({ id: 'j' })],
      stages: [lane<Stage>({ id: 's' })],
      channels: [lane<Channel>({ id: 'c' })],
      touchpoints: [touchpoint({ id: 't', text: 'Je paie' })],
    }),
    { exportedAt: '2026-01-01T00:00:00.000Z' },
  );

const issues = (raw: unknown) => {
  const result = readBoardFile(raw);
  if (result.ok) throw new Error('accepted');
  return result.issues;
};

describe('board file validation', () => {
  it('reads the mark of a file exported without its KPI values, and ignores a mark with values beside it', () => {
    const offline = readBoardFile({ ...valid(), metricsOmitted: 'offline' });
    expect(offline.ok && offline.metricsOmitted).toBe(true);
    expect(readBoardFile(valid())).toMatchObject({ ok: true, metricsOmitted: false });
    // A mark this version does not know still says the values are missing; it never refuses the file.
    expect(readBoardFile({ ...valid(), metricsOmitted: 'later' })).toMatchObject({ ok: true, metricsOmitted: true });
    expect(readBoardFile({ ...valid(), metrics: {}, metricsOmitted: 'offline' })).toMatchObject({ ok: true, metricsOmitted: false });
  });

  it('accepts what it writes', () => {
    const result = readBoardFileText(boardFileJson(valid()));
    expect(result.ok).toBe(true);
  });

  it('fills defaults and order keys for hand-written files, keeping file order', () => {
    const result = readBoardFile({
      format: FILE_FORMAT,
      version: 1,
      schemaVersion: 2,
      meta: { title: 'À la main' },
      records: {
        journeys: [{ id: 'j', name: 'J' }],
        stages: [
          { id: 's2', journeyId: 'j', name: 'B' },
          { id: 's1', journeyId: 'j', name: 'A' },
        ],
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const stages = result.content.records.stages;
    expect(stages.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(stages[0]!.order < stages[1]!.order).toBe(true);
    expect(result.content.records.journeys[0]).toMatchObject({ kind: 'existing', personaId: null, extraRows: [] });
    expect(result.content.records.touchpoints).toEqual([]);
  });

  it('rejects a file that is not JSON, with the parser’s reason', () => {
    const result = readBoardFileText('{"format": "parcours.board", "version": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: '(file)', problem: 'notJson' });
  });

  it('rejects a truncated file', () => {
    const json = boardFileJson(valid());
    expect(readBoardFileText(json.slice(0, json.length / 2)).ok).toBe(false);
  });

  it('rejects files over the size cap without parsing them', () => {
    const result = readBoardFileText(' '.repeat(MAX_FILE_BYTES + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: '(file)', problem: 'tooBig', params: { max: MAX_FILE_BYTES } }]);
  });

  it('rejects other JSON and files from a newer version clearly', () => {
    expect(issues([1, 2])).toEqual([{ path: 'format', problem: 'notBoardFile', params: { expected: FILE_FORMAT } }]);
    expect(issues({ ...valid(), format: 'other' })[0]?.problem).toBe('notBoardFile');
    expect(issues({ ...valid(), version: 7 })).toEqual([
      { path: 'version', problem: 'newerVersion', params: { version: 7, supported: 1 } },
    ]);
    expect(issues({ ...valid(), version: '1' })[0]).toMatchObject({ path: 'version', problem: 'notOneOf' });
  });

  it('lists every wrong field with its path and reason', () => {
    const file = valid() as unknown as { meta: Record<string, unknown>; records: Record<string, Record<string, unknown>[]> };
    file.meta.title = '   ';
    file.records.touchpoints![0]!.text = 42;
    file.records.touchpoints![0]!.evaluation = 'purple';
    delete file.records.stages![0]!.journeyId;
    file.records.channels![0]!.id = 'has spaces';
    file.records.channels![0]!.order = 'V0';
    file.records.emotions = [{ stageId: 's', journeyId: 'j', score: 5 }];
    expect(issues(file)).toEqual(
      expect.arrayContaining([
        { path: 'meta.title', problem: 'blank' },
        { path: 'records.touchpoints[0].evaluation', problem: 'notOneOf', params: { values: '"delight", "improvable", "pain"' } },
        { path: 'records.stages[0].journeyId', problem: 'missing' },
        { path: 'records.channels[0].id', problem: 'badId' },
        { path: 'records.channels[0].order', problem: 'badOrder' },
        { path: 'records.emotions[0].score', problem: 'tooLarge', params: { max: 2 } },
      ]),
    );
  });

  it('cuts texts longer than their kind allows, with a warning for each, instead of refusing the file', () => {
    const file = valid() as unknown as { meta: Record<string, unknown>; records: Record<string, Record<string, unknown>[]> };
    file.meta.title = 'T'.repeat(300);
    file.records.touchpoints![0]!.text = 'J'.repeat(62_000);
    file.records.journeys![0]!.framing = { objective: 'O'.repeat(5000) };
    file.records.stages![0]!.name = 'S'.repeat(81);
    const result = readBoardFile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.content.meta.title).toHaveLength(TEXT_LIMITS.boardTitle);
    expect(result.content.records.touchpoints[0]!.text).toHaveLength(TEXT_LIMITS.touchpointText);
    expect(result.content.records.journeys[0]!.framing.objective).toHaveLength(TEXT_LIMITS.framingField);
    expect(result.content.records.stages[0]!.name).toHaveLength(TEXT_LIMITS.laneName);
    expect(result.warnings).toEqual([
      { path: 'meta.title', kind: 'cutText', field: 'title', max: TEXT_LIMITS.boardTitle, length: 300 },
      {
        path: 'records.journeys[0].framing.objective',
        kind: 'cutText',
        field: 'framing.objective',
        max: TEXT_LIMITS.framingField,
        length: 5000,
      },
      { path: 'records.stages[0].name', kind: 'cutText', field: 'name', max: TEXT_LIMITS.laneName, length: 81 },
      { path: 'records.touchpoints[0].text', kind: 'cutText', field: 'text', max: TEXT_LIMITS.touchpointText, length: 62_000 },
    ]);
  });

  it('reports wrong types by what was expected', () => {
    const file = valid() as unknown as { records: Record<string, unknown> };
    file.records.touchpoints = 'none';
    expect(issues(file)).toEqual([{ path: 'records.touchpoints', problem: 'wrongType', params: { expected: 'array' } }]);
  });

  it('rejects duplicate ids', () => {
    const file = valid();
    file.records.touchpoints.push({ ...file.records.touchpoints[0]! });
    expect(issues(file)).toEqual([{ path: 'records.touchpoints[1].id', problem: 'duplicateId', params: { id: 't' } }]);
  });

  it('drops records whose journey or stage is missing and clears dangling links, with warnings', () => {
    const file = valid();
    file.records.stages.push({ id: 'lost', journeyId: 'nowhere', name: 'Perdue', owner: '' });
    file.records.touchpoints.push({
      id: 't2',
      journeyId: 'j',
      stageId: 'gone',
      channelId: 'c',
      text: 'orpheline',
      evaluation: null,
      momentOfTruth: false,
    });
    file.records.kpis.push(kpi({ id: 'k', stageId: 'gone', name: 'NPS' }));
    file.records.actions.push({
      id: 'a',
      journeyId: 'other',
      title: 'Agir',
      owner: '',
      due: '',
      status: 'todo',
      impact: 2,
      effort: 2,
      placed: true,
      links: ['t', 'ghost'],
    });
    file.records.journeys[0]!.personaId = 'nobody';
    const result = readBoardFile(JSON.parse(JSON.stringify(file)));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings).toEqual([
      { path: 'records.journeys[0]', kind: 'clearedReference', field: 'personaId', ref: 'nobody' },
      { path: 'records.stages[1]', kind: 'droppedRecord', field: 'journeyId', ref: 'nowhere' },
      { path: 'records.touchpoints[1]', kind: 'unplacedTouchpoint', field: 'stageId', ref: 'gone' },
      { path: 'records.kpis[0]', kind: 'droppedRecord', field: 'stageId', ref: 'gone' },
      { path: 'records.actions[0]', kind: 'clearedReference', field: 'journeyId', ref: 'other' },
      { path: 'records.actions[0]', kind: 'clearedReference', field: 'links', ref: 'ghost' },
    ]);
    const r = result.content.records;
    expect(r.stages.map((s) => s.id)).toEqual(['s']);
    expect(r.touchpoints.map((t) => t.id)).toEqual(['t', 't2']);
    expect(r.kpis).toEqual([]);
    expect(r.actions[0]).toMatchObject({ journeyId: null, links: ['t'] });
    expect(r.journeys[0]!.personaId).toBeNull();
  });

  it('caps the number of issues listed for a hopeless file', () => {
    const file = valid();
    file.records.touchpoints = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}` }) as never);
    expect(issues(file).length).toBeLessThanOrEqual(200);
  });
});
