import { forwardRef } from 'react';
import type { Translate } from '../../../i18n';
import type { PosterModel } from '../../../model/poster';
import posterCss from './poster.css?raw';
import { PosterActions } from './PosterActions';
import { PosterCard } from './PosterCard';
import { PosterHeader } from './PosterHeader';
import { PosterLegend } from './PosterLegend';
import { PosterMatrix } from './PosterMatrix';

export interface PosterProps {
  model: PosterModel;
  t: Translate;
  locale: string;
  transparent: boolean;
}

/**
 * The printed map: a designed page built from a PosterModel, independent of the live canvas.
 * Its stylesheet travels inside it, so the same markup renders offscreen and in the SVG image
 * the export rasterises.
 */
export const Poster = forwardRef<HTMLDivElement, PosterProps>(function Poster({ model, t, locale, transparent }, ref) {
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <div ref={ref} className={`poster${transparent ? ' poster--transparent' : ''}`} lang={locale}>
      <style>{posterCss}</style>
      <PosterHeader model={model} t={t} date={formatDate(model.date)} />
      {model.framing.length > 0 && (
        <section className="p-framing">
          <h2 className="p-section-title">{t('poster.framing')}</h2>
          <dl className="p-framing__grid">
            {model.framing.map((f) => (
              <div key={f.field}>
                <dt className="p-label">{t(`poster.framing.${f.field}`)}</dt>
                <dd>{f.text}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <PosterLegend t={t} severity={model.rows.painPoints} emotions={model.rows.emotions} />
      <PosterMatrix model={model} t={t} />
      {model.unplaced.length > 0 && (
        <section className="p-unplaced">
          <h2 className="p-section-title">{t('poster.unplaced', { count: model.unplaced.length })}</h2>
          <div className="p-unplaced__cards">
            {model.unplaced.map((card) => (
              <PosterCard key={card.id} touchpoint={card} t={t} />
            ))}
          </div>
        </section>
      )}
      {model.actions.length > 0 && <PosterActions actions={model.actions} t={t} formatDate={formatDate} />}
      <footer className="p-foot">
        {t('poster.footer')} · {formatDate(model.date)}
      </footer>
    </div>
  );
});
