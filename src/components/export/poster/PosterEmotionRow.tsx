import type { Translate } from '../../../i18n';
import { emotionPoints, smoothPath, type PosterStage } from '../../../model/poster';

const VIEW_HEIGHT = 100;
/** Where the curve sits in the row, in CSS px (matches .p-emotion__svg in poster.css). */
const CURVE_TOP = 12;
const CURVE_HEIGHT = 132;

/** The emotion curve across the stages: a smooth line through each stage's score, with its words. */
export function PosterEmotionRow({ stages, t }: { stages: PosterStage[]; t: Translate }) {
  const points = emotionPoints(stages);
  const width = stages.length * 100;
  // The path is drawn in stage units stretched to the row; dots and words are HTML so they keep their shape.
  return (
    <>
      <div className="p-rowlabel p-rowlabel--emotion">
        <span>{t('poster.row.emotions')}</span>
        <span className="p-scale">
          <span>+2</span>
          <span>0</span>
          <span>−2</span>
        </span>
      </div>
      <div className="p-emotion" style={{ gridColumn: `2 / span ${stages.length}` }}>
        <svg className="p-emotion__svg" viewBox={`0 0 ${width} ${VIEW_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
          <line x1="0" x2={width} y1={VIEW_HEIGHT / 2} y2={VIEW_HEIGHT / 2} className="p-emotion__zero" vectorEffect="non-scaling-stroke" />
          <path d={smoothPath(points, stages.length, width, VIEW_HEIGHT)} className="p-emotion__line" vectorEffect="non-scaling-stroke" />
        </svg>
        {points.map((p) => {
          const stage = stages[p.index] as PosterStage;
          return (
            <div
              key={stage.id}
              className={`p-emotion__point p-emotion__point--${p.score > 0 ? 'up' : p.score < 0 ? 'down' : 'flat'}`}
              style={{ left: `${(p.x / stages.length) * 100}%`, top: `${CURVE_TOP + p.y * CURVE_HEIGHT}px` }}
            >
              <span className="p-emotion__dot">{p.score > 0 ? `+${p.score}` : p.score < 0 ? `−${-p.score}` : '0'}</span>
              {stage.emotion?.words && <span className="p-emotion__words">{stage.emotion.words}</span>}
            </div>
          );
        })}
      </div>
    </>
  );
}
