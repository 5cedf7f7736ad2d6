import { useEffect } from 'react';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import './notice.css';

const NOTICE_MS = 6000;

/** A short message after a paste or an import, dismissed by itself after a few seconds. */
export function NoticeBar() {
  const t = useT();
  const notice = useUiStore((s) => s.notice);
  const setNotice = useUiStore((s) => s.setNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" className="icon-button" aria-label={t('notice.close')} onClick={() => setNotice(null)}>
        ✕
      </button>
    </div>
  );
}
