import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useT } from '../../hooks/useT';
import { parseNumber } from '../../model/kpi';
import type { MetricPoint } from '../../model/metrics';
import { dayText, kpiValueText } from './kpiText';

/** Rows shown before « Tout afficher »: a daily KPI has thousands. */
const FIRST_ROWS = 50;

export interface KpiValueTableProps {
  name: string;
  unit: string;
  series: readonly MetricPoint[];
  /** Absent: read-only. */
  onSave?: (date: string, value: number) => Promise<boolean>;
  onDelete?: (date: string) => void;
}

/** A KPI's values, newest first, each editable and deletable by a facilitator. */
export function KpiValueTable({ name, unit, series, onSave, onDelete }: KpiValueTableProps) {
  const t = useT();
  const [all, setAll] = useState(false);
  const [editing, setEditing] = useState<{ date: string; text: string; invalid: boolean } | null>(null);
  const newest = [...series].reverse();
  const shown = all ? newest : newest.slice(0, FIRST_ROWS);
  const save = async () => {
    if (!editing || !onSave) return;
    const value = parseNumber(editing.text);
    if (value === null) return setEditing({ ...editing, invalid: true });
    if (await onSave(editing.date, value)) setEditing(null);
  };
  return (
    <div className="kpi-table-wrap">
      <table className="kpi-table">
        <caption>{t('kpi.table', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpi.table.date')}</th>
            <th scope="col">{t('kpi.table.value')}</th>
            <th scope="col">{t('kpi.table.source')}</th>
            {onSave && <th scope="col">{t('kpi.table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => {
            const day = dayText(t.locale, p.date);
            const isEditing = editing?.date === p.date;
            return (
              <tr key={p.date}>
                <td>{day}</td>
                <td className="kpi-table__value">
                  {isEditing ? (
                    <input
                      aria-label={t('kpi.value.edit', { date: day })}
                      aria-invalid={editing.invalid || undefined}
                      value={editing.text}
                      autoFocus
                      onChange={(e) => setEditing({ date: p.date, text: e.target.value, invalid: false })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') void save();
                        if (e.key === 'Escape') {
                          e.stopPropagation();
                          setEditing(null);
                        }
                      }}
                    />
                  ) : (
                    kpiValueText(t, p.value, unit)
                  )}
                </td>
                <td>{t(`kpi.source.${p.source}`)}</td>
                {onSave && (
                  <td>
                    {isEditing ? (
                      <>
                        <button type="button" className="button button--small button--primary" onClick={() => void save()}>
                          {t('kpi.value.save')}
                        </button>{' '}
                        <button type="button" className="button button--small" onClick={() => setEditing(null)}>
                          {t('kpi.value.cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={t('kpi.value.edit', { date: day })}
                          title={t('kpi.value.edit', { date: day })}
                          onClick={() =>
                            setEditing({ date: p.date, text: String(p.value).replace('.', t.locale === 'fr' ? ',' : '.'), invalid: false })
                          }
                        >
                          ✎
                        </button>
                        <button
                          type="button"
                          className="icon-button icon-button--danger"
                          aria-label={t('kpi.value.delete', { date: day })}
                          title={t('kpi.value.delete', { date: day })}
                          onClick={() => onDelete?.(p.date)}
                        >
                          <Trash2 className="icon" size={15} aria-hidden="true" />
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing?.invalid && (
        <p className="kpi-error" role="alert">
          {t('kpi.add.invalidValue')}
        </p>
      )}
      {!all && newest.length > FIRST_ROWS && (
        <p className="kpi-notice">
          {t.plural('kpi.table.more', newest.length - FIRST_ROWS)}{' '}
          <button type="button" className="button button--small" onClick={() => setAll(true)}>
            {t('kpi.table.showAll')}
          </button>
        </p>
      )}
    </div>
  );
}
