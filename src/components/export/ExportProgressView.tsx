import { useT } from '../../hooks/useT';
import type { ExportProgress } from '../../store/exportSlice';

/** Where an export stands: a progress bar and Cancel while it runs, the outcome after. */
export function ExportProgressView({ progress, onCancel, onClose, onBack }: { progress: ExportProgress; onCancel(): void; onClose(): void; onBack(): void }) {
  const t = useT();
  const busy = progress.phase === 'preparing' || progress.phase === 'rendering' || progress.phase === 'saving';
  const strips = progress.strips ?? 1;
  const value = progress.phase === 'preparing' ? 0 : progress.phase === 'rendering' ? (progress.strip ?? 1) - 1 : strips;
  const message = {
    preparing: t('export.preparing'),
    rendering: t('export.rendering', { strip: progress.strip ?? 1, strips, width: progress.width ?? 0, height: progress.height ?? 0 }),
    saving: t('export.saving'),
    done: t(progress.what === 'poster' ? 'export.done' : 'export.doneView', { file: progress.file ?? '' }),
    failed: t('export.failed', { reason: progress.error ?? '' }),
    cancelled: t('export.cancelled'),
  }[progress.phase];
  return (
    <div className="export-progress">
      <p role="status" aria-live="polite">
        {message}
      </p>
      {progress.phase === 'done' && progress.textPoints !== undefined && <p className="muted">{t('export.textSize', { points: progress.textPoints })}</p>}
      {busy && <progress max={strips} value={value} aria-label={t('export.progress')} />}
      <div className="modal__actions">
        {busy ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('export.cancel')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onBack}>
              {t('export.again')}
            </button>
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('export.close')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
