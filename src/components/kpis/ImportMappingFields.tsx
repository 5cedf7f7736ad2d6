import { useId } from 'react';
import { useT } from '../../hooks/useT';
import type { ColumnMapping } from '../../model/metricsImport';
import type { MetricColumn } from '../../model/metricsFile';
import type { DayOrder } from '../../model/metricsRows';

const COLUMNS: MetricColumn[] = ['date', 'stage', 'kpi', 'value'];

/** Which column of the file holds each piece of data, and how its dates are written. */
export function ImportMappingFields({
  header,
  mapping,
  order,
  onMapping,
  onOrder,
}: {
  header: string[];
  mapping: ColumnMapping;
  order: DayOrder;
  onMapping(m: ColumnMapping): void;
  onOrder(o: DayOrder): void;
}) {
  const t = useT();
  const uid = useId();
  return (
    <fieldset className="kpi-import__mapping">
      <legend>{t('kpi.import.mapping')}</legend>
      {COLUMNS.map((c) => (
        <label key={c} htmlFor={`${uid}-${c}`}>
          {t(`kpi.import.column.${c}` as 'kpi.import.column.date')}
          <select
            id={`${uid}-${c}`}
            value={mapping[c] ?? ''}
            onChange={(e) => onMapping({ ...mapping, [c]: e.target.value === '' ? undefined : Number(e.target.value) })}
          >
            <option value="">{t('kpi.import.column.none')}</option>
            {header.map((h, i) => (
              <option key={i} value={i}>
                {h || `#${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label htmlFor={`${uid}-order`}>
        {t('kpi.import.order')}
        <select id={`${uid}-order`} value={order} onChange={(e) => onOrder(e.target.value as DayOrder)}>
          <option value="dmy">{t('kpi.import.order.dmy')}</option>
          <option value="mdy">{t('kpi.import.order.mdy')}</option>
        </select>
      </label>
    </fieldset>
  );
}
