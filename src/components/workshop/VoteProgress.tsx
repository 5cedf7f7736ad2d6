import { useCapabilities } from '../../hooks/useCapabilities';
import { usePeers } from '../../hooks/usePeers';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { capabilitiesOf } from '../../model/roles';
import { voteProgress } from '../../model/workshop';

/**
 * How far an open vote has got: how many of the people who may vote have voted, from who is on
 * the board now; the facilitator also sees who has not, to wait for them or call on them.
 */
export function VoteProgress({ voteId }: { voteId: string }) {
  const t = useT();
  const { dots } = useWorkshop();
  const peers = usePeers();
  const { canFacilitate: facilitator } = useCapabilities();
  // Viewers cannot vote: they are not waited for.
  const present = peers.filter((p) => capabilitiesOf(p.role).canEdit).map((p) => ({ id: p.id, name: p.name }));
  const progress = voteProgress(dots, voteId, present);
  if (progress.total === 0) return null;
  return (
    <div className="vote__progress">
      <p>
        <meter className="vote__meter" min={0} max={progress.total} value={progress.voted} aria-hidden="true" />{' '}
        {t.plural('vote.progress', progress.voted, { total: progress.total })}
      </p>
      {facilitator && progress.waiting.length > 0 && (
        <p className="muted">{t('vote.waiting', { names: t.list(progress.waiting.map((p) => p.name)) })}</p>
      )}
    </div>
  );
}
