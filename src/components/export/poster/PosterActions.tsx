import type { Translate } from '../../../i18n';
import { QUADRANTS, type PosterAction } from '../../../model/poster';

/** Priority actions on the impact / effort quadrants, quick wins first. */
export function PosterActions({ actions, t, formatDate }: { actions: PosterAction[]; t: Translate; formatDate: (iso: string) => string }) {
  return (
    <section className="p-actions">
      <h2 className="p-section-title">{t('poster.actions')}</h2>
      <div className="p-actions__grid">
        {QUADRANTS.map((q) => (
          <div key={q} className={`p-quadrant p-quadrant--${q}`}>
            <h3 className="p-quadrant__title">{t(`poster.quadrant.${q}`)}</h3>
            {actions
              .filter((a) => a.quadrant === q)
              .map((a) => (
                <div key={a.id} className={`p-action p-action--${a.status}`}>
                  <p className="p-action__title">{a.title}</p>
                  <p className="p-action__meta">
                    <span className="p-action__status">{t(`poster.status.${a.status}`)}</span>
                    {a.owner && <span>{t('poster.action.owner', { owner: a.owner })}</span>}
                    {a.due && <span>{t('poster.action.due', { date: formatDate(a.due) })}</span>}
                    <span>{t('poster.action.scores', { impact: a.impact, effort: a.effort })}</span>
                  </p>
                </div>
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}
