import type { MessageKey, Translate } from '../../../i18n';
import type { Placement } from '../../../model/actions';
import { ACTION_GROUPS, type PosterAction } from '../../../model/poster';

const GROUP_TITLE: Record<Placement, MessageKey> = {
  quickWins: 'poster.quadrant.quickWin',
  strategic: 'poster.quadrant.strategic',
  ifTime: 'poster.quadrant.ifTime',
  avoid: 'poster.quadrant.avoid',
  unplaced: 'poster.quadrant.unplaced',
};

/** Priority actions on the impact / effort quadrants, quick wins first; those not placed yet apart, after them. */
export function PosterActions({ actions, t, formatDate }: { actions: PosterAction[]; t: Translate; formatDate: (iso: string) => string }) {
  const groups = ACTION_GROUPS.filter((g) => g !== 'unplaced' || actions.some((a) => a.quadrant === 'unplaced'));
  return (
    <section className="p-actions">
      <h2 className="p-section-title">{t('poster.actions')}</h2>
      <div className="p-actions__grid">
        {groups.map((q) => (
          <div key={q} className={`p-quadrant p-quadrant--${q}`}>
            <h3 className="p-quadrant__title">{t(GROUP_TITLE[q])}</h3>
            {actions
              .filter((a) => a.quadrant === q)
              .map((a) => (
                <div key={a.id} className={`p-action p-action--${a.status}`}>
                  <p className="p-action__title">{a.title}</p>
                  <p className="p-action__meta">
                    <span className="p-action__status">{t(`poster.status.${a.status}`)}</span>
                    {a.owner && <span>{t('poster.action.owner', { owner: a.owner })}</span>}
                    {a.due && <span>{t('poster.action.due', { date: formatDate(a.due) })}</span>}
                    {a.placed && <span>{t('poster.action.scores', { impact: a.impact, effort: a.effort })}</span>}
                  </p>
                </div>
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}
