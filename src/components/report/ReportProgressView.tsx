import type { ReportState } from '../../hooks/useReportExport';
import { useT } from '../../hooks/useT';

/** Where the report stands: a progress bar and Cancel while it is written, the outcome after. */
export function ReportProgressView({ state, onCancel, onClose, onBack }: { state: ReportState; onCancel(): void; onClose(): void; onBack(): void }) {
  const t = useT();
  const busy = state.phase === 'loading' || state.phase === 'writing';
  const message = {
    loading: t('report.loading'),
    writing: t('report.writing', { section: state.section }),
    done: t('report.done', { file: state.file ?? '', pages: t.plural('report.pages', state.pages ?? 0) }),
    failed: t('report.failed', { reason: state.error ?? '' }),
    cancelled: t('report.cancelled'),
  }[state.phase];
  return (
    <div className="report-progress">
      <p role="status" aria-live="polite">
        {message}
      </p>
      {busy && <progress max={state.steps} value={state.step} aria-label={t('report.progress')} />}
      <div className="modal__actions">
        {busy ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('report.cancel')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onBack}>
              {t('report.again')}
            </button>
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('report.close')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
