import { useEffect, useId, useState } from 'react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import { createFeed, listFeeds, revokeFeed, type FeedInfo } from '../../sync/feeds';
import { MetricsError } from '../../sync/metrics';
import { useUiStore } from '../../store';
import { Modal } from '../ui/Modal';
import { dayText } from './kpiText';

const EXPIRIES = [30, 366, 0] as const;

/** A board's data feeds: make a token for a system that holds the numbers (shown once, with how to use it), see the feeds, revoke one. */
export function FeedsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const uid = useId();
  const { boardId, token } = useBoardSession();
  const askConfirm = useUiStore((s) => s.askConfirm);
  const [feeds, setFeeds] = useState<FeedInfo[] | null>(null);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState<number>(366);
  const [made, setMade] = useState<{ token: string; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const failed = (e: unknown) =>
    setError(
      t('kpi.feeds.failed', {
        reason: e instanceof MetricsError && e.status === 0 ? t('kpi.write.offline') : String((e as Error).message),
      }),
    );
  useEffect(() => {
    listFeeds(boardId, token).then(setFeeds, failed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once when the dialog opens
  }, [boardId, token]);
  const create = async () => {
    setError(null);
    try {
      const answer = await createFeed(boardId, token, label.trim(), days);
      setMade({ token: answer.token, label: answer.feed.label || t('kpi.feeds.unnamed') });
      setFeeds(await listFeeds(boardId, token));
      setLabel('');
    } catch (e) {
      failed(e);
    }
  };
  const revoke = (feed: FeedInfo) => {
    const name = feed.label || t('kpi.feeds.unnamed');
    askConfirm({
      message: t('kpi.feeds.revokeConfirm', { label: name }),
      onConfirm: () => void revokeFeed(boardId, token, feed.id).then(setFeeds, failed),
    });
  };
  const origin = typeof location === 'undefined' ? '' : location.origin;
  const curl = made
    ? `curl -X POST "${origin}/api/boards/${boardId}/metrics" \\\n  -H "Authorization: Bearer ${made.token}" -H 'Content-Type: text/csv' \\\n  --data-binary $'date;étape;indicateur;valeur\\n31/01/2025;Achat;Taux de conversion;2,1\\n'`
    : '';
  return (
    <Modal title={t('kpi.feeds.title')} onClose={onClose}>
      <div className="kpi-dialog kpi-feeds">
        <p>{t('kpi.feeds.intro')}</p>
        <form
          className="kpi-add"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label>
            {t('kpi.feeds.label')}
            <input value={label} maxLength={80} placeholder={t('kpi.feeds.labelPlaceholder')} onChange={(e) => setLabel(e.target.value)} />
          </label>
          <label htmlFor={`${uid}-days`}>
            {t('kpi.feeds.expiry')}
            <select id={`${uid}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {EXPIRIES.map((d) => (
                <option key={d} value={d}>
                  {t(`kpi.feeds.expiry.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--small button--primary">
            {t('kpi.feeds.create')}
          </button>
        </form>
        {made && (
          <div className="kpi-notice kpi-feeds__token">
            <label htmlFor={`${uid}-token`}>{t('kpi.feeds.token', { label: made.label })}</label>
            <input id={`${uid}-token`} readOnly value={made.token} onFocus={(e) => e.target.select()} />
            <p>{t('kpi.feeds.tokenOnce')}</p>
            <pre className="kpi-feeds__curl">{curl}</pre>
          </div>
        )}
        <h3 className="panel-section__title">{t('kpi.feeds.list')}</h3>
        {feeds && feeds.length === 0 && <p className="panel-empty">{t('kpi.feeds.none')}</p>}
        {feeds && feeds.length > 0 && (
          <ul className="kpi-feeds__list" aria-label={t('kpi.feeds.list')}>
            {feeds.map((f) => {
              const name = f.label || t('kpi.feeds.unnamed');
              const expiry =
                f.expiresAt === 0
                  ? t('kpi.feeds.never')
                  : t('kpi.feeds.expires', { date: dayText(t.locale, new Date(f.expiresAt).toISOString().slice(0, 10)) });
              return (
                <li key={f.id}>
                  <strong>{name}</strong> — {t('kpi.feeds.created', { when: t.relative(f.createdAt) })},{' '}
                  {f.revokedAt ? t('kpi.feeds.revoked') : expiry}
                  {!f.revokedAt && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => revoke(f)}
                      aria-label={t('kpi.feeds.revoke', { label: name })}
                    >
                      {t('kpi.feeds.revoke', { label: name })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {error && (
          <p className="kpi-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('kpi.feeds.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
