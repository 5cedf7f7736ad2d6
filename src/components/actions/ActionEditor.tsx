import { useEffect, useId, useRef } from 'react';
import { deleteAction, updateAction, type ActionFields } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { placementOf } from '../../model/actions';
import type { Action, ActionStatus } from '../../model/types';
import { ACTION_STATUSES, SCORE_MAX, SCORE_MIN } from '../../model/types';
import { useUiStore } from '../../store';
import { ActionLinks } from './ActionLinks';
import { QUADRANT_STYLE, STATUS_LABEL } from './actionText';
import { TEXT_LIMITS } from '../../model/limits';
import { CommitField } from '../ui/CommitField';

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** The form of one action: every field writes to the board as soon as it is left or chosen. */
export function ActionEditor({ action, currentJourneyId, onClose }: { action: Action; currentJourneyId: string | null; onClose(): void }) {
  const t = useT();
  const { doc } = useBoardSession();
  const { journeys } = useBoard();
  const askConfirm = useUiStore((s) => s.askConfirm);
  const uid = useId();
  const box = useRef<HTMLElement>(null);
  // The card that opened the editor is gone: bring focus here, so the keyboard is not lost.
  useEffect(() => box.current?.focus(), []);
  const save = (patch: Partial<ActionFields>) => updateAction(doc, action.id, patch);
  const title = action.title || t('panel.actions.untitled');
  const placement = placementOf(action);
  const quadrant = QUADRANT_STYLE[placement];
  const score = (field: 'impact' | 'effort', label: MessageKey) => (
    <div className="commit-field panel-row__grow">
      <label htmlFor={`${uid}-${field}`} className="commit-field__label">
        {t(label)}
      </label>
      <select
        id={`${uid}-${field}`}
        className="commit-field__control"
        value={action.placed ? action[field] : ''}
        onChange={(e) => save({ [field]: Number(e.target.value) })}
      >
        {/* Not placed yet: no score is shown as chosen, and choosing one places the action. */}
        {!action.placed && (
          <option value="" disabled>
            {t('panel.actions.unplacedBadge')}
          </option>
        )}
        {SCORES.map((n) => (
          <option key={n} value={n}>
            {t(`panel.actions.score${n}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section ref={box} tabIndex={-1} className="action-editor" aria-label={t('panel.actions.edit', { title })}>
      <button type="button" className="button button--small" onClick={onClose}>
        <span aria-hidden="true">←</span> {t('panel.actions.back')}
      </button>
      <CommitField
        key={`title-${action.id}`}
        label={t('panel.actions.title')}
        value={action.title}
        maxLength={TEXT_LIMITS.actionTitle}
        multiline
        onCommit={(v) => v.trim() && save({ title: v.trim() })}
      />
      <CommitField
        label={t('panel.actions.owner')}
        value={action.owner}
        maxLength={TEXT_LIMITS.actionOwner}
        placeholder={t('panel.actions.ownerPlaceholder')}
        onCommit={(v) => save({ owner: v.trim() })}
      />
      <div className="panel-row">
        <div className="commit-field panel-row__grow">
          <label htmlFor={`${uid}-status`} className="commit-field__label">
            {t('panel.actions.status')}
          </label>
          <select
            id={`${uid}-status`}
            className="commit-field__control"
            value={action.status}
            onChange={(e) => save({ status: e.target.value as ActionStatus })}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </div>
        <CommitField
          className="panel-row__grow"
          label={t('panel.actions.due')}
          type="date"
          value={action.due}
          onCommit={(due) => save({ due })}
        />
      </div>
      <div className="panel-row">
        {score('impact', 'panel.actions.impact')}
        {score('effort', 'panel.actions.effort')}
      </div>
      <p className={`quadrant-badge quadrant-badge--${placement}`} role="status">
        <span aria-hidden="true">{quadrant.icon}</span> {t(quadrant.label)} — {t(quadrant.hint)}
      </p>
      <div className="commit-field">
        <label htmlFor={`${uid}-journey`} className="commit-field__label">
          {t('panel.actions.journey')}
        </label>
        <select
          id={`${uid}-journey`}
          className="commit-field__control"
          value={action.journeyId ?? ''}
          onChange={(e) => save({ journeyId: e.target.value || null })}
        >
          <option value="">{t('panel.actions.journeyNone')}</option>
          {journeys.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
      </div>
      <h3 className="panel-section__title">{t('panel.actions.links')}</h3>
      <ActionLinks action={action} journeyId={action.journeyId ?? currentJourneyId} />
      <div className="panel-actions panel-actions--split">
        <button
          type="button"
          className="button button--small button--danger-outline"
          onClick={() =>
            askConfirm({
              message: t('panel.actions.confirmDelete', { title }),
              onConfirm: () => {
                deleteAction(doc, action.id);
                onClose();
              },
            })
          }
        >
          {t('panel.actions.delete')}
        </button>
        <button type="button" className="button button--small button--primary" onClick={onClose}>
          {t('panel.actions.done')}
        </button>
      </div>
    </section>
  );
}
