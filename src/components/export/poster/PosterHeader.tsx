import type { Translate } from '../../../i18n';
import type { PosterModel } from '../../../model/poster';

/** The title block: board title, journey and its kind, persona, date, version, key figures. */
export function PosterHeader({ model, t, date }: { model: PosterModel; t: Translate; date: string }) {
  const { counts, persona } = model;
  return (
    <header className="p-head">
      <div className="p-head__main">
        <p className="p-head__overline">{t('poster.overline')}</p>
        <h1 className="p-head__title">{model.title}</h1>
        <p className="p-head__journey">
          <span className={`p-kind p-kind--${model.journey.kind}`}>{t(`poster.kind.${model.journey.kind}`)}</span>
          <span>{model.journey.name}</span>
          {model.part && <span className="p-head__part">{t('poster.part', model.part)}</span>}
        </p>
      </div>
      {persona && (
        <div className="p-persona">
          <span className="p-persona__avatar">{persona.avatar || persona.name.slice(0, 2).toUpperCase()}</span>
          <div>
            <p className="p-label">{t('poster.persona')}</p>
            <p className="p-persona__name">{persona.name}</p>
            {persona.role && <p className="p-persona__role">{persona.role}</p>}
            {persona.goals && (
              <p className="p-persona__more">
                <strong>{t('poster.goals')} :</strong> {persona.goals}
              </p>
            )}
            {persona.frustrations && (
              <p className="p-persona__more">
                <strong>{t('poster.frustrations')} :</strong> {persona.frustrations}
              </p>
            )}
          </div>
        </div>
      )}
      <dl className="p-head__facts">
        <div>
          <dt>{t('poster.date')}</dt>
          <dd>{date}</dd>
        </div>
        {model.version && (
          <div>
            <dt>{t('poster.version')}</dt>
            <dd>{model.version}</dd>
          </div>
        )}
        <div className="p-head__figures">
          <span>
            <b>{t.number(counts.touchpoints)}</b> {t.plural('poster.summary.touchpoints', counts.touchpoints)}
          </span>
          {/* Red cards and written pain points are counted apart: « irritants » is what the Irritants row lists. */}
          <span>
            <b>{t.number(counts.pain)}</b> {t.plural('poster.summary.redCards', counts.pain)}
          </span>
          <span>
            <b>{t.number(counts.painPoints)}</b> {t.plural('poster.summary.pain', counts.painPoints)}
          </span>
          <span>
            <b>{t.number(counts.momentsOfTruth)}</b> {t.plural('poster.summary.momentsOfTruth', counts.momentsOfTruth)}
          </span>
        </div>
      </dl>
    </header>
  );
}
