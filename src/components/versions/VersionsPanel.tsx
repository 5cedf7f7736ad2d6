import { useState } from 'react';
import { restoreVersion } from '../../doc/commands';
import { readBoard } from '../../doc/projection';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { navigate } from '../../sync/route';
import { useT } from '../../hooks/useT';
import { diffBoards, type KindDiff } from '../../model/boardDiff';
import type { RecordKind } from '../../model/records';
import type { KpiSide } from '../../model/compareKpis';
import type { MetricsSummary } from '../../model/metrics';
import { versionKind } from '../../model/versions';
import type { VersionInfo } from '../../sync/access';
import { useUiStore } from '../../store';
import { useVersions } from '../../hooks/useVersions';
import { relayErrorText } from '../ui/relayErrorText';
import { VersionCompare } from './VersionCompare';
import './versions.css';

/** Automatic versions listed until « show all » is pressed. */
const AUTO_SHOWN = 5;

/**
 * Named versions (saved by facilitators) and the relay's automatic ones: open one read-only,
 * compare it, restore it as a new change.
 */
export function VersionsPanel() {
  const t = useT();
  const { boardId, token, doc } = useBoardSession();
  const board = useBoard();
  const me = useUiStore((s) => s.identity);
  const locale = useUiStore((s) => s.locale);
  const askConfirm = useUiStore((s) => s.askConfirm);
  const { versions, loadError: loadFailure, refresh, save, open: versionDoc, metricsAt } = useVersions(boardId, token);
  const loadError = loadFailure ? relayErrorText(t, loadFailure, 'versions.failed') : null;
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [diff, setDiff] = useState<{
    id: string;
    diff: Record<RecordKind, KindDiff>;
    then: Omit<KpiSide, 'summary'>;
    /** The KPI values at the version's time: undefined while read, null when unreadable. */
    thenSummary?: MetricsSummary | null;
  } | null>(null);
  const [allAuto, setAllAuto] = useState(false);
  const { canFacilitate: facilitator } = useCapabilities();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const hour = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const today = new Date().toDateString();
  const labelOf = (v: VersionInfo) =>
    versionKind(v) === 'auto'
      ? t('versions.autoLabel', { time: (new Date(v.createdAt).toDateString() === today ? hour : short).format(v.createdAt) })
      : v.name;
  const autoIds = (versions ?? []).filter((v) => versionKind(v) === 'auto').map((v) => v.id);
  const hiddenAuto = new Set(allAuto ? [] : autoIds.slice(AUTO_SHOWN));
  const shown = (versions ?? []).filter((v) => !hiddenAuto.has(v.id));
  const openFailed = (e: unknown) => setMessage(relayErrorText(t, e, 'versions.openFailed'));
  return (
    <section className="panel-section" aria-labelledby="versions-title">
      <h2 id="versions-title" className="panel-title">
        {t('versions.title')}
      </h2>
      {facilitator && (
        <form
          className="version-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            save(name, me.name).then(
              () => setName(''),
              (error: unknown) => setMessage(relayErrorText(t, error, 'versions.saveFailed')),
            );
          }}
        >
          <label className="field">
            <span>{t('versions.name')}</span>
            <input value={name} maxLength={120} placeholder={t('versions.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            {t('versions.save')}
          </button>
        </form>
      )}
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {loadError && (
        <p role="alert" className="error">
          {loadError}{' '}
          <button type="button" className="button button--small" onClick={refresh}>
            {t('relay.retry')}
          </button>
        </p>
      )}
      {versions === null ? (
        !loadError && (
          <p role="status" className="muted">
            {t('versions.loading')}
          </p>
        )
      ) : versions.length === 0 ? (
        <p className="muted">{t('versions.empty')}</p>
      ) : (
        <ul className="versions">
          {shown.map((v) => (
            <li key={v.id} className={`version version--${versionKind(v)}`}>
              <p className="version__name">
                <strong>{labelOf(v)}</strong>
              </p>
              <p className="muted">
                {date.format(v.createdAt)}
                {v.author && ` · ${t('versions.by', { author: v.author })}`}
              </p>
              <div className="version__actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => navigate(`/b/${boardId}/v/${v.id}?name=${encodeURIComponent(labelOf(v))}`)}
                >
                  {t('versions.view')}
                </button>
                <button
                  type="button"
                  className="button"
                  aria-expanded={diff?.id === v.id}
                  onClick={() => {
                    if (diff?.id === v.id) return setDiff(null);
                    void versionDoc(v.id).then((vd) => {
                      const then = readBoard(vd);
                      setDiff({ id: v.id, diff: diffBoards(then, board), then: { kpis: then.kpis, stages: then.stages } });
                      vd.destroy();
                      metricsAt(v.createdAt).then(
                        (summary) => setDiff((d) => (d?.id === v.id ? { ...d, thenSummary: summary } : d)),
                        () => setDiff((d) => (d?.id === v.id ? { ...d, thenSummary: null } : d)),
                      );
                    }, openFailed);
                  }}
                >
                  {t('versions.compare')}
                </button>
                {facilitator && (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      askConfirm({
                        message: t('versions.restoreConfirm', { name: labelOf(v) }),
                        onConfirm: () => {
                          void versionDoc(v.id).then((vd) => {
                            restoreVersion(doc, vd);
                            vd.destroy();
                            setMessage(t('versions.restored', { name: labelOf(v) }));
                          }, openFailed);
                        },
                      })
                    }
                  >
                    {t('versions.restore')}
                  </button>
                )}
              </div>
              {diff?.id === v.id && <VersionCompare diff={diff.diff} name={labelOf(v)} then={diff.then} thenSummary={diff.thenSummary} />}
            </li>
          ))}
        </ul>
      )}
      {autoIds.length > AUTO_SHOWN && (
        <button type="button" className="button" aria-expanded={allAuto} onClick={() => setAllAuto(!allAuto)}>
          {allAuto ? t('versions.autoShowFewer') : t.plural('versions.autoShowAll', autoIds.length)}
        </button>
      )}
      <p className="muted versions__hint">{t('versions.autoHint')}</p>
    </section>
  );
}
