import { useT } from '../../hooks/useT';
import type { StageRange } from '../../model/poster';

/** Which stages the poster holds: all of them, or a run of them (a wide journey printed in parts). */
export function StageRangeFields({
  stages,
  range,
  onChange,
}: {
  stages: readonly string[];
  range: StageRange | null;
  onChange(range: StageRange | null): void;
}) {
  const t = useT();
  if (stages.length < 2) return null;
  const from = range?.from ?? 1;
  const to = range?.to ?? stages.length;
  const set = (next: StageRange) => onChange(next.from === 1 && next.to === stages.length ? null : next);
  const options = (min: number, max: number) =>
    stages.map((name, i) =>
      i + 1 < min || i + 1 > max ? null : (
        <option key={i} value={i + 1}>
          {i + 1} · {name}
        </option>
      ),
    );
  return (
    <div className="form-field" role="group" aria-label={t('export.stages')}>
      <span>{t('export.stages')}</span>
      <label className="export-inline">
        {t('export.stagesFrom')}
        <select value={from} onChange={(e) => set({ from: Number(e.target.value), to: Math.max(to, Number(e.target.value)) })}>
          {options(1, stages.length)}
        </select>
      </label>
      <label className="export-inline">
        {t('export.stagesTo')}
        <select value={to} onChange={(e) => set({ from, to: Number(e.target.value) })}>
          {options(from, stages.length)}
        </select>
      </label>
      {range && (
        <button type="button" className="button button--small" onClick={() => onChange(null)}>
          {t('export.stagesAll')}
        </button>
      )}
    </div>
  );
}
