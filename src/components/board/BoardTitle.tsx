import { renameBoard } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { InlineNameEditor } from '../ui/InlineNameEditor';

/** The board's title, renamed in place (click it). */
export function BoardTitle({ title }: { title: string }) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEditStructure } = useCapabilities();
  const editing = useUiStore((s) => s.editing?.kind === 'title');
  const startEditing = useUiStore((s) => s.startEditing);
  const stopEditing = useUiStore((s) => s.stopEditing);
  if (editing) {
    return (
      <InlineNameEditor
        value={title}
        label={t('board.titleLabel')}
        className="board-title__editor"
        maxLength={TEXT_LIMITS.boardTitle}
        onCommit={(v) => {
          renameBoard(doc, v);
          stopEditing();
        }}
        onCancel={stopEditing}
      />
    );
  }
  return (
    <h1 className="board-title">
      <button
        type="button"
        className="board-title__button"
        title={t('board.titleLabel')}
        aria-label={`${t('board.titleLabel')} : ${title || t('home.untitled')}`}
        onClick={() => canEditStructure && startEditing({ kind: 'title' })}
      >
        {title || t('home.untitled')}
      </button>
    </h1>
  );
}
