import { useId, useMemo, useState } from 'react';
import { applyCrmImport } from '../../doc/commands/crm';
import { readStageMapping } from '../../doc/crm';
import { useBoard } from '../../hooks/useBoard';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import { detectShape, readEntries, type CrmShape } from '../../model/crmImport';
import { CRM_METRICS, crmStageNames, guessStageMapping, pipelineMetrics, type CrmMetric, type StageMapping } from '../../model/crmPipeline';
import type { MetricInput } from '../../model/metrics';
import { readMetricsFile, type FileProblem, type MetricsTable } from '../../model/metricsImport';
import { MetricsError } from '../../sync/metrics';
import { undoAll, writeAll, type ImportResult } from '../../sync/metricsBatches';
import { Modal } from '../ui/Modal';
import { CrmPreview } from './CrmPreview';
import { CrmStageMapping } from './CrmStageMapping';
import { bytesOf } from './fileBytes';

type Step =
  | { kind: 'choose'; problem?: FileProblem }
  | { kind: 'map'; name: string; table: MetricsTable; shape: CrmShape; mapping: StageMapping | null }
  | { kind: 'importing' }
  | { kind: 'done'; result: ImportResult; undone: boolean }
  | { kind: 'failed'; reason: string };

const COLUMNS = ['deal', 'stage', 'date'] as const;

/**
 * Imports a CRM pipeline export: its CRM stages mapped to the journey's (remembered on the
 * journey), then per month and stage the volume entering, the conversion to the next stage and
 * the median time in stage, written into KPIs of those stages (made when missing).
 */
export function CrmImportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const uid = useId();
  const { doc } = useBoardSession();
  const board = useBoard();
  const journey = useCurrentJourney();
  const { client } = useMetrics();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const stages = useMemo(() => board.stages.filter((s) => s.journeyId === journey?.id), [board, journey]);
  const read = step.kind === 'map' ? readEntries(step.table, step.shape) : null;
  const names = read ? crmStageNames(read.entries) : [];
  const mapping =
    step.kind === 'map' ? (step.mapping ?? guessStageMapping(names, stages, journey ? readStageMapping(doc, journey.id) : {})) : {};
  const metrics = read
    ? pipelineMetrics(
        read.entries,
        mapping,
        stages.map((s) => s.id),
      )
    : {};
  const values: { stageId: string; metric: CrmMetric; date: string; value: number }[] = Object.entries(metrics).flatMap(([stageId, m]) =>
    CRM_METRICS.flatMap((metric) => m[metric].map((p) => ({ stageId, metric, ...p }))),
  );
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const table = await readMetricsFile(await bytesOf(file), file.name);
    if ('problem' in table) setStep({ kind: 'choose', problem: table.problem });
    else setStep({ kind: 'map', name: file.name, table, shape: detectShape(table.header), mapping: null });
  };
  const submit = async () => {
    if (!journey || values.length === 0) return;
    setStep({ kind: 'importing' });
    const labels = Object.fromEntries(
      CRM_METRICS.map((m) => [m, { name: t(`kpi.crm.metric.${m}`), unit: m === 'conversion' ? '%' : t(`kpi.crm.unit.${m}`) }]),
    ) as Record<CrmMetric, { name: string; unit: string }>;
    const wanted = [...new Set(values.map((v) => `${v.stageId}|${v.metric}`))].map((k) => ({
      stageId: k.split('|')[0]!,
      metric: k.split('|')[1] as CrmMetric,
    }));
    // The mapping and the KPIs: one edit of the board, undone with Ctrl+Z; the values: one batch.
    const ids = applyCrmImport(doc, journey.id, mapping, wanted, labels);
    const inputs: MetricInput[] = values.flatMap((v) => {
      const kpiId = ids[v.stageId]?.[v.metric];
      return kpiId ? [{ kpiId, date: v.date, value: v.value }] : [];
    });
    try {
      setStep({ kind: 'done', result: await writeAll(client, inputs, 'crm'), undone: false });
    } catch (e) {
      setStep({
        kind: 'failed',
        reason: e instanceof MetricsError && e.status === 0 ? t('kpi.write.offline') : String((e as Error).message),
      });
    }
  };
  const setColumn = (c: (typeof COLUMNS)[number], v: string) => {
    if (step.kind !== 'map' || step.shape.kind !== 'changes') return;
    setStep({
      ...step,
      shape: { kind: 'changes', columns: { ...step.shape.columns, [c]: v === '' ? undefined : Number(v) } },
      mapping: null,
    });
  };
  const shape = step.kind === 'map' ? step.shape : null;
  const missing = shape?.kind === 'changes' && COLUMNS.some((c) => shape.columns[c] === undefined);
  return (
    <Modal title={t('kpi.crm.title')} onClose={onClose}>
      <div className="kpi-dialog kpi-import">
        {step.kind === 'choose' && (
          <>
            <p>{t('kpi.crm.intro')}</p>
            <label htmlFor={`${uid}-file`} className="commit-field__label">
              {t('kpi.crm.choose')}
            </label>
            <input id={`${uid}-file`} type="file" accept=".csv,.txt,.xlsx" onChange={(e) => void choose(e.target.files?.[0])} />
            {step.problem && (
              <p className="kpi-error" role="alert">
                {t(`kpi.import.problem.${step.problem}`)}
              </p>
            )}
          </>
        )}
        {step.kind === 'map' && shape && read && (
          <>
            <p>
              {t('kpi.import.file', {
                name: step.name,
                kind: shape.kind === 'wide' ? t.plural('kpi.crm.shape.wide', shape.stages.length) : t('kpi.crm.shape.changes'),
              })}
            </p>
            {shape.kind === 'changes' && (
              <fieldset className="kpi-import__mapping">
                {COLUMNS.map((c) => (
                  <label key={c} htmlFor={`${uid}-${c}`}>
                    {t(`kpi.crm.column.${c}`)}
                    <select id={`${uid}-${c}`} value={shape.columns[c] ?? ''} onChange={(e) => setColumn(c, e.target.value)}>
                      <option value="">{t('kpi.import.column.none')}</option>
                      {step.table.header.map((h, i) => (
                        <option key={i} value={i}>
                          {h || `#${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </fieldset>
            )}
            {missing ? (
              <p className="kpi-error" role="alert">
                {t('kpi.crm.missing')}
              </p>
            ) : (
              <>
                <p className="kpi-notice" role="status">
                  {t.plural('kpi.crm.entries', read.entries.length)}{' '}
                  {t.plural('kpi.crm.deals', new Set(read.entries.map((e) => e.deal)).size)}
                </p>
                {read.rejected.length > 0 && (
                  <details className="kpi-import__rejected" open>
                    <summary>{t.plural('kpi.crm.rejected', read.rejected.length)}</summary>
                    <ul aria-label={t.plural('kpi.crm.rejected', read.rejected.length)}>
                      {read.rejected.slice(0, 50).map((r, i) => (
                        <li key={`${r.line}-${i}`}>
                          {t('kpi.import.rejectedLine', { line: r.line, reason: t(`kpi.crm.reject.${r.reason}`) })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <CrmStageMapping names={names} stages={stages} mapping={mapping} onChange={(m) => setStep({ ...step, mapping: m })} />
                <CrmPreview metrics={metrics} stages={stages} />
              </>
            )}
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
          {step.kind === 'map' && !missing && values.length > 0 && (
            <button type="button" className="button button--primary" onClick={() => void submit()}>
              {t.plural('kpi.crm.submit', values.length)}
            </button>
          )}
          {step.kind === 'done' && !step.undone && (
            <button
              type="button"
              className="button"
              onClick={() => void undoAll(client, step.result.batches).then(() => setStep({ ...step, undone: true }))}
            >
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
