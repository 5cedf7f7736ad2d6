import { useState } from 'react';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useKpiSeries } from '../../hooks/useKpiSeries';
import { useMetrics } from '../../hooks/useMetrics';
import { useT } from '../../hooks/useT';
import { dayOf } from '../../model/kpi';
import { readKpiSummary } from '../../model/kpiReading';
import type { Kpi } from '../../model/types';
import { MetricsError } from '../../sync/metrics';
import { Modal } from '../ui/Modal';
import { KpiChart } from './KpiChart';
import { KpiSummaryLine } from './KpiSummaryLine';
import { KpiValueForm } from './KpiValueForm';
import { KpiValueTable } from './KpiValueTable';
import { dayText } from './kpiText';

/** One KPI over time: where it stands, its chart, its values (edited and deleted by facilitators). */
export function KpiDialog({ kpiId, onClose }: { kpiId: string; onClose: () => void }) {
  const t = useT();
  const board = useBoard();
  const kpi = board.kpis.find((k) => k.id === kpiId);
  if (!kpi) {
    return (
      <Modal title={t('kpi.dialog.close')} onClose={onClose}>
        <p>{t('panel.stage.missing')}</p>
      </Modal>
    );
  }
  return <KpiHistory kpi={kpi} stageName={board.stages.find((s) => s.id === kpi.stageId)?.name ?? ''} onClose={onClose} />;
}

function KpiHistory({ kpi, stageName, onClose }: { kpi: Kpi; stageName: string; onClose: () => void }) {
  const t = useT();
  const { state, client } = useMetrics();
  const series = useKpiSeries(kpi.id);
  const { canFacilitate } = useCapabilities();
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ date: string; batch: string } | null>(null);
  const name = kpi.name || t('panel.stage.kpiUnnamed');
  const reading = readKpiSummary(kpi, state.summary[kpi.id], dayOf(Date.now()));
  const failed = (e: unknown) => {
    const reason =
      e instanceof MetricsError && e.status === 0
        ? t('kpi.write.offline')
        : e instanceof MetricsError && e.status === 403
          ? t('kpi.write.forbidden')
          : String((e as Error).message);
    setError(t('kpi.write.failed', { reason }));
    return false;
  };
  const save = async (date: string, value: number) => {
    setError(null);
    try {
      await client.write([{ kpiId: kpi.id, date, value }], 'typed');
      return true;
    } catch (e) {
      return failed(e);
    }
  };
  const remove = async (date: string) => {
    setError(null);
    try {
      setDeleted({ date, batch: await client.remove(kpi.id, date) });
    } catch (e) {
      failed(e);
    }
  };
  return (
    <Modal title={t('kpi.dialog.title', { name })} onClose={onClose}>
      <div className="kpi-dialog">
        {stageName && <p className="kpi-dialog__stage">{t('kpi.dialog.stage', { stage: stageName })}</p>}
        <KpiSummaryLine kpi={kpi} reading={reading} />
        {series.status === 'loading' && <p>{t('kpi.dialog.loading')}</p>}
        {series.status === 'failed' && <p className="kpi-error">{t('kpi.dialog.failed')}</p>}
        {series.status === 'ready' && series.series.length === 0 && <p>{t('kpi.dialog.empty')}</p>}
        {series.status === 'ready' && series.series.length > 0 && (
          <>
            <KpiChart name={name} unit={kpi.unit} series={series.series} target={reading.target} />
            <KpiValueTable
              name={name}
              unit={kpi.unit}
              series={series.series}
              onSave={canFacilitate ? save : undefined}
              onDelete={canFacilitate ? (d) => void remove(d) : undefined}
            />
          </>
        )}
        {deleted && (
          <p className="kpi-notice" role="status">
            {t('kpi.value.deleted', { date: dayText(t.locale, deleted.date) })}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void client.undo(deleted.batch).then(() => setDeleted(null), failed)}
            >
              {t('kpi.value.undo')}
            </button>
          </p>
        )}
        {error && (
          <p className="kpi-error" role="alert">
            {error}
          </p>
        )}
        {canFacilitate ? <KpiValueForm onAdd={save} /> : <p className="panel-empty">{t('kpi.readOnly')}</p>}
        <div className="panel-row">
          <button type="button" className="button" onClick={onClose}>
            {t('kpi.dialog.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
