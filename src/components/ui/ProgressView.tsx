import type { ReactNode } from 'react';
import './progress.css';

export interface ProgressLabels {
  progress: string;
  cancel: string;
  again: string;
  close: string;
}

/**
 * Where a long job stands (an export, a report): its message, a progress bar and Cancel while
 * it runs; once over, « again » and « close ».
 */
export function ProgressView(props: {
  message: string;
  detail?: ReactNode;
  busy: boolean;
  value: number;
  max: number;
  labels: ProgressLabels;
  onCancel(): void;
  onBack(): void;
  onClose(): void;
}) {
  const { message, detail, busy, value, max, labels } = props;
  return (
    <div className="progress-view">
      <p role="status" aria-live="polite">
        {message}
      </p>
      {detail}
      {busy && <progress max={max} value={value} aria-label={labels.progress} />}
      <div className="modal__actions">
        {busy ? (
          <button type="button" className="button" onClick={props.onCancel}>
            {labels.cancel}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={props.onBack}>
              {labels.again}
            </button>
            <button type="button" className="button button--primary" onClick={props.onClose}>
              {labels.close}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
