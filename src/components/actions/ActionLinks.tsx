import { useId, useState } from 'react';
import { updateAction } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useT } from '../../hooks/useT';
import { normalizeWord } from '../../model/touchpointCsv';
import type { Action } from '../../model/types';
import { EVALUATION_STYLE } from '../canvas/evaluationStyle';
import { ActionKpiLinks } from '../kpis/ActionKpiLinks';

/** Above this many touchpoints, a filter box helps find one. */
const FILTER_FROM = 8;

/** Checklists of the pain points and touchpoints of a journey that an action addresses. */
export function ActionLinks({ action, journeyId }: { action: Action; journeyId: string | null }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const stageName = new Map(board.stages.map((s) => [s.id, s.name]));
  const channelName = new Map(board.channels.map((c) => [c.id, c.name]));
  const stageRank = new Map(board.stages.map((s, i) => [s.id, i]));
  const painPoints = board.painPoints
    .filter((p) => p.journeyId === journeyId)
    .sort((a, b) => (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0));
  const allTouchpoints = board.touchpoints
    .filter((tp) => tp.journeyId === journeyId && tp.text.trim())
    .sort((a, b) => (stageRank.get(a.stageId) ?? 0) - (stageRank.get(b.stageId) ?? 0));
  const wanted = normalizeWord(filter);
  const touchpoints = wanted
    ? allTouchpoints.filter((tp) =>
        normalizeWord(`${tp.text} ${stageName.get(tp.stageId) ?? ''} ${channelName.get(tp.channelId) ?? ''}`).includes(wanted),
      )
    : allTouchpoints;
  const linked = new Set(action.links);
  const toggle = (id: string, on: boolean) =>
    updateAction(doc, action.id, { links: on ? [...action.links, id] : action.links.filter((l) => l !== id) });

  if (!painPoints.length && !allTouchpoints.length) return <p className="panel-hint">{t('panel.actions.linksNone')}</p>;
  return (
    <div className="action-links">
      {painPoints.length > 0 && (
        <fieldset className="checklist">
          <legend className="commit-field__label">{t('panel.actions.linksPainPoints')}</legend>
          {painPoints.map((p) => (
            <label key={p.id} className="checklist__item">
              <input type="checkbox" checked={linked.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              <span>
                <span className="checklist__where">{stageName.get(p.stageId) ?? ''}</span> {p.text || t('panel.actions.untitled')}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {allTouchpoints.length > 0 && (
        <fieldset className="checklist">
          <legend className="commit-field__label">{t('panel.actions.linksTouchpoints')}</legend>
          {allTouchpoints.length > FILTER_FROM && (
            <>
              <label htmlFor={filterId} className="visually-hidden">
                {t('panel.actions.linksFilter')}
              </label>
              <input
                id={filterId}
                type="search"
                className="commit-field__control checklist__filter"
                placeholder={t('panel.actions.linksFilter')}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
            </>
          )}
          <div className="checklist__scroll">
            {touchpoints.map((tp) => {
              const style = EVALUATION_STYLE[tp.evaluation ?? 'none'];
              return (
                <label key={tp.id} className="checklist__item">
                  <input type="checkbox" checked={linked.has(tp.id)} onChange={(e) => toggle(tp.id, e.target.checked)} />
                  <span>
                    <span className="checklist__where">
                      {stageName.get(tp.stageId) ?? ''} · {channelName.get(tp.channelId) ?? ''}
                    </span>{' '}
                    {tp.text}{' '}
                    <span className={`checklist__eval checklist__eval--${tp.evaluation ?? 'none'}`} title={t(style.label)}>
                      <span aria-hidden="true">{style.icon}</span>
                      <span className="visually-hidden">{t(style.label)}</span>
                    </span>
                  </span>
                </label>
              );
            })}
            {touchpoints.length === 0 && <p className="panel-hint">{t('panel.actions.linksNoMatch')}</p>}
          </div>
        </fieldset>
      )}
      <ActionKpiLinks action={action} journeyId={journeyId} />
    </div>
  );
}
