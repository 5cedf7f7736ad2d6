import { useEffect, useState } from 'react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useShareLinks } from '../../hooks/useShareLinks';
import { useT } from '../../hooks/useT';
import { forgetLinksToShow, hasLinksToShow } from '../../sync/createdHere';
import { relayErrorText } from '../ui/relayErrorText';
import { LinkField } from './LinkField';

/** How long the first participant link stays valid, in days (the share dialog's default too). */
const PARTICIPANT_LINK_DAYS = 7;

/**
 * Shown once to whoever just created the board, docked under the canvas until dismissed: their
 * own facilitator link to keep (the board's address alone does not open it) and a participant
 * link to hand out. Not a modal: the facilitator may start on the board meanwhile.
 */
export function NewBoardLinks() {
  const t = useT();
  const { boardId, token } = useBoardSession();
  const share = useShareLinks(boardId, token);
  const { canFacilitate } = useCapabilities();
  const [open, setOpen] = useState(() => hasLinksToShow(boardId));
  const [participant, setParticipant] = useState<{ url: string; expiresAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showing = open && canFacilitate && token !== null;
  useEffect(() => {
    if (!showing) return;
    let alive = true;
    share.mint('participant', PARTICIPANT_LINK_DAYS).then(
      (link) => alive && setParticipant({ url: share.urlOf(link.token), expiresAt: link.expiresAt }),
      (failure: unknown) => alive && setError(relayErrorText(t, failure, 'share.failed')),
    );
    return () => {
      alive = false;
    };
    // Minted once per opening of the dialog; the language changing does not make another link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showing, boardId, token]);
  if (!showing) return null;
  const done = () => {
    forgetLinksToShow(boardId);
    setOpen(false);
  };
  return (
    <section className="new-board-links" aria-labelledby="new-board-links-title">
      <h2 id="new-board-links-title">{t('newBoard.title')}</h2>
      <p>{t('newBoard.intro')}</p>
      <div className="new-board-links__links">
        <LinkField label={t('newBoard.facilitatorLink')} url={share.urlOf(token)} help={t('newBoard.facilitatorHelp')} />
        {participant ? (
          <LinkField
            label={t('newBoard.participantLink')}
            url={participant.url}
            help={`${t('newBoard.participantHelp')} ${t('newBoard.participantExpires', { date: new Intl.DateTimeFormat(t.locale, { dateStyle: 'long' }).format(participant.expiresAt) })}`}
          />
        ) : error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p className="muted">{t('newBoard.participantMaking')}</p>
        )}
      </div>
      <div className="new-board-links__footer">
        <p className="muted">{t('newBoard.more')}</p>
        <button type="button" className="button button--primary" onClick={done}>
          {t('newBoard.done')}
        </button>
      </div>
    </section>
  );
}
