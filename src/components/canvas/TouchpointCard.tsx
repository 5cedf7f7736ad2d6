import { useEffect, useRef, type ReactNode } from 'react';
import type { TouchpointChange } from '../../model/compare';
import { TEXT_LIMITS } from '../../model/limits';
import { speaksAsCustomer } from '../../model/text';
import type { Touchpoint } from '../../model/types';
import type { OfferedAction } from '../../hooks/useTouchpointActions';
import { useT } from '../../hooks/useT';
import { CardToolbar } from './CardToolbar';
import { EVALUATION_STYLE } from './evaluationStyle';
import { CardChange } from './CardChange';
import { touchpointName } from './touchpointName';

export interface TouchpointCardProps {
  touchpoint: Touchpoint;
  selected: boolean;
  editing: boolean;
  onTextChange(text: string): void;
  onStartEditing(): void;
  onStopEditing(): void;
  /** What this person may do to the card, shown above it while it is selected. */
  actions?: readonly OfferedAction[];
  /** In compare mode, what changed on this card. */
  change?: TouchpointChange | null;
  /** Extra controls shown on the card (comments, votes). */
  footer?: ReactNode;
  /** False for someone who may not edit: the card is shown, with nothing to change it. */
  canEdit?: boolean;
}

/** One touchpoint: its "Je …" text and its evaluation, shown by colour, symbol and word. */
export function TouchpointCard(props: TouchpointCardProps) {
  const { touchpoint, selected, onTextChange, onStartEditing, onStopEditing, actions = [], change, footer, canEdit = true } = props;
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
  const classes = [
    'touchpoint',
    `touchpoint--${touchpoint.evaluation ?? 'none'}`,
    selected ? 'touchpoint--selected' : '',
    touchpoint.momentOfTruth ? 'touchpoint--moment' : '',
    ...(change?.kinds.map((k) => `touchpoint--${k}`) ?? []),
  ].filter(Boolean);
  return (
    <article
      className={classes.join(' ')}
      aria-label={touchpointName(touchpoint, change ?? null, t)}
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
          maxLength={TEXT_LIMITS.touchpointText}
          onChange={(e) => onTextChange(e.target.value)}
          onBlur={onStopEditing}
          aria-describedby={offVoice ? `je-hint-${touchpoint.id}` : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
              e.preventDefault();
              // Back to the card itself, not to the top of the page, so the keyboard carries on from here.
              const card = e.currentTarget.closest<HTMLElement>('.react-flow__node');
              onStopEditing();
              card?.focus({ preventScroll: true });
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
      {change && !editing && <CardChange change={change} />}
      {footer}
      {selected && !editing && <CardToolbar actions={actions} />}
    </article>
  );
}
