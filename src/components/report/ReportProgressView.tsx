import type { ReportState } from '../../hooks/useReportExport';
import { useT } from '../../hooks/useT';
import { ProgressView } from '../ui/ProgressView';

/** Where the report stands: a progress bar and Cancel while it is written, the outcome after. */
export function ReportProgressView({
  state,
  onCancel,
  onClose,
  onBack,
}: {
  state: ReportState;
  onCancel(): void;
  onClose(): void;
  onBack(): void;
}) {
  const t = useT();
  const busy = state.phase === 'loading' || state.phase === 'writing';
  const message = {
    loading: t('report.loading'),
    writing: t('report.writing', { section: state.section }),
    done: t('report.done', { file: state.file ?? '', pages: t.plural('report.pages', state.pages ?? 0) }),
    failed: t('report.failed', { reason: state.error ?? '' }),
    cancelled: t('report.cancelled'),
  }[state.phase];
  const labels = { progress: t('report.progress'), cancel: t('report.cancel'), again: t('report.again'), close: t('report.close') };
  return (
    <ProgressView
      message={message}
      busy={busy}
      value={state.step}
      max={state.steps}
      labels={labels}
      onCancel={onCancel}
      onBack={onBack}
      onClose={onClose}
    />
  );
}
