import { useT } from '../../hooks/useT';
import type { Translate } from '../../i18n';
import type { RecordChange } from '../../model/boardDiff';
import type { ComparedKpi, KpiComparison } from '../../model/compareKpis';
import { parseNumber } from '../../model/kpi';
import type { MetricPoint } from '../../model/metrics';
import { kpiValueText } from '../kpis/kpiText';
import { clip, describeField } from './diffText';

/** The KPI values of a comparison: being read, unreadable (the definitions alone are compared), or read. */
export type KpiValues =
  { status: 'loading' } | { status: 'failed'; comparison: KpiComparison } | { status: 'ready'; comparison: KpiComparison };

const ARROW = { better: '↗', worse: '↘', flat: '→' } as const;

const where = (t: Translate, k: ComparedKpi) => (k.stageName ? t('versions.kpis.where', { name: k.name, stage: k.stageName }) : k.name);
const value = (t: Translate, k: ComparedKpi, p: MetricPoint | null) => (p ? kpiValueText(t, p.value, k.unit) : t('kpi.noValue'));

/** The target as written, with the unit when it is a number. */
function targetText(t: Translate, k: ComparedKpi): string {
  const n = parseNumber(k.target);
  return n === null ? t('kpi.status.unknown') : t('kpi.target', { target: kpiValueText(t, n, k.unit) });
}

/**
 * The « Indicateurs » section of a comparison: each KPI whose latest value changed (then → now,
 * with its target), the KPIs added and removed, and the KPI definitions edited.
 */
export function VersionKpis({ values, changed }: { values: KpiValues; changed: readonly RecordChange[] }) {
  const t = useT();
  const c = values.status === 'loading' ? null : values.comparison;
  const nothing = c !== null && c.moved.length + c.added.length + c.removed.length + changed.length === 0;
  return (
    <section className="version-kpis" aria-label={t('versions.kpis.title')}>
      <h4>{t('versions.kpis.title')}</h4>
      {values.status === 'loading' && <p className="muted">{t('versions.kpis.loading')}</p>}
      {values.status === 'failed' && (
        <p className="muted" role="status">
          {t('versions.kpis.failed')}
        </p>
      )}
      {nothing && values.status === 'ready' && <p className="muted">{t('versions.kpis.unchanged')}</p>}
      {c && !nothing && (
        <ul>
          {c.moved.map((k) => (
            <li key={k.id}>
              {where(t, k)} : {value(t, k, k.then)}{' '}
              <span className={`version-kpis__arrow version-kpis__arrow--${k.trend ?? 'none'}`} aria-hidden="true">
                {k.trend ? ARROW[k.trend] : '→'}
              </span>{' '}
              {value(t, k, k.now)}
              {k.trend && `, ${t(`kpi.trend.${k.trend}`)}`} · {targetText(t, k)}
            </li>
          ))}
          {c.added.map((k) => (
            <li key={k.id}>
              {where(t, k)} : {t('versions.kpis.added')}
              {values.status === 'ready' && ` · ${value(t, k, k.now)}`} · {targetText(t, k)}
            </li>
          ))}
          {c.removed.map((k) => (
            <li key={k.id}>
              {where(t, k)} : {t('versions.kpis.removed')}
              {values.status === 'ready' && ` · ${value(t, k, k.then)}`}
            </li>
          ))}
          {changed.map((r) => (
            <li key={r.id}>
              <span className="version-diff__record">{t('versions.changedRecord', { label: clip(r.label) })}</span>
              <ul className="version-diff__fields">
                {r.fields.map((f) => (
                  <li key={f.field}>{describeField(f, t)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
