import { usePeers } from '../hooks/usePeers';
import { useT } from '../hooks/useT';

const SHOWN = 6;

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Who is on the board now: one coloured badge per person. */
export function PresenceList({ onEditSelf }: { onEditSelf(): void }) {
  const t = useT();
  const peers = usePeers();
  return (
    <ul className="presence" aria-label={t('presence.label')}>
      {peers.slice(0, SHOWN).map((p) => {
        const label = p.isSelf ? t('presence.you', { name: p.name }) : p.name;
        return (
          <li key={p.clientId}>
            {p.isSelf ? (
              <button type="button" className="avatar avatar--self" style={{ background: p.color }} title={`${label} — ${t('identity.edit')}`} aria-label={`${label} — ${t('identity.edit')}`} onClick={onEditSelf}>
                {initials(p.name)}
              </button>
            ) : (
              <span className="avatar" style={{ background: p.color }} title={label} aria-label={label} role="img">
                {initials(p.name)}
              </span>
            )}
          </li>
        );
      })}
      {peers.length > SHOWN && (
        <li className="avatar avatar--more" title={peers.slice(SHOWN).map((p) => p.name).join(', ')}>
          {t('presence.more', { count: peers.length - SHOWN })}
        </li>
      )}
    </ul>
  );
}
