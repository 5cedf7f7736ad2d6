import { applyTemplateLanes, initBoard } from '../../doc/commands';
import { sortedJourneys } from '../../doc/read';
import { useApplyPresence } from '../../hooks/useApplyPresence';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { defaultBoard } from '../../model/defaults';
import { useUiStore } from '../../store';

/** What a board with no matrix yet shows: one clear way to start. */
export function EmptyBoard() {
  // Following someone or a facilitator's summon still leads elsewhere from here.
  useApplyPresence();
  const t = useT();
  const { doc } = useBoardSession();
  const locale = useUiStore((s) => s.locale);
  const { canEditStructure } = useCapabilities();
  const start = () => {
    const template = defaultBoard(locale);
    if (initBoard(doc, template)) return;
    const journey = sortedJourneys(doc)[0];
    if (journey) applyTemplateLanes(doc, journey.id, template);
  };
  return (
    <section className="empty-board" aria-labelledby="empty-board-title">
      <h2 id="empty-board-title">{t('board.empty.title')}</h2>
      <p>{t('board.empty.body')}</p>
      {canEditStructure && (
        <button type="button" className="button button--primary" onClick={start}>
          {t('board.empty.useDefault')}
        </button>
      )}
    </section>
  );
}
