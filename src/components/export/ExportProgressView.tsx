import { useT } from '../../hooks/useT';
import { ProgressView } from '../ui/ProgressView';
import type { ExportProgress } from '../../store/exportSlice';

/** Where an export stands: a progress bar and Cancel while it runs, the outcome after. */
export function ExportProgressView({
  progress,
  onCancel,
  onClose,
  onBack,
}: {
  progress: ExportProgress;
  onCancel(): void;
  onClose(): void;
  onBack(): void;
}) {
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
  const detail =
    progress.phase === 'done' && progress.textPoints !== undefined ? (
      <p className="muted">{t('export.textSize', { points: progress.textPoints })}</p>
    ) : null;
  const labels = { progress: t('export.progress'), cancel: t('export.cancel'), again: t('export.again'), close: t('export.close') };
  return (
    <ProgressView
      message={message}
      detail={detail}
      busy={busy}
      value={value}
      max={strips}
      labels={labels}
      onCancel={onCancel}
      onBack={onBack}
      onClose={onClose}
    />
  );
}
