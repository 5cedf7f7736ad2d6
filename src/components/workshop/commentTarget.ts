import type { BoardSnapshot } from '../../model/types';

export type CommentTargetKind = 'touchpoint' | 'painPoint' | 'action';

/** What a thread is about: the kind of record and its text, or null when the record is gone. */
export function commentTarget(board: BoardSnapshot, id: string): { kind: CommentTargetKind; text: string } | null {
  const touchpoint = board.touchpoints.find((x) => x.id === id);
  if (touchpoint) return { kind: 'touchpoint', text: touchpoint.text };
  const pain = board.painPoints.find((x) => x.id === id);
  if (pain) return { kind: 'painPoint', text: pain.text };
  const action = board.actions.find((x) => x.id === id);
  return action ? { kind: 'action', text: action.title } : null;
}
