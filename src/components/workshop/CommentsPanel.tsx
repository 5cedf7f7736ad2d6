import { useUiStore } from '../../store';
import { CommentThread } from './CommentThread';
import { ThreadList } from './ThreadList';
import './workshop.css';

/**
 * The comments panel: the thread someone asked for (from a card, a pain point or an action),
 * otherwise the list of every thread on the board. It never guesses a thread from the selection.
 */
export function CommentsPanel() {
  const target = useUiStore((s) => s.commentTarget);
  return target ? <CommentThread targetId={target} /> : <ThreadList />;
}
