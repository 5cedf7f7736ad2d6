import { useMemo, useRef, useState } from 'react';
import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useExportView } from '../../hooks/useExportView';
import type { PosterJob } from '../../hooks/usePosterExport';
import { useT } from '../../hooks/useT';
import { isRenderable, posterPixels, sizeLabel, type PosterSize } from '../../model/paper';
import { posterModel, type PosterModel } from '../../model/poster';
import { slugify } from '../../model/text';
import { useUiStore } from '../../store';
import { ExportProgressView } from './ExportProgressView';
import { ExportSizeFields } from './ExportSizeFields';
import { Modal } from '../ui/Modal';
import { PosterStage } from './PosterStage';
import './export.css';

const DEFAULT_SIZE: PosterSize = { kind: 'paper', format: 'A0', orientation: 'landscape', dpi: 150 };

/** The export dialog: the poster of a journey at a paper size and resolution, or the current view. */
export function ExportDialog() {
  const open = useUiStore((s) => s.exportOpen);
  return open ? <ExportDialogBody /> : null;
}

function ExportDialogBody() {
  const t = useT();
  const board = useBoard();
  const current = useCurrentJourney();
  const progress = useUiStore((s) => s.exportProgress);
  const setOpen = useUiStore((s) => s.setExportOpen);
  const setProgress = useUiStore((s) => s.setExportProgress);
  const exportView = useExportView();
  const [journeyId, setJourneyId] = useState(current?.id ?? '');
  const [viewOnly, setViewOnly] = useState(false);
  const [size, setSize] = useState<PosterSize>(DEFAULT_SIZE);
  const [transparent, setTransparent] = useState(false);
  const [version, setVersion] = useState('');
  const [run, setRun] = useState<{ model: PosterModel; job: PosterJob } | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const journey = board.journeys.find((j) => j.id === journeyId) ?? current;
  const px = useMemo(() => posterPixels(size), [size]);
  const busy = progress !== null && ['preparing', 'rendering', 'saving'].includes(progress.phase);
  const close = () => {
    if (busy) return;
    setRun(null);
    setOpen(false);
  };
  const start = () => {
    if (!journey) return;
    const base = `${slugify(board.meta.title)}-${slugify(journey.name, 'parcours')}`;
    if (viewOnly) return void exportView(`${base}-view.png`, transparent);
    const model = posterModel(board, journey.id, { date: new Date().toISOString().slice(0, 10), version });
    setRun({ model, job: { page: px, stages: model.stages.length, transparent, fileName: `${base}-${sizeLabel(size)}.png` } });
  };
  return (
    <Modal title={t('export.title')} onClose={close}>
      {progress ? (
        <ExportProgressView
          progress={progress}
          onCancel={() => cancel.current?.()}
          onClose={close}
          onBack={() => {
            setRun(null);
            setProgress(null);
          }}
        />
      ) : (
        <form
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          {board.journeys.length > 1 && (
            <label className="export-field">
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
          <div className="export-field" role="radiogroup" aria-label={t('export.what')}>
            <span>{t('export.what')}</span>
            <label className="export-radio">
              <input type="radio" name="what" checked={!viewOnly} onChange={() => setViewOnly(false)} />
              {t('export.whatPoster')}
            </label>
            <label className="export-radio">
              <input type="radio" name="what" checked={viewOnly} onChange={() => setViewOnly(true)} />
              {t('export.whatView')}
            </label>
          </div>
          {!viewOnly && (
            <>
              <ExportSizeFields size={size} onChange={setSize} />
              <label className="export-field">
                <span>{t('export.version')}</span>
                <input value={version} maxLength={40} placeholder={t('export.versionPlaceholder')} onChange={(e) => setVersion(e.target.value)} />
              </label>
            </>
          )}
          <label className="export-check">
            <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} />
            {t('export.transparent')}
          </label>
          <div className="modal__actions">
            <button type="button" className="button" onClick={close}>
              {t('export.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!journey || (!viewOnly && !isRenderable(px))}>
              {t('export.start')}
            </button>
          </div>
        </form>
      )}
      {run && <PosterStage model={run.model} job={run.job} cancelRef={cancel} />}
    </Modal>
  );
}
