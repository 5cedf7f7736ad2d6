import { useEffect, useRef, type ReactNode } from 'react';
import type { TouchpointChange } from '../../model/compare';
import { speaksAsCustomer } from '../../model/text';
import type { Evaluation, Touchpoint } from '../../model/types';
import { EVALUATIONS } from '../../model/types';
import { useT } from '../../hooks/useT';
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
  onToggleMoment?(): void;
  onMakePainPoint?(): void;
  onComment?(): void;
  /** In compare mode, what changed on this card. */
  change?: TouchpointChange | null;
  /** Extra controls shown on the card (comments, votes). */
  footer?: ReactNode;
  /** False for someone who may not edit: the card is shown, with nothing to change it. */
  canEdit?: boolean;
}

/** One touchpoint: its "Je …" text and its evaluation, shown by colour, symbol and word. */
export function TouchpointCard(props: TouchpointCardProps) {
  const { touchpoint, selected, onTextChange, onEvaluate, onStartEditing, onStopEditing, onDelete, onToggleMoment, onMakePainPoint, onComment, change, footer, canEdit = true } = props;
  const editing = props.editing && canEdit;
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
  const offVoice = !speaksAsCustomer(touchpoint.text);
  const extras = [touchpoint.momentOfTruth ? t('touchpoint.momentOfTruth') : '', change ? t(`compare.${change.kind}`) : ''].filter(Boolean);
  const classes = [
    'touchpoint',
    `touchpoint--${touchpoint.evaluation ?? 'none'}`,
    selected ? 'touchpoint--selected' : '',
    touchpoint.momentOfTruth ? 'touchpoint--moment' : '',
    change ? `touchpoint--${change.kind}` : '',
  ].filter(Boolean);
  return (
    <article
      className={classes.join(' ')}
      aria-label={`${t('touchpoint.label')} : ${touchpoint.text || t('touchpoint.placeholder')} — ${[evaluationLabel, ...extras].join(' — ')}`}
      onDoubleClick={(e) => {
        e.stopPropagation();
        if (canEdit) onStartEditing();
      }}
    >
      <div className="touchpoint__badge">
        <span className="touchpoint__icon" aria-hidden="true">
          {style.icon}
        </span>
        <span>{evaluationLabel}</span>
        {touchpoint.momentOfTruth && (
          <span className="touchpoint__moment" title={t('touchpoint.momentOfTruth')}>
            ★ <span className="visually-hidden">{t('touchpoint.momentOfTruth')}</span>
          </span>
        )}
        {touchpoint.example && <span className="touchpoint__example">{t('touchpoint.example')}</span>}
        {change && <span className={`change-badge change-badge--${change.kind}`}>{t(`compare.${change.kind}`)}</span>}
        {offVoice && (
          <span className="touchpoint__hint" title={t('touchpoint.jeHint')} aria-label={t('touchpoint.jeHint')} role="note">
            ✎?
          </span>
        )}
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
          aria-describedby={offVoice ? `je-hint-${touchpoint.id}` : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
              e.preventDefault();
              onStopEditing();
            }
            e.stopPropagation();
          }}
        />
      ) : null}
      {editing && offVoice && (
        <p id={`je-hint-${touchpoint.id}`} className="touchpoint__hint-line">
          {t('touchpoint.jeHint')}
        </p>
      )}
      {editing ? null : (
        <p className={`touchpoint__text${touchpoint.text ? '' : ' touchpoint__text--empty'}`} title={touchpoint.text}>
          {touchpoint.text || t('touchpoint.empty')}
        </p>
      )}
      {footer}
      {selected && !editing && !canEdit && onComment && (
        <div className="touchpoint__toolbar nodrag export-exclude" role="toolbar" aria-label={t('comments.title')}>
          <CommentButton label={t('comments.title')} onClick={onComment} />
        </div>
      )}
      {selected && !editing && canEdit && (
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
          {onToggleMoment && (
            <button type="button" className="icon-button" aria-pressed={touchpoint.momentOfTruth} aria-label={t('touchpoint.toggleMoment')} title={`${t('touchpoint.toggleMoment')} (M)`} onClick={onToggleMoment}>
              ★
            </button>
          )}
          {onMakePainPoint && touchpoint.evaluation === 'pain' && (
            <button type="button" className="icon-button" aria-label={t('pain.makeFromCard')} title={t('pain.makeFromCard')} onClick={onMakePainPoint}>
              ⚡
            </button>
          )}
          {onComment && <CommentButton label={t('comments.title')} onClick={onComment} />}
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

function CommentButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} onClick={onClick}>
      💬
    </button>
  );
}
