/** Changed fields of a version comparison, in words. */
import type { MessageKey, Translate } from '../../i18n';
import type { DiffValue, FieldChange } from '../../model/boardDiff';

/** Fields with a label of their own; any other is shown by its name. */
const FIELD_LABELS = new Set([
  'text',
  'name',
  'title',
  'evaluation',
  'momentOfTruth',
  'example',
  'stageId',
  'channelId',
  'journeyId',
  'personaId',
  'owner',
  'kind',
  'extraRows',
  'framing.objective',
  'framing.perimeter',
  'framing.segment',
  'framing.horizon',
  'framing.stakeholders',
  'role',
  'description',
  'goals',
  'frustrations',
  'avatar',
  'current',
  'target',
  'unit',
  'score',
  'words',
  'severity',
  'touchpointIds',
  'row',
  'due',
  'status',
  'impact',
  'effort',
  'placed',
  'links',
  'sourceId',
]);

/** Fields whose values are words of the interface (an evaluation, a status), by the key prefix of those words. */
const VALUE_WORDS: Record<string, string> = {
  evaluation: 'evaluation.',
  status: 'poster.status.',
  severity: 'poster.severity.',
  kind: 'poster.kind.',
  row: 'poster.row.',
  extraRows: 'poster.row.',
};

export const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** A field's value as a person reads it: words for enumerations, quotes around text, « (vide) » for nothing. */
export function formatValue(field: string, value: DiffValue, t: Translate): string {
  const empty = t('versions.emptyValue');
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (typeof value === 'boolean') return t(value ? 'versions.yes' : 'versions.no');
  const words = VALUE_WORDS[field];
  const word = (v: string | number) => (words ? t(`${words}${v}` as MessageKey) : String(v));
  if (Array.isArray(value)) return value.map((v: string) => (words ? word(v) : t('compare.quoted', { text: clip(v) }))).join(', ');
  if (typeof value === 'number' || words) return word(value as string | number);
  return t('compare.quoted', { text: clip(value as string) });
}

/** One changed field: which one, and its value before → after (a move is just said). */
export function describeField(change: FieldChange, t: Translate): string {
  if (change.field === 'order') return t('versions.moved');
  const field = FIELD_LABELS.has(change.field) ? t(`versions.field.${change.field}` as MessageKey) : change.field;
  return t('versions.fieldChange', {
    field,
    before: formatValue(change.field, change.before, t),
    after: formatValue(change.field, change.after, t),
  });
}
