import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  title: string;
  children: ReactNode;
  onClose?: () => void;
  /** An alert dialog asks for a decision (confirmation); a plain one informs. */
  role?: 'dialog' | 'alertdialog';
}

/** A modal dialog: labelled, focus moved inside, Escape closes it, Tab stays inside. */
export function Modal({ title, children, onClose, role = 'dialog' }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useRef(`modal-${Math.random().toString(36).slice(2)}`).current;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus], input, button');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose?.()}>
      <div
        ref={box}
        className="modal"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose?.();
          if (e.key === 'Tab' && box.current) {
            const focusable = [...box.current.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')].filter(
              (el) => !el.hasAttribute('disabled'),
            );
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
