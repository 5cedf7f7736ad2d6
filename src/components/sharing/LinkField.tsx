import { useState, type ReactNode } from 'react';
import { useT } from '../../hooks/useT';
import './sharing.css';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A link to hand over: its label, the address selected on focus, and a copy button (a prompt where the clipboard is refused). */
export function LinkField({ label, url, help }: { label: string; url: string; help?: ReactNode }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="link-field">
      <label className="field">
        <span>{label}</span>
        <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label={label} />
      </label>
      <button
        type="button"
        className="button"
        aria-label={`${t('share.copyLink')} — ${label}`}
        onClick={() => {
          void copy(url).then((ok) => (ok ? setCopied(true) : window.prompt(t('share.copy'), url)));
        }}
      >
        {copied ? t('share.copied') : t('share.copy')}
      </button>
      {help && <p className="link-field__help muted">{help}</p>}
    </div>
  );
}
