/**
 * What an import repairs in a valid board file rather than refusing it, each repair reported as
 * a warning the import dialog lists before anything is created: texts longer than their limit
 * are cut, dangling references dropped or cleared, missing order keys filled in.
 */
import { RECORD_TEXT_FIELDS, TEXT_LIMITS, cutText, type TextKind } from './limits';
import { spreadKeys } from './order';
import { RECORD_KINDS, type RecordKind } from './records';
import type { BoardContent, BoardFile, FileRecord, FileWarning, ReferenceWarning } from './fileFormat';

/** Cuts every text of the file longer than its kind allows, in place, with one warning each. */
export function cutLongTexts(meta: BoardContent['meta'], file: BoardFile['records'], warnings: FileWarning[]): void {
  const cut = (path: string, field: string, text: string, kind: TextKind): string => {
    if (text.length <= TEXT_LIMITS[kind]) return text;
    warnings.push({ path, kind: 'cutText', field, max: TEXT_LIMITS[kind], length: text.length });
    return cutText(text, TEXT_LIMITS[kind]);
  };
  meta.title = cut('meta.title', 'title', meta.title, 'boardTitle');
  for (const kind of RECORD_KINDS) {
    const fields = Object.entries(RECORD_TEXT_FIELDS[kind]) as [string, TextKind][];
    (file[kind] as unknown as Record<string, unknown>[]).forEach((record, i) => {
      for (const [field, textKind] of fields) {
        const value = record[field];
        const path = `records.${kind}[${i}].${field}`;
        if (typeof value === 'string') record[field] = cut(path, field, value, textKind);
        else if (typeof value === 'object' && value !== null) {
          const parts = value as Record<string, unknown>;
          for (const [sub, v] of Object.entries(parts))
            if (typeof v === 'string') parts[sub] = cut(`${path}.${sub}`, `${field}.${sub}`, v, textKind);
        }
      }
    });
  }
}

/** Records of a file that belong to a journey and a stage of that journey. */
const STAGE_PARTS = ['kpis', 'emotions', 'painPoints', 'laneCards'] as const;

/** The content to write: references that point nowhere dropped or cleared (each with a warning), order keys filled in. */
export function resolveReferences(
  meta: BoardContent['meta'],
  file: BoardFile['records'],
): { content: BoardContent; warnings: FileWarning[] } {
  const warnings: FileWarning[] = [];
  const warn = (kind: RecordKind, i: number, w: Omit<ReferenceWarning, 'path'>) => warnings.push({ path: `records.${kind}[${i}]`, ...w });
  const journeyIds = new Set(file.journeys.map((j) => j.id));
  const personaIds = new Set(file.personas.map((p) => p.id));
  const keepInJourney = <K extends RecordKind>(kind: K) =>
    (file[kind] as (FileRecord<K> & { journeyId: string })[]).filter((r, i) => {
      if (journeyIds.has(r.journeyId)) return true;
      warn(kind, i, { kind: 'droppedRecord', field: 'journeyId', ref: r.journeyId });
      return false;
    });
  const journeys = file.journeys.map((j, i) => {
    if (j.personaId === null || personaIds.has(j.personaId)) return j;
    warn('journeys', i, { kind: 'clearedReference', field: 'personaId', ref: j.personaId });
    return { ...j, personaId: null };
  });
  const stages = keepInJourney('stages');
  const channels = keepInJourney('channels');
  const stageJourney = new Map(stages.map((s) => [s.id, s.journeyId]));
  const channelJourney = new Map(channels.map((c) => [c.id, c.journeyId]));
  const touchpoints = keepInJourney('touchpoints');
  file.touchpoints.forEach((t, i) => {
    if (!journeyIds.has(t.journeyId)) return;
    if (stageJourney.get(t.stageId) !== t.journeyId)
      warn('touchpoints', i, { kind: 'unplacedTouchpoint', field: 'stageId', ref: t.stageId });
    else if (channelJourney.get(t.channelId) !== t.journeyId)
      warn('touchpoints', i, { kind: 'unplacedTouchpoint', field: 'channelId', ref: t.channelId });
  });
  const parts = Object.fromEntries(
    STAGE_PARTS.map((kind) => {
      const kept = (file[kind] as { journeyId: string; stageId: string }[]).filter((r, i) => {
        if (!journeyIds.has(r.journeyId)) warn(kind, i, { kind: 'droppedRecord', field: 'journeyId', ref: r.journeyId });
        else if (stageJourney.get(r.stageId) !== r.journeyId) warn(kind, i, { kind: 'droppedRecord', field: 'stageId', ref: r.stageId });
        else return true;
        return false;
      });
      return [kind, kept];
    }),
  ) as Pick<BoardFile['records'], (typeof STAGE_PARTS)[number]>;
  const touchpointIds = new Set(touchpoints.map((t) => t.id));
  const painPoints = parts.painPoints.map((p) => {
    const i = file.painPoints.indexOf(p);
    const kept = p.touchpointIds.filter(
      (tid) => touchpointIds.has(tid) || (warn('painPoints', i, { kind: 'clearedReference', field: 'touchpointIds', ref: tid }), false),
    );
    return kept.length === p.touchpointIds.length ? p : { ...p, touchpointIds: kept };
  });
  // An action addresses pain points and touchpoints, and aims at KPIs.
  const linkable = new Set([...touchpointIds, ...painPoints.map((p) => p.id), ...parts.kpis.map((k) => k.id)]);
  const actions = file.actions.map((a, i) => {
    let next = a;
    if (a.journeyId !== null && !journeyIds.has(a.journeyId)) {
      warn('actions', i, { kind: 'clearedReference', field: 'journeyId', ref: a.journeyId });
      next = { ...next, journeyId: null };
    }
    const links = a.links.filter(
      (l) => linkable.has(l) || (warn('actions', i, { kind: 'clearedReference', field: 'links', ref: l }), false),
    );
    return links.length === a.links.length ? next : { ...next, links };
  });
  const records = {
    journeys,
    stages,
    channels,
    touchpoints,
    personas: file.personas,
    kpis: parts.kpis,
    emotions: parts.emotions,
    painPoints,
    laneCards: parts.laneCards,
    actions,
    views: keepInJourney('views'),
  } as BoardFile['records'];
  return { content: { meta, records: fillOrders(records) }, warnings };
}

/** Gives records without an order key one after the last key of their type, keeping file order. */
function fillOrders(records: BoardFile['records']): BoardContent['records'] {
  const out = {} as Record<RecordKind, unknown[]>;
  for (const kind of RECORD_KINDS) {
    const list = records[kind] as { order?: string }[];
    if (kind === 'emotions' || list.every((r) => r.order !== undefined)) {
      out[kind] = list;
      continue;
    }
    const last = list.reduce<string>((max, r) => (r.order !== undefined && r.order > max ? r.order : max), '');
    const keys = spreadKeys(list.filter((r) => r.order === undefined).length);
    let next = 0;
    out[kind] = list.map((r) => (r.order !== undefined ? r : { ...r, order: last + keys[next++] }));
  }
  return out as BoardContent['records'];
}
