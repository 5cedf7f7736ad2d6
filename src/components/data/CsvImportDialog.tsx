import { useMemo, useState } from 'react';
import { importTouchpoints, type ImportResult } from '../../doc/commands/importTouchpoints';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { ALL_CSV_LABELS } from '../../i18n/csvLabels';
import { useT } from '../../hooks/useT';
import type { Translate } from '../../i18n';
import { MAX_CSV_BYTES, TEXT_LIMITS } from '../../model/limits';
import { journeyMatrix } from '../../model/matrix';
import { planTouchpointImport, type TouchpointImportPlan } from '../../model/touchpointCsv';
import { textsCut } from '../../model/touchpointMatch';
import { CsvExistingCards } from './CsvExistingCards';
import { CsvImportPreview } from './CsvImportPreview';
import { readChosenFile } from './ImportBoardDialog';
import { Modal } from '../ui/Modal';
import { useUiStore } from '../../store';
import '../ui/forms.css';
import './data.css';

/** What the import button says: cards to add, cards to update, or both. */
function applyLabel(t: Translate, added: number, updated: number): string {
  const parts = [...(added > 0 || updated === 0 ? [t.plural('csv.apply', added)] : []), ...(updated > 0 ? [t.plural('csv.applyUpdate', updated)] : [])];
  return parts.join(' · ');
}

/** What the notice says once the import is applied, texts cut to a card's limit included. */
function appliedNotice(t: Translate, result: ImportResult, cut: number): string {
  const parts = [
    ...(result.created.length > 0 ? [t.plural('csv.added', result.created.length)] : []),
    ...(result.updated.length > 0 ? [t.plural('csv.updated', result.updated.length)] : []),
    ...(cut > 0 ? [t.plural('limits.cut', cut, { max: TEXT_LIMITS.touchpointText })] : []),
    t('data.undo'),
  ];
  return parts.join(' ');
}

/** The cards an import applies: the new ones, and the ones it updates when asked to. */
const appliedRows = (plan: TouchpointImportPlan, update: boolean) => [...plan.add, ...(update ? plan.update.map((u) => u.row) : [])];

/**
 * Imports touchpoints from a CSV into a journey: a preview of what will be added, which cards are
 * already there (updated or left as they are), what is cut to its limit and what is refused,
 * then one undoable step.
 */
export function CsvImportDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const setNotice = useUiStore((s) => s.setNotice);
  const [text, setText] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [createLanes, setCreateLanes] = useState(true);
  const [update, setUpdate] = useState(true);
  const journey = board.journeys.find((j) => j.id === journeyId);
  const plan = useMemo(() => {
    if (text === null) return null;
    const target = { ...journeyMatrix(board, journeyId), touchpoints: board.touchpoints.filter((c) => c.journeyId === journeyId) };
    return planTouchpointImport(text, target, ALL_CSV_LABELS, createLanes);
  }, [text, board, journeyId, createLanes]);
  const choose = async (file: File | undefined) => {
    setTooBig(false);
    setText(null);
    if (!file) return;
    const content = await readChosenFile(file, MAX_CSV_BYTES);
    if (content === null) setTooBig(true);
    else setText(content);
  };
  const updates = plan && update ? plan.update.length : 0;
  const applied = plan ? appliedRows(plan, update) : [];
  const cut = textsCut(applied);
  // Lanes only the skipped updates would need are not created.
  const newStages = plan?.newStages.filter((n) => applied.some((r) => r.stageId === null && r.stageName === n)) ?? [];
  const newChannels = plan?.newChannels.filter((n) => applied.some((r) => r.channelId === null && r.channelName === n)) ?? [];
  const apply = () => {
    if (!plan || plan.add.length + updates === 0) return;
    const result = importTouchpoints(doc, journeyId, plan, { updateExisting: update });
    setNotice({ tone: 'info', text: appliedNotice(t, result, cut) });
    onClose();
  };
  const fatal = plan?.fatal;
  return (
    <Modal title={t('csv.title')} onClose={onClose}>
      <div className="import-body">
        <p className="muted">{t('csv.into', { journey: journey?.name ?? '' })}</p>
        <label className="form-field">
          <span>{t('csv.choose')}</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        <label className="form-check">
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
            <CsvExistingCards plan={plan} update={update} onUpdateChange={setUpdate} />
            {cut > 0 && <p>{t.plural('csv.cutTexts', cut, { max: TEXT_LIMITS.touchpointText })}</p>}
            {plan.cutNames > 0 && <p>{t.plural('csv.cutNames', plan.cutNames, { max: TEXT_LIMITS.laneName })}</p>}
            {newStages.length > 0 && <p>{t('csv.newStages', { names: newStages.join(', ') })}</p>}
            {newChannels.length > 0 && <p>{t('csv.newChannels', { names: newChannels.join(', ') })}</p>}
            <CsvImportPreview plan={plan} />
          </>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('csv.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={!plan || !!fatal || plan.add.length + updates === 0} onClick={apply}>
            {applyLabel(t, plan?.add.length ?? 0, updates)}
          </button>
        </div>
      </div>
    </Modal>
  );
}
