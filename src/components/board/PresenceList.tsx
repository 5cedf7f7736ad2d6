import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { initialsOf } from '../../model/personaAvatar';
import { summonEveryone } from '../../sync/summon';
import { usePeers } from '../../hooks/usePeers';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';

const SHOWN = 6;

/** Who is on the board now: one coloured badge per person; click someone to follow their view. */
export function PresenceList({ onEditSelf }: { onEditSelf(): void }) {
  const t = useT();
  const peers = usePeers();
  const { connection } = useBoardSession();
  const { canFacilitate } = useCapabilities();
  const following = useUiStore((s) => s.following);
  const setFollowing = useUiStore((s) => s.setFollowing);
  const journey = useCurrentJourney();
  const { getViewport } = useReactFlow();
  const [summoned, setSummoned] = useState(false);
  const followed = peers.find((p) => p.clientId === following);
  return (
    <div className="presence-bar">
      {followed && (
        <span className="presence-bar__following" role="status">
          {t('presence.following', { name: followed.name })}
        </span>
      )}
      <ul className="presence" aria-label={t('presence.label')}>
        {peers.slice(0, SHOWN).map((p) => {
          const roleName = t(`role.${p.role}`);
          if (p.isSelf) {
            const label = `${t('presence.you', { name: p.name })} — ${roleName} — ${t('identity.edit')}`;
            return (
              <li key={p.clientId}>
                <button
                  type="button"
                  className="avatar avatar--self"
                  style={{ background: p.color }}
                  title={label}
                  aria-label={label}
                  onClick={onEditSelf}
                >
                  {initialsOf(p.name)}
                </button>
              </li>
            );
          }
          const isFollowed = following === p.clientId;
          const action = t(isFollowed ? 'presence.unfollow' : 'presence.follow', { name: p.name });
          return (
            <li key={p.clientId}>
              <button
                type="button"
                className={`avatar${isFollowed ? ' avatar--followed' : ''}`}
                style={{ background: p.color }}
                title={`${p.name} — ${roleName} — ${action}`}
                aria-label={p.name}
                aria-description={`${roleName} — ${action}`}
                aria-pressed={isFollowed}
                onClick={() => setFollowing(isFollowed ? null : p.clientId)}
              >
                {initialsOf(p.name)}
              </button>
            </li>
          );
        })}
        {peers.length > SHOWN && (
          <li
            className="avatar avatar--more"
            title={peers
              .slice(SHOWN)
              .map((p) => p.name)
              .join(', ')}
          >
            {t('presence.more', { count: peers.length - SHOWN })}
          </li>
        )}
      </ul>
      {canFacilitate && peers.length > 1 && (
        <button
          type="button"
          className="icon-button"
          aria-label={t('presence.summon')}
          title={summoned ? t('presence.summoned') : t('presence.summon')}
          onClick={() => {
            summonEveryone(connection.awareness, getViewport(), journey?.id ?? null);
            setSummoned(true);
            setTimeout(() => setSummoned(false), 2500);
          }}
        >
          {summoned ? '✓' : '⇲'}
        </button>
      )}
    </div>
  );
}
