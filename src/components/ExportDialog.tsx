import { useT } from '../hooks/useT';
import { useUiStore } from '../store';
import { Modal } from './Modal';

/** Progress of the PNG export, then its outcome. */
export function ExportDialog() {
  const t = useT();
  const progress = useUiStore((s) => s.exportProgress);
  const setProgress = useUiStore((s) => s.setExportProgress);
  if (!progress) return null;
  const size = { width: progress.width ?? 0, height: progress.height ?? 0 };
  const busy = progress.phase === 'preparing' || progress.phase === 'rendering' || progress.phase === 'saving';
  const step = { preparing: 1, rendering: 2, saving: 3, done: 3, failed: 3 }[progress.phase];
  const message = {
    preparing: t('export.preparing'),
    rendering: t('export.rendering', size),
    saving: t('export.saving'),
    done: `${t('export.done')} (${size.width} × ${size.height} px)`,
    failed: t('export.failed', { reason: progress.error ?? '' }),
  }[progress.phase];
  return (
    <Modal title={t('export.title')} onClose={busy ? undefined : () => setProgress(null)}>
      <p role="status" aria-live="polite">
        {message}
      </p>
      {busy && <progress className="export-progress" max={3} value={step} aria-label={t('export.title')} />}
      {!busy && (
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={() => setProgress(null)}>
            {t('export.close')}
          </button>
        </div>
      )}
    </Modal>
  );
}
