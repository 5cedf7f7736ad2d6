import { useEffect, useRef } from 'react';
import type { Evaluation, Touchpoint } from '../model/types';
import { EVALUATIONS } from '../model/types';
import { useT } from '../hooks/useT';
import { EVALUATION_STYLE } from './evaluationStyle';

export interface TouchpointCardProps {
  touchpoint: Touchpoint;
  selected: boolean;
  editing: boolean;
  onTextChange(text: string): void;
  onEvaluate(evaluation: Evaluation | null): void;
  onStartEditing(): void;
  onStopEditing(): void;
  onDelete(): void;
}

/** One touchpoint: its "Je …" text and its evaluation, shown by colour, symbol and word. */
export function TouchpointCard({ touchpoint, selected, editing, onTextChange, onEvaluate, onStartEditing, onStopEditing, onDelete }: TouchpointCardProps) {
  const t = useT();
  const style = EVALUATION_STYLE[touchpoint.evaluation ?? 'none'];
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing || !textarea.current) return;
    const el = textarea.current;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editing]);
  const evaluationLabel = t(style.label);
  return (
    <article
      className={`touchpoint touchpoint--${touchpoint.evaluation ?? 'none'}${selected ? ' touchpoint--selected' : ''}`}
      aria-label={`${t('touchpoint.label')} : ${touchpoint.text || t('touchpoint.placeholder')} — ${evaluationLabel}`}
      onDoubleClick={(e) => {
        e.stopPropagation();
        onStartEditing();
      }}
    >
      <div className="touchpoint__badge">
        <span className="touchpoint__icon" aria-hidden="true">
          {style.icon}
        </span>
        <span>{evaluationLabel}</span>
      </div>
      {editing ? (
        <textarea
          ref={textarea}
          className="touchpoint__editor nodrag nowheel"
          aria-label={t('touchpoint.textLabel')}
          placeholder={t('touchpoint.placeholder')}
          value={touchpoint.text}
          maxLength={500}
          onChange={(e) => onTextChange(e.target.value)}
          onBlur={onStopEditing}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
              e.preventDefault();
              onStopEditing();
            }
            e.stopPropagation();
          }}
        />
      ) : (
        <p className={`touchpoint__text${touchpoint.text ? '' : ' touchpoint__text--empty'}`} title={touchpoint.text}>
          {touchpoint.text || t('touchpoint.empty')}
        </p>
      )}
      {selected && !editing && (
        <div className="touchpoint__toolbar nodrag export-exclude" role="toolbar" aria-label={t('touchpoint.evaluation')}>
          {EVALUATIONS.map((ev) => (
            <button
              key={ev}
              type="button"
              className={`swatch swatch--${ev}`}
              aria-pressed={touchpoint.evaluation === ev}
              title={`${t(EVALUATION_STYLE[ev].label)} (${EVALUATION_STYLE[ev].shortcut})`}
              aria-label={t(EVALUATION_STYLE[ev].label)}
              onClick={() => onEvaluate(touchpoint.evaluation === ev ? null : ev)}
            >
              <span aria-hidden="true">{EVALUATION_STYLE[ev].icon}</span>
            </button>
          ))}
          <button type="button" className="icon-button" aria-label={t('touchpoint.edit')} title={t('touchpoint.edit')} onClick={onStartEditing}>
            ✎
          </button>
          <button type="button" className="icon-button icon-button--danger" aria-label={t('touchpoint.delete')} title={t('touchpoint.delete')} onClick={onDelete}>
            🗑
          </button>
        </div>
      )}
    </article>
  );
}
