/** Plain record factories for tests: every field present, overridable. */
import type { BoardSnapshot, Channel, Journey, Kpi, Stage, Touchpoint } from '../../src/model/types';

export const journey = (p: Partial<Journey> & Pick<Journey, 'id'>): Journey => ({
  name: p.id,
  kind: 'existing',
  order: '1',
  personaId: null,
  framing: { objective: '', perimeter: '', segment: '', horizon: '', stakeholders: '' },
  extraRows: [],
  ...p,
});

export const lane = <T extends Stage | Channel>(p: Partial<T> & Pick<T, 'id'>): T =>
  ({ journeyId: 'j', name: p.id, order: '1', owner: '', ...p }) as T;

export const touchpoint = (p: Partial<Touchpoint> & Pick<Touchpoint, 'id'>): Touchpoint => ({
  journeyId: 'j',
  stageId: 's',
  channelId: 'c',
  text: p.id,
  evaluation: null,
  order: '1',
  momentOfTruth: false,
  ...p,
});

export const kpi = (p: Partial<Kpi> & Pick<Kpi, 'id'>): Kpi => ({
  journeyId: 'j',
  stageId: 's',
  name: p.id,
  current: '',
  currentDate: '',
  target: '',
  unit: '',
  direction: 'up',
  refreshDays: 35,
  order: '1',
  ...p,
});

/** A board snapshot with empty record lists, to be filled by the test. */
export const board = (p: Partial<BoardSnapshot> = {}): BoardSnapshot => ({
  meta: { schemaVersion: 2, title: 'T', createdAt: 0 },
  journeys: [],
  stages: [],
  channels: [],
  touchpoints: [],
  personas: [],
  kpis: [],
  emotions: [],
  painPoints: [],
  laneCards: [],
  actions: [],
  views: [],
  ...p,
});
