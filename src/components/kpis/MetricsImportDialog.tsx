import { useId, useMemo, useState } from 'react';
import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import {
  initialMapping,
  previewImport,
  readMetricsFile,
  type ColumnMapping,
  type FileProblem,
  type MetricsTable,
} from '../../model/metricsImport';
import type { DayOrder, KpiRef } from '../../model/metricsRows';
import { MetricsError } from '../../sync/metrics';
import { undoAll, writeAll, type ImportResult } from '../../sync/metricsBatches';
import { Modal } from '../ui/Modal';
import { ImportMappingFields } from './ImportMappingFields';
import { ImportPreviewList } from './ImportPreviewList';
import { bytesOf } from './fileBytes';

type Step =
  | { kind: 'choose'; problem?: FileProblem }
  | { kind: 'reading' }
  | { kind: 'map'; name: string; table: MetricsTable; mapping: ColumnMapping; order: DayOrder | null }
  | { kind: 'importing' }
  | { kind: 'done'; result: ImportResult; undone: boolean }
  | { kind: 'failed'; reason: string };

/**
 * Imports a metrics file into the KPIs of the journey on screen: read, columns mapped, previewed
 * with every refused row; nothing is written before « Importer », and the whole import is
 * undone in one step.
 */
export function MetricsImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const uid = useId();
  const board = useBoard();
  const journey = useCurrentJourney();
  const { client } = useMetrics();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const refs = useMemo<KpiRef[]>(() => {
    const stages = new Map(board.stages.map((s) => [s.id, s.name]));
    return board.kpis
      .filter((k) => k.journeyId === journey?.id)
      .map((k) => ({ id: k.id, name: k.name, stageName: stages.get(k.stageId) ?? '' }));
  }, [board, journey]);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setStep({ kind: 'reading' });
    const read = await readMetricsFile(await bytesOf(file), file.name);
    if ('problem' in read) setStep({ kind: 'choose', problem: read.problem });
    else setStep({ kind: 'map', name: file.name, table: read, mapping: initialMapping(read), order: null });
  };
  const preview = step.kind === 'map' ? previewImport(step.table, step.mapping, refs, step.order ? { order: step.order } : {}) : null;
  const submit = async () => {
    if (!preview || preview.values.length === 0) return;
    setStep({ kind: 'importing' });
    try {
      setStep({ kind: 'done', result: await writeAll(client, preview.values, 'file'), undone: false });
    } catch (e) {
      setStep({
        kind: 'failed',
        reason: e instanceof MetricsError && e.status === 0 ? t('kpi.write.offline') : String((e as Error).message),
      });
    }
  };
  const undo = async (result: ImportResult) => {
    try {
      await undoAll(client, result.batches);
      setStep({ kind: 'done', result, undone: true });
    } catch (e) {
      setStep({ kind: 'failed', reason: String((e as Error).message) });
    }
  };
  return (
    <Modal title={t('kpi.import.title')} onClose={onClose}>
      <div className="kpi-dialog kpi-import">
        {(step.kind === 'choose' || step.kind === 'reading') && (
          <>
            <p>{t('kpi.import.intro')}</p>
            <label htmlFor={`${uid}-file`} className="commit-field__label">
              {t('kpi.import.choose')}
            </label>
            <input
              id={`${uid}-file`}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
            {step.kind === 'reading' && <p role="status">{t('kpi.import.reading')}</p>}
            {step.kind === 'choose' && step.problem && (
              <p className="kpi-error" role="alert">
                {t(`kpi.import.problem.${step.problem}`)}
              </p>
            )}
          </>
        )}
        {step.kind === 'map' && preview && (
          <>
            <p>
              {t('kpi.import.file', {
                name: step.name,
                kind:
                  step.table.kind === 'xlsx'
                    ? t('kpi.import.kind.xlsx')
                    : t('kpi.import.kind.csv', {
                        encoding: step.table.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8',
                        delimiter: step.table.delimiter === '\t' ? '⇥' : (step.table.delimiter ?? ','),
                      }),
              })}
            </p>
            <ImportMappingFields
              header={step.table.header}
              mapping={step.mapping}
              order={preview.order}
              onMapping={(mapping) => setStep({ ...step, mapping })}
              onOrder={(order) => setStep({ ...step, order })}
            />
            <ImportPreviewList table={step.table} preview={preview} />
          </>
        )}
        {step.kind === 'importing' && <p role="status">{t('kpi.import.importing')}</p>}
        {step.kind === 'done' && (
          <p className="kpi-notice" role="status">
            {step.undone
              ? t('kpi.import.undone')
              : `${t.plural('kpi.import.done', step.result.inserted + step.result.updated + step.result.unchanged)} ${t('kpi.import.detail', { inserted: step.result.inserted, updated: step.result.updated, unchanged: step.result.unchanged })}`}
          </p>
        )}
        {step.kind === 'failed' && (
          <p className="kpi-error" role="alert">
            {t('kpi.import.failed', { reason: step.reason })}
          </p>
        )}
        <div className="modal__actions">
          {step.kind === 'map' && preview && preview.values.length > 0 && (
            <button type="button" className="button button--primary" onClick={() => void submit()}>
              {t.plural('kpi.import.submit', preview.values.length)}
            </button>
          )}
          {step.kind === 'done' && !step.undone && (
            <button type="button" className="button" onClick={() => void undo(step.result)}>
              {t('kpi.import.undo')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {step.kind === 'done' || step.kind === 'failed' ? t('kpi.import.close') : t('kpi.import.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
