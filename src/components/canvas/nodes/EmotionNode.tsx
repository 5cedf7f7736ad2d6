import { memo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { NodeProps } from '@xyflow/react';
import { setEmotionScore, setEmotionWords } from '../../../doc/commands';
import type { EmotionFlowNode } from '../../../canvas/bandNodes';
import { useBoardSession } from '../../../hooks/useBoardSession';
import { useCapabilities } from '../../../hooks/useCapabilities';
import { useT } from '../../../hooks/useT';
import { LAYOUT } from '../../../model/layout';
import { TEXT_LIMITS } from '../../../model/limits';
import { EMOTION_MAX, EMOTION_MIN } from '../../../model/types';
import { EMOTION_CURVE, scoreToY, smoothPath, yToScore } from '../../journey/emotionScale';

/**
 * The emotion curve of a journey: one draggable point per stage, from -2 to +2, and words.
 * For someone who may not edit, the points are read-only sliders and the words plain text.
 */
export const EmotionNode = memo(function EmotionNode({ data }: NodeProps<EmotionFlowNode>) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const svg = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<{ index: number; score: number } | null>(null);
  const width = data.stages.length * LAYOUT.stageWidth;
  const x = (i: number) => i * LAYOUT.stageWidth + LAYOUT.stageWidth / 2;
  const scores = data.scores.map((s, i) => (dragging?.index === i ? dragging.score : s));
  const points = scores.flatMap((s, i) => (s === null ? [] : [{ x: x(i), y: scoreToY(s) }]));
  const compared = (data.compareScores ?? []).flatMap((s, i) => (s === null ? [] : [{ x: x(i), y: scoreToY(s) }]));

  const scoreAt = (e: ReactPointerEvent) => {
    const ctm = svg.current?.getScreenCTM();
    if (!ctm) return 0;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return yToScore(p.y);
  };
  const commit = (index: number, score: number) => {
    const stage = data.stages[index];
    if (stage) setEmotionScore(doc, data.journeyId, stage.id, score);
  };
  const label = (s: number | null) =>
    s === null ? t('emotion.unset') : `${s > 0 ? '+' : ''}${s} (${t(`emotion.scale.${s}` as 'emotion.scale.0')})`;

  return (
    <div className="emotions">
      <svg
        ref={svg}
        className="emotions__chart nodrag nopan"
        width={width}
        height={EMOTION_CURVE.height}
        viewBox={`0 0 ${width} ${EMOTION_CURVE.height}`}
        role="group"
        aria-label={t('band.emotions')}
      >
        {[2, 1, 0, -1, -2].map((level) => (
          <line
            key={level}
            x1={0}
            x2={width}
            y1={scoreToY(level)}
            y2={scoreToY(level)}
            className={level === 0 ? 'emotions__zero' : 'emotions__grid'}
          />
        ))}
        {compared.length > 1 && (
          <path d={smoothPath(compared)} className="emotions__curve emotions__curve--compared" aria-label={t('emotion.compared')} />
        )}
        {points.length > 1 && <path d={smoothPath(points)} className="emotions__curve" />}
        {scores.map((s, i) => (
          <circle
            key={data.stages[i]?.id ?? i}
            cx={x(i)}
            cy={scoreToY(s ?? 0)}
            r={9}
            className={`emotions__point${s === null ? ' emotions__point--unset' : ''}`}
            tabIndex={0}
            role="slider"
            aria-label={t('emotion.point', { stage: data.stages[i]?.name ?? '', score: label(s) })}
            aria-valuemin={EMOTION_MIN}
            aria-valuemax={EMOTION_MAX}
            aria-valuenow={s ?? 0}
            aria-valuetext={label(s)}
            aria-readonly={canEdit ? undefined : true}
            {...(canEdit && {
              onPointerDown: (e: ReactPointerEvent<SVGCircleElement>) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                setDragging({ index: i, score: scoreAt(e) });
              },
              onPointerMove: (e: ReactPointerEvent<SVGCircleElement>) =>
                dragging?.index === i && setDragging({ index: i, score: scoreAt(e) }),
              onPointerUp: (e: ReactPointerEvent<SVGCircleElement>) => {
                if (dragging?.index === i) commit(i, scoreAt(e));
                setDragging(null);
              },
              onKeyDown: (e: ReactKeyboardEvent<SVGCircleElement>) => {
                const delta = e.key === 'ArrowUp' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowDown' || e.key === 'ArrowLeft' ? -1 : 0;
                if (!delta) return;
                e.preventDefault();
                e.stopPropagation();
                commit(i, Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, (s ?? 0) + delta)));
              },
            })}
          />
        ))}
      </svg>
      <div className="emotions__words">
        {data.stages.map((stage, i) =>
          canEdit ? (
            <EmotionWords
              key={stage.id}
              value={data.words[i] ?? ''}
              label={t('emotion.words', { stage: stage.name })}
              placeholder={t('emotion.wordsPlaceholder')}
              onCommit={(v) => setEmotionWords(doc, data.journeyId, stage.id, v)}
            />
          ) : (
            <p key={stage.id} className="emotions__word emotions__word--readonly" title={t('emotion.words', { stage: stage.name })}>
              <span className="visually-hidden">{t('emotion.words', { stage: stage.name })} : </span>
              {data.words[i] ?? ''}
            </p>
          ),
        )}
      </div>
    </div>
  );
});

function EmotionWords({
  value,
  label,
  placeholder,
  onCommit,
}: {
  value: string;
  label: string;
  placeholder: string;
  onCommit(v: string): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className="emotions__word nodrag"
      aria-label={label}
      placeholder={placeholder}
      value={draft ?? value}
      maxLength={TEXT_LIMITS.emotionWords}
      onFocus={() => setDraft(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft !== null && draft !== value) onCommit(draft);
        setDraft(null);
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(null);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
