import { MessageSquare } from 'lucide-react';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { useUiStore } from '../../store';

/** Opens the comment thread of a record, showing how many comments it has. */
export function CommentsButton({ targetId }: { targetId: string }) {
  const t = useT();
  const count = useWorkshop().comments.filter((c) => c.targetId === targetId).length;
  const openComments = useUiStore((s) => s.openComments);
  const label = count > 0 ? `${t('comments.title')} (${count})` : t('comments.title');
  return (
    <button type="button" className="icon-button nodrag" aria-label={label} title={label} onClick={() => openComments(targetId)}>
      <MessageSquare className="icon" size={15} aria-hidden="true" />
      {count > 0 ? ` ${count}` : ''}
    </button>
  );
}
