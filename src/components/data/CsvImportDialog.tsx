import { useMemo, useState } from 'react';
import { importTouchpoints } from '../../doc/commands/importTouchpoints';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { ALL_CSV_LABELS } from '../../i18n/csvLabels';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { journeyMatrix } from '../../model/matrix';
import { MAX_CSV_BYTES, planTouchpointImport } from '../../model/touchpointCsv';
import { EVALUATION_STYLE } from '../canvas/evaluationStyle';
import { readChosenFile } from './ImportBoardDialog';
import { Modal } from '../ui/Modal';
import { useUiStore } from '../../store';
import '../export/export.css';

const PREVIEW_ROWS = 50;

/** Imports touchpoints from a CSV into a journey: a preview of what will be added and what is refused, then one undoable step. */
export function CsvImportDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const setNotice = useUiStore((s) => s.setNotice);
  const [text, setText] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [createLanes, setCreateLanes] = useState(true);
  const journey = board.journeys.find((j) => j.id === journeyId);
  const plan = useMemo(() => (text === null ? null : planTouchpointImport(text, journeyMatrix(board, journeyId), ALL_CSV_LABELS, createLanes)), [text, board, journeyId, createLanes]);
  const choose = async (file: File | undefined) => {
    setTooBig(false);
    setText(null);
    if (!file) return;
    const content = await readChosenFile(file, MAX_CSV_BYTES);
    if (content === null) setTooBig(true);
    else setText(content);
  };
  const apply = () => {
    if (!plan || plan.add.length === 0) return;
    const ids = importTouchpoints(doc, journeyId, plan);
    setNotice({ tone: 'info', text: t.plural('csv.applied', ids.length) });
    onClose();
  };
  const fatal = plan?.fatal;
  return (
    <Modal title={t('csv.title')} onClose={onClose}>
      <div className="import-body">
        <p className="muted">{t('csv.into', { journey: journey?.name ?? '' })}</p>
        <label className="export-field">
          <span>{t('csv.choose')}</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        <label className="export-check">
          <input type="checkbox" checked={createLanes} onChange={(e) => setCreateLanes(e.target.checked)} />
          {t('csv.createLanes')}
        </label>
        {tooBig && (
          <p role="alert" className="error">
            {t('csv.fatal.tooBig', { max: MAX_CSV_BYTES })}
          </p>
        )}
        {fatal && (
          <p role="alert" className="error">
            {t(`csv.fatal.${fatal.problem}`, fatal.problem === 'unterminatedQuote' ? { line: fatal.line } : fatal.problem === 'missingColumns' ? { columns: fatal.columns.map((c) => t(`csv.header.${c}`)).join(', ') } : {})}
          </p>
        )}
        {plan && !fatal && (
          <>
            <p className="import-summary" role="status">
              {t.plural('csv.willAdd', plan.add.length)}
            </p>
            {plan.newStages.length > 0 && <p>{t('csv.newStages', { names: plan.newStages.join(', ') })}</p>}
            {plan.newChannels.length > 0 && <p>{t('csv.newChannels', { names: plan.newChannels.join(', ') })}</p>}
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
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('csv.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={!plan || !!fatal || plan.add.length === 0} onClick={apply}>
            {t.plural('csv.apply', plan?.add.length ?? 0)}
          </button>
        </div>
      </div>
    </Modal>
  );
}
