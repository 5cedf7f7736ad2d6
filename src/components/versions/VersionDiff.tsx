import type { Translate } from '../../i18n';
import { useT } from '../../hooks/useT';
import { isEmptyDiff, type KindDiff } from '../../model/boardDiff';
import { RECORD_KINDS, type RecordKind } from '../../model/records';
import { clip, describeField } from './diffText';
import { VersionKpis, type KpiValues } from './VersionKpis';

/** Records listed by name per kind and per kind of change before « … and N more ». */
const SHOWN = 8;

const names = (list: string[], t: Translate) =>
  list.slice(0, SHOWN).join(', ') + (list.length > SHOWN ? ` ${t.plural('versions.more', list.length - SHOWN)}` : '');

/**
 * What changed since a version, record type by record type: added and removed records by name,
 * changed ones field by field. Given the KPI values, the KPIs get their own section, values
 * included (a KPI can move while the document stays the same).
 */
export function VersionDiff({ diff, name, kpis }: { diff: Record<RecordKind, KindDiff>; name: string; kpis?: KpiValues }) {
  const t = useT();
  const kpisMoved = kpis !== undefined && (kpis.status !== 'ready' || kpis.comparison.moved.length > 0);
  if (isEmptyDiff(diff) && !kpisMoved) return <p className="muted">{t('versions.noDiff')}</p>;
  const kinds = RECORD_KINDS.filter(
    (k) => !(kpis && k === 'kpis') && diff[k].added.length + diff[k].removed.length + diff[k].changed.length > 0,
  );
  return (
    <div className="version-diff" role="region" aria-label={t('versions.diffTitle', { name })}>
      <h3>{t('versions.diffTitle', { name })}</h3>
      <ul>
        {kinds.map((k) => {
          const { added, removed, changed } = diff[k];
          return (
            <li key={k}>
              <strong>{t(`versions.kind.${k}`)}</strong> :{' '}
              {[
                added.length ? `${t.plural('versions.added', added.length)} (${names(added, t)})` : '',
                removed.length ? `${t.plural('versions.removed', removed.length)} (${names(removed, t)})` : '',
                changed.length ? t.plural('versions.changed', changed.length) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
              {changed.length > 0 && (
                <ul className="version-diff__changes">
                  {changed.slice(0, SHOWN).map((c) => (
                    <li key={c.id}>
                      <span className="version-diff__record">{t('versions.changedRecord', { label: clip(c.label) })}</span>
                      <ul className="version-diff__fields">
                        {c.fields.map((f) => (
                          <li key={f.field}>{describeField(f, t)}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                  {changed.length > SHOWN && <li className="muted">{t.plural('versions.more', changed.length - SHOWN)}</li>}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {kpis && <VersionKpis values={kpis} changed={diff.kpis.changed} />}
    </div>
  );
}
