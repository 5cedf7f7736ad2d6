import type { Translate } from '../../../i18n';
import type { PosterModel } from '../../../model/poster';
import { PosterCard } from './PosterCard';
import { PosterEmotionRow } from './PosterEmotionRow';
import { Severity } from './PosterLegend';
import { PosterKpi } from '../../kpis/PosterKpi';

/** The channel × stage matrix with the rows around it, as one CSS grid: cells grow with their cards. */
export function PosterMatrix({ model, t }: { model: PosterModel; t: Translate }) {
  const { stages, channels, rows } = model;
  return (
    <div className="p-grid" style={{ gridTemplateColumns: `var(--p-label-width) repeat(${Math.max(stages.length, 1)}, minmax(0, 1fr))` }}>
      <div className="p-corner">{t('poster.corner')}</div>
      {stages.map((s, i) => (
        <div key={s.id} className="p-stage">
          <span className="p-stage__index">{i + 1}</span>
          <span className="p-stage__name">{s.name}</span>
          {s.owner && <span className="p-stage__owner">{t('poster.owner', { owner: s.owner })}</span>}
        </div>
      ))}
      {rows.emotions && <PosterEmotionRow stages={stages} t={t} />}
      {channels.map((c) => (
        <Row key={c.id} label={c.name} sub={c.owner ? t('poster.owner', { owner: c.owner }) : ''} kind="channel">
          {c.cells.map((cards, i) => (
            <div key={stages[i]?.id ?? i} className="p-cell">
              {cards.map((card) => (
                <PosterCard key={card.id} touchpoint={card} t={t} />
              ))}
            </div>
          ))}
        </Row>
      ))}
      {rows.painPoints && (
        <Row label={t('poster.row.painPoints')} kind="pain">
          {stages.map((s) => (
            <div key={s.id} className="p-cell p-cell--pain">
              {s.painPoints.map((p) => (
                <div key={p.id} className={`p-pain p-pain--${p.severity}`}>
                  <span className="p-pain__sev">
                    <Severity level={p.severity} /> {t(`poster.severity.${p.severity}`)}
                  </span>
                  <span className="p-pain__text">{p.text}</span>
                </div>
              ))}
            </div>
          ))}
        </Row>
      )}
      {rows.extra.map((row) => (
        <Row key={row} label={t(`poster.row.${row}`)} kind={`extra p-row--${row}`}>
          {stages.map((s) => (
            <div key={s.id} className="p-cell p-cell--extra">
              {s.extra[row].map((card) => (
                <p key={card.id} className="p-note">
                  {card.text}
                </p>
              ))}
            </div>
          ))}
        </Row>
      ))}
      {rows.kpis && (
        <Row label={t('poster.row.kpis')} kind="kpi">
          {stages.map((s) => (
            <div key={s.id} className="p-cell p-cell--kpi">
              {s.kpis.map((k) => (
                <PosterKpi key={k.id} kpi={k} t={t} />
              ))}
            </div>
          ))}
        </Row>
      )}
    </div>
  );
}

function Row({ label, sub = '', kind, children }: { label: string; sub?: string; kind: string; children: React.ReactNode }) {
  return (
    <>
      <div className={`p-rowlabel p-row--${kind}`}>
        <span>{label}</span>
        {sub && <span className="p-rowlabel__sub">{sub}</span>}
      </div>
      {children}
    </>
  );
}
