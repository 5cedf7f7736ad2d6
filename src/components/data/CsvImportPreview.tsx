import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import type { TouchpointImportPlan } from '../../model/touchpointCsv';
import { EVALUATION_STYLE } from '../canvas/evaluationStyle';

const PREVIEW_ROWS = 50;

/** The cards a CSV import would add, then the rows it refuses with their line numbers and reasons. */
export function CsvImportPreview({ plan }: { plan: TouchpointImportPlan }) {
  const t = useT();
  return (
    <>
      {plan.add.length > 0 && (
        <div className="import-preview">
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('csv.header.stage')}</th>
                <th>{t('csv.header.channel')}</th>
                <th>{t('csv.header.text')}</th>
                <th>{t('csv.header.evaluation')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.add.slice(0, PREVIEW_ROWS).map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.stageName}</td>
                  <td>{row.channelName}</td>
                  <td className="text">
                    {row.momentOfTruth ? '★ ' : ''}
                    {row.text}
                  </td>
                  <td>{row.evaluation ? `${EVALUATION_STYLE[row.evaluation].icon} ${t(EVALUATION_STYLE[row.evaluation].label)}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.add.length > PREVIEW_ROWS && <p className="muted">{t.plural('csv.more', plan.add.length - PREVIEW_ROWS)}</p>}
        </div>
      )}
      {plan.rejected.length > 0 && (
        <>
          <p className="error">{t('csv.rejected', { count: plan.rejected.length })}</p>
          <ul className="import-problems" aria-label={t('csv.rejected', { count: plan.rejected.length })}>
            {plan.rejected.slice(0, 200).map((r) => (
              <li key={r.line}>{t('csv.line', { line: r.line, reason: t(`csv.problem.${r.problem}` as MessageKey, { value: r.value ?? '' }) })}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
