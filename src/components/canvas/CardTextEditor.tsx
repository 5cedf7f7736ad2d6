import { useEffect, useRef, useState } from 'react';

export interface CardTextEditorProps {
  value: string;
  label: string;
  placeholder: string;
  /** Start in editing mode (a card just created). */
  autoEdit?: boolean;
  /** Only show the text: for someone who may not edit. */
  readOnly?: boolean;
  /** The longest text of its kind (src/model/limits.ts). */
  maxLength: number;
  onCommit(text: string): void;
}

/** A short text shown as a paragraph; double-click (or Enter on it) to edit, committed on blur or Enter. */
export function CardTextEditor({
  value,
  label,
  placeholder,
  autoEdit = false,
  readOnly = false,
  maxLength,
  onCommit,
}: CardTextEditorProps) {
  const [draft, setDraft] = useState<string | null>(autoEdit && !readOnly ? value : null);
  const area = useRef<HTMLTextAreaElement>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  // Left by Enter or Esc: the focus goes back to the text, not to the top of the page.
  const backToText = useRef(false);
  useEffect(() => {
    if (draft !== null) area.current?.focus();
    else if (backToText.current) shown.current?.focus();
    backToText.current = false;
  }, [draft !== null]); // eslint-disable-line react-hooks/exhaustive-deps
  if (readOnly) {
    return (
      <p className={`card-text${value ? '' : ' card-text--empty'}`} title={label}>
        {value || placeholder}
      </p>
    );
  }
  if (draft === null) {
    return (
      <p
        ref={shown}
        className={`card-text${value ? '' : ' card-text--empty'}`}
        tabIndex={0}
        role="button"
        aria-label={`${label} : ${value || placeholder}`}
        onDoubleClick={() => setDraft(value)}
        onKeyDown={(e) => {
          // Spent here, or the same Enter would also start the text with a new line.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          setDraft(value);
        }}
      >
        {value || placeholder}
      </p>
    );
  }
  const finish = (commit: boolean) => {
    if (commit && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <textarea
      ref={area}
      className="card-text__editor nodrag nowheel"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      maxLength={maxLength}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          backToText.current = true;
          finish(true);
        }
        if (e.key === 'Escape') {
          backToText.current = true;
          finish(false);
        }
      }}
    />
  );
}
