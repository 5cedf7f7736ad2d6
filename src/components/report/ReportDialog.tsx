import { useMemo, useState } from 'react';
import { useBoard } from '../../hooks/useBoard';
import { useMetricsSummary } from '../../hooks/useMetricsSummary';
import { useReportExport } from '../../hooks/useReportExport';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { LANGUAGE_NAMES } from '../../i18n';
import { LOCALES, type Locale } from '../../model/defaults';
import { REPORT_PAPERS, votesPerItem, type ReportPaper } from '../../model/report';
import { slugify } from '../../model/text';
import { Modal } from '../ui/Modal';
import { ReportProgressView } from './ReportProgressView';
import '../ui/forms.css';
import './report.css';

/** The report dialog: which journeys, paper and language, then the PDF written with its progress. */
export function ReportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const board = useBoard();
  const { dots } = useWorkshop();
  const exporter = useReportExport();
  const metrics = useMetricsSummary();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(board.journeys.map((j) => j.id)));
  const [paper, setPaper] = useState<ReportPaper>('A4');
  const [locale, setLocale] = useState<Locale>(t.locale);
  const [version, setVersion] = useState('');
  const date = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const journeyIds = board.journeys.filter((j) => chosen.has(j.id)).map((j) => j.id);
  const close = () => {
    if (exporter.busy) exporter.cancel();
    onClose();
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const start = () => {
    if (journeyIds.length === 0) return;
    const fileName = `${slugify(board.meta.title)}-${slugify(t('toolbar.reportShort'), 'rapport')}-${date}.pdf`;
    exporter.start({ board, journeyIds, votes: votesPerItem(dots), paper, locale, date, version: version.trim(), metrics }, fileName);
  };
  return (
    <Modal title={t('report.title')} onClose={close}>
      {exporter.state ? (
        <ReportProgressView state={exporter.state} onCancel={exporter.cancel} onClose={close} onBack={exporter.reset} />
      ) : (
        <form
          className="report-form"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <p className="muted">{t('report.intro')}</p>
          <fieldset className="report-journeys">
            <legend>{t('report.journeys')}</legend>
            {board.journeys.map((j) => (
              <label key={j.id} className="form-check">
                <input type="checkbox" checked={chosen.has(j.id)} onChange={(e) => toggle(j.id, e.target.checked)} />
                {j.name} · {t(`poster.kind.${j.kind}`)}
              </label>
            ))}
          </fieldset>
          {journeyIds.length === 0 && (
            <p role="alert" className="muted">
              {t('report.noJourney')}
            </p>
          )}
          <label className="form-field">
            <span>{t('report.paper')}</span>
            <select value={paper} onChange={(e) => setPaper(e.target.value as ReportPaper)}>
              {REPORT_PAPERS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span>{t('report.language')}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span>{t('report.version')}</span>
            <input
              value={version}
              maxLength={40}
              placeholder={t('export.versionPlaceholder')}
              onChange={(e) => setVersion(e.target.value)}
            />
          </label>
          <div className="modal__actions">
            <button type="button" className="button" onClick={close}>
              {t('report.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={journeyIds.length === 0}>
              {t('report.start')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
