import { useDeferredValue, useMemo, useState } from 'react';
import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { usePosterExport } from '../../hooks/usePosterExport';
import { usePosterLayout } from '../../hooks/usePosterLayout';
import { useT } from '../../hooks/useT';
import { isRenderable, posterPixels, sizeLabel, type PosterSize } from '../../model/paper';
import { clampStageRange, posterModel, type StageRange } from '../../model/poster';
import { cardTextPoints } from '../../model/posterFit';
import { slugify } from '../../model/text';
import { useUiStore } from '../../store';
import { ExportProgressView } from './ExportProgressView';
import { ExportSizeFields } from './ExportSizeFields';
import { Modal } from '../ui/Modal';
import { PosterFitAdvice } from './PosterFitAdvice';
import { PosterPreview } from './PosterPreview';
import { PosterStage } from './PosterStage';
import { StageRangeFields } from './StageRangeFields';
import '../ui/forms.css';
import './export.css';

const DEFAULT_SIZE: PosterSize = { kind: 'paper', format: 'A0', orientation: 'landscape', dpi: 150 };

/** The export dialog: the poster of a journey at a paper size and resolution, previewed first, or the current view. */
export function ExportDialog() {
  const open = useUiStore((s) => s.exportOpen);
  return open ? <ExportDialogBody /> : null;
}

function ExportDialogBody() {
  const t = useT();
  const board = useBoard();
  const current = useCurrentJourney();
  const setOpen = useUiStore((s) => s.setExportOpen);
  const exporter = usePosterExport();
  const [journeyId, setJourneyId] = useState(current?.id ?? '');
  const [viewOnly, setViewOnly] = useState(false);
  const [size, setSize] = useState<PosterSize>(DEFAULT_SIZE);
  const [transparent, setTransparent] = useState(false);
  const [version, setVersion] = useState('');
  const [stages, setStages] = useState<{ journeyId: string; range: StageRange } | null>(null);
  const [posterElement, setPosterElement] = useState<HTMLElement | null>(null);
  const journey = board.journeys.find((j) => j.id === journeyId) ?? current;
  const px = useMemo(() => posterPixels(size), [size]);
  const date = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const stageNames = useMemo(() => board.stages.filter((s) => s.journeyId === journey?.id).map((s) => s.name), [board.stages, journey?.id]);
  // A range chosen for another journey does not carry over.
  const range = stages && stages.journeyId === journey?.id ? clampStageRange(stages.range, stageNames.length) : null;
  // The preview follows typing in the version field a moment later, not at every key.
  const previewVersion = useDeferredValue(version);
  const model = useMemo(
    () => (journey ? posterModel(board, journey.id, { date, version: previewVersion, stages: range }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the range is compared by value
    [board, journey?.id, date, previewVersion, range?.from, range?.to],
  );
  const content = usePosterLayout(viewOnly ? null : posterElement, model, px);
  const points = content ? cardTextPoints(content, size) : null;
  const close = () => {
    if (exporter.busy) return;
    setOpen(false);
  };
  const start = () => {
    if (!journey || !model) return;
    const base = `${slugify(board.meta.title)}-${slugify(journey.name, 'parcours')}`;
    if (viewOnly) return exporter.exportView(`${base}-view.png`, transparent);
    const part = range ? `-${slugify(t('export.stages'), 'etapes')}-${range.from}-${range.to}` : '';
    exporter.exportPoster({
      model: { ...model, version: version.trim() },
      size,
      page: px,
      transparent,
      fileName: `${base}${part}-${sizeLabel(size)}.png`,
    });
  };
  const orientation = t(size.orientation === 'landscape' ? 'export.landscape' : 'export.portrait').toLowerCase();
  return (
    <Modal title={t('export.title')} onClose={close}>
      {exporter.progress ? (
        <ExportProgressView progress={exporter.progress} onCancel={exporter.cancel} onClose={close} onBack={exporter.reset} />
      ) : (
        <form
          className={`export-form${viewOnly ? '' : ' export-form--poster'}`}
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <div className="export-form__fields">
            {board.journeys.length > 1 && (
              <label className="form-field">
                <span>{t('export.journey')}</span>
                <select value={journey?.id ?? ''} onChange={(e) => setJourneyId(e.target.value)}>
                  {board.journeys.map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <div className="form-field" role="radiogroup" aria-label={t('export.what')}>
              <span>{t('export.what')}</span>
              <label className="form-radio">
                <input type="radio" name="what" checked={!viewOnly} onChange={() => setViewOnly(false)} />
                {t('export.whatPoster')}
              </label>
              <label className="form-radio">
                <input type="radio" name="what" checked={viewOnly} onChange={() => setViewOnly(true)} />
                {t('export.whatView')}
              </label>
            </div>
            {!viewOnly && (
              <>
                <ExportSizeFields size={size} onChange={setSize} />
                <StageRangeFields
                  stages={stageNames}
                  range={range}
                  onChange={(r) => setStages(r && journey ? { journeyId: journey.id, range: r } : null)}
                />
                <label className="form-field">
                  <span>{t('export.version')}</span>
                  <input
                    value={version}
                    maxLength={40}
                    placeholder={t('export.versionPlaceholder')}
                    onChange={(e) => setVersion(e.target.value)}
                  />
                </label>
              </>
            )}
            <label className="form-check">
              <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} />
              {t('export.transparent')}
            </label>
          </div>
          {!viewOnly && model && (
            <div className="export-form__preview">
              <PosterPreview
                model={model}
                page={px}
                transparent={transparent}
                content={content}
                paper={size.kind === 'paper' ? `${size.format} ${orientation}` : t('export.pixels', { width: px.width, height: px.height })}
                posterRef={setPosterElement}
              />
              <PosterFitAdvice
                points={points}
                size={size}
                stages={{ from: range?.from ?? 1, count: model.stages.length }}
                onPaper={(format) => size.kind === 'paper' && setSize({ ...size, format })}
                onStages={(r) => journey && setStages({ journeyId: journey.id, range: r })}
              />
            </div>
          )}
          <div className="modal__actions export-form__actions">
            <button type="button" className="button" onClick={close}>
              {t('export.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!journey || (!viewOnly && !isRenderable(px))}>
              {t('export.start')}
            </button>
          </div>
        </form>
      )}
      {exporter.poster && <PosterStage job={exporter.poster} stageRef={exporter.stageRef} />}
    </Modal>
  );
}
