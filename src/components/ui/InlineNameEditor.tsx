import { useEffect, useRef, useState } from 'react';
import { clearDraft, saveDraft, type DraftTarget } from '../../sync/drafts';

export interface InlineNameEditorProps {
  value: string;
  label: string;
  className?: string;
  /** The longest name of its kind (src/model/limits.ts). */
  maxLength: number;
  onCommit(value: string): void;
  onCancel(): void;
  /** Keeps what is typed in this browser until it is written, so a reload in the middle loses nothing. */
  keepDraft?: { boardId: string; target: DraftTarget };
}

/** A one-line text field that commits on Enter or blur and cancels on Escape. */
export function InlineNameEditor({ value, label, className, maxLength, onCommit, onCancel, keepDraft }: InlineNameEditorProps) {
  const [draft, setDraft] = useState(value);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  // What had the focus before (the rename button): Enter or Esc give it back.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (keepDraft) clearDraft(keepDraft.boardId, keepDraft.target);
    if (commit && draft.trim() && draft.trim() !== value) onCommit(draft.trim());
    else onCancel();
  };
  return (
    <input
      ref={input}
      className={`inline-editor nodrag ${className ?? ''}`}
      aria-label={label}
      value={draft}
      maxLength={maxLength}
      onChange={(e) => {
        setDraft(e.target.value);
        if (keepDraft) saveDraft(keepDraft.boardId, keepDraft.target, e.target.value, value);
      }}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key !== 'Enter' && e.key !== 'Escape') return;
        // The key is spent here: it must not go on to press the button the focus returns to.
        e.preventDefault();
        const back =
          opener.current instanceof HTMLElement && opener.current !== document.body
            ? opener.current
            : e.currentTarget.closest<HTMLElement>('.react-flow__node');
        finish(e.key === 'Enter');
        if (back?.isConnected) back.focus({ preventScroll: true });
      }}
    />
  );
}
