import { useT } from '../../hooks/useT';
import type { ImportPreview, MetricsTable } from '../../model/metricsImport';

/** Rows shown of the file, and refused rows listed, before « and N more »: enough to see what is wrong. */
const SHOWN_ROWS = 5;
const SHOWN_REJECTED = 50;

const cellText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v));

/** The first rows of the file as read, then what the import would do and every refused row with its line. */
export function ImportPreviewList({ table, preview }: { table: MetricsTable; preview: ImportPreview }) {
  const t = useT();
  return (
    <>
      <div className="kpi-table-wrap">
        <table className="kpi-table">
          <caption>{t('kpi.import.preview')}</caption>
          <thead>
            <tr>
              {table.header.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, SHOWN_ROWS).map((row, r) => (
              <tr key={r}>
                {table.header.map((_, i) => (
                  <td key={i}>{cellText(row[i])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.missing.length > 0 ? (
        <p className="kpi-error" role="alert">
          {t('kpi.import.missing', {
            columns: t.list(preview.missing.map((c) => t(`kpi.import.column.${c}` as 'kpi.import.column.date'))),
          })}
        </p>
      ) : preview.values.length > 0 ? (
        <p className="kpi-notice" role="status">
          {t.plural('kpi.import.ready', preview.values.length)} {t.plural('kpi.import.kpis', preview.kpiCount)}
        </p>
      ) : (
        <p className="kpi-error" role="alert">
          {t('kpi.import.nothing')}
        </p>
      )}
      {preview.rejected.length > 0 && (
        <details className="kpi-import__rejected" open>
          <summary>{t.plural('kpi.import.rejected', preview.rejected.length)}</summary>
          <ul aria-label={t.plural('kpi.import.rejected', preview.rejected.length)}>
            {preview.rejected.slice(0, SHOWN_REJECTED).map((r) => (
              <li key={r.line}>{t('kpi.import.rejectedLine', { line: r.line, reason: t(`kpi.reject.${r.reason}`) })}</li>
            ))}
          </ul>
          {preview.rejected.length > SHOWN_REJECTED && <p>…</p>}
        </details>
      )}
    </>
  );
}
