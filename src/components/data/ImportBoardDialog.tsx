import { useState } from 'react';
import { navigate } from '../../sync/route';
import { useT } from '../../hooks/useT';
import { recordCounts, type FileReadResult } from '../../model/fileFormat';
import { MAX_ISSUES, readBoardFileText } from '../../model/fileReader';
import { MAX_FILE_BYTES } from '../../model/limits';
import { createBoard, storedAccess } from '../../sync/access';
import { publishBoard } from '../../sync/publishBoard';
import { importSeries } from '../../sync/metricsFileImport';
import { relayUrl } from '../../sync/connection';
import { FileIssueList, FileWarningList } from './FileIssueList';
import { Modal } from '../ui/Modal';
import { relayErrorText } from '../ui/relayErrorText';
import '../ui/forms.css';
import './data.css';

/** Reads a file chosen by the person, refusing it before reading when it is over the cap. */
export async function readChosenFile(file: File, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes) return null;
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file, 'utf-8');
  });
}

/** Imports a board file as a NEW board: validates, previews, then creates and opens it. */
export function ImportBoardDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [result, setResult] = useState<FileReadResult | null>(null);
  const [state, setState] = useState<{ phase: 'idle' | 'creating' } | { phase: 'failed'; message: string }>({ phase: 'idle' });
  const choose = async (file: File | undefined) => {
    setState({ phase: 'idle' });
    if (!file) return setResult(null);
    const text = await readChosenFile(file, MAX_FILE_BYTES);
    setResult(text === null ? { ok: false, issues: [{ path: file.name, problem: 'tooBig', params: { max: MAX_FILE_BYTES } }] } : readBoardFileText(text));
  };
  const create = async () => {
    if (!result?.ok) return;
    setState({ phase: 'creating' });
    try {
      // Created like any new board: by the relay, which makes this browser its facilitator.
      const boardId = await createBoard();
      const token = storedAccess(boardId)?.token;
      await publishBoard(result.content, relayUrl(window.location), boardId, token ? { token } : {});
      await importSeries(boardId, token ?? null, result.content.metrics);
      onClose();
      navigate(`/b/${boardId}`);
    } catch (error) {
      // A relay that accepted the new board but never confirmed holding all of it has timed out.
      const timedOut = error instanceof Error && error.message === 'timeout';
      setState({ phase: 'failed', message: timedOut ? t('importBoard.failed', { reason: t('importBoard.unreachable') }) : relayErrorText(t, error, 'importBoard.failed') });
    }
  };
  const counts = result?.ok ? recordCounts(result.content.records) : null;
  const cutTexts = result?.ok ? result.warnings.filter((w) => w.kind === 'cutText').length : 0;
  const others = counts ? Object.entries(counts).filter(([k]) => !['journeys', 'stages', 'channels', 'touchpoints'].includes(k)).reduce((sum, [, n]) => sum + n, 0) : 0;
  return (
    <Modal title={t('importBoard.title')} onClose={state.phase === 'creating' ? undefined : onClose}>
      <div className="import-body">
        <p className="muted">{t('importBoard.note')}</p>
        <p className="muted">{t('importBoard.versions')}</p>
        <label className="form-field">
          <span>{t('importBoard.choose')}</span>
          <input type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        {result && !result.ok && (
          <>
            <p role="alert" className="error">
              {t.plural('importBoard.invalid', result.issues.length)}
            </p>
            <FileIssueList issues={result.issues} more={result.issues.length >= MAX_ISSUES} />
          </>
        )}
        {result?.ok && counts && (
          <>
            <p className="import-summary" role="status">
              {t('importBoard.summary', {
                title: result.content.meta.title,
                contents: t.list([
                  t.plural('count.journeys', counts.journeys),
                  t.plural('count.stages', counts.stages),
                  t.plural('count.channels', counts.channels),
                  t.plural('count.touchpoints', counts.touchpoints),
                  ...(others > 0 ? [t.plural('count.others', others)] : []),
                ]),
              })}
            </p>
            {cutTexts > 0 && <p>{t.plural('importBoard.cutTexts', cutTexts)}</p>}
            {result.metricsOmitted && counts.kpis > 0 && (
              <p className="import-omitted" role="note">
                {t.plural('importBoard.metricsOmitted', counts.kpis)}
              </p>
            )}
            {result.warnings.length > 0 && <FileWarningList warnings={result.warnings} />}
          </>
        )}
        {state.phase === 'failed' && (
          <p role="alert" className="error">
            {state.message}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={state.phase === 'creating'}>
            {t('importBoard.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={!result?.ok || state.phase === 'creating'} onClick={() => void create()}>
            {state.phase === 'creating' ? t('importBoard.creating') : t('importBoard.create')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
