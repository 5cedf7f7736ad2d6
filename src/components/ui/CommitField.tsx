import { useEffect, useId, useRef, useState } from 'react';
import { isDueDate } from '../../model/limits';
import { clearDraft, saveDraft, type DraftTarget } from '../../sync/drafts';

export interface CommitFieldProps {
  label: string;
  /** The value in the document; shown whenever the field is not being edited. */
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
  maxLength?: number;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
  autoFocus?: boolean;
  /** Keeps what is typed in this browser until it is written, so a reload in the middle loses nothing. */
  keepDraft?: { boardId: string; target: DraftTarget };
}

/**
 * A labelled field that writes to the document once, when the person leaves it (or presses
 * Enter in a one-line field), so one edit is one undo step. While it is not being edited it
 * shows the document's value, so other people's edits appear live.
 */
export function CommitField({
  label,
  value,
  onCommit,
  multiline,
  type = 'text',
  placeholder,
  maxLength,
  hideLabel,
  className,
  autoFocus,
  keepDraft,
}: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  // Only a field the person typed in is written: leaving an untouched field must not overwrite
  // what someone else wrote meanwhile.
  const pending = useRef<string | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const keepRef = useRef(keepDraft);
  keepRef.current = keepDraft;
  // The board's text when typing began: a draft is written back only over it.
  const base = useRef(value);
  const typed = (text: string) => {
    pending.current = text;
    setDraft(text);
    if (keepDraft) saveDraft(keepDraft.boardId, keepDraft.target, text, base.current);
  };
  const forgetDraft = () => {
    if (keepRef.current) clearDraft(keepRef.current.boardId, keepRef.current.target);
  };
  const commit = () => {
    const next = pending.current;
    pending.current = null;
    forgetDraft();
    setDraft(null);
    if (next !== null && next !== value) commitRef.current(next);
  };
  // A field removed while edited (panel closed, tab switched by keyboard) still saves.
  useEffect(
    () => () => {
      if (pending.current !== null) commitRef.current(pending.current);
      if (keepRef.current) clearDraft(keepRef.current.boardId, keepRef.current.target);
    },
    [],
  );
  const common = {
    id,
    className: `commit-field__control${multiline ? ' commit-field__control--multiline' : ''}`,
    value: draft ?? value,
    placeholder,
    maxLength,
    autoFocus,
    onFocus: () => {
      base.current = value;
      setDraft(value);
    },
    onBlur: commit,
  };
  return (
    <div className={`commit-field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'commit-field__label'}>
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={2}
          onChange={(e) => typed(e.target.value)}
          onKeyDown={(e) => {
            // The draft is not on the board yet: Ctrl+Z undoes typing here, not the last board edit.
            if ((e.ctrlKey || e.metaKey) && ['z', 'y'].includes(e.key.toLowerCase())) e.stopPropagation();
          }}
        />
      ) : type === 'date' ? (
        <input
          {...common}
          type="date"
          onFocus={undefined}
          onBlur={undefined}
          // A date picker gives whole dates: write each one at once.
          onChange={(e) => {
            if (e.target.value === '' || isDueDate(e.target.value)) commitRef.current(e.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => typed(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
    </div>
  );
}
