import { useId, useState, useSyncExternalStore } from 'react';
import { useReactFlow } from '@xyflow/react';
import { deleteView, moveView, renameView, saveView } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useFilters } from '../../hooks/useFilters';
import { useT } from '../../hooks/useT';
import { TEXT_LIMITS } from '../../model/limits';
import { rectOfViewport } from '../../model/views';
import { useUiStore } from '../../store';
import { InlineNameEditor } from '../ui/InlineNameEditor';
import { Modal } from '../ui/Modal';

/** The rectangle of the map the canvas shows now, in flow coordinates. */
function shownRect(flow: ReturnType<typeof useReactFlow>) {
  const pane = document.querySelector<HTMLElement>('.react-flow');
  return rectOfViewport(flow.getViewport(), pane?.clientWidth ?? window.innerWidth, pane?.clientHeight ?? window.innerHeight);
}

/** The saved views of the board: save the one on screen, rename, reorder, delete, present them in order. */
export function ViewsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const uid = useId();
  const flow = useReactFlow();
  const { doc, reader } = useBoardSession();
  const { canEditStructure } = useCapabilities();
  const journey = useCurrentJourney();
  const { filters } = useFilters();
  const views = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().views);
  const journeys = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().journeys);
  const askConfirm = useUiStore((s) => s.askConfirm);
  const start = useUiStore((s) => s.startPresentation);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const alive = new Set(journeys.map((j) => j.id));

  const save = () => {
    if (!journey) return;
    const chosen = name.trim() || t('views.defaultName', { index: views.length + 1 });
    saveView(doc, { name: chosen, journeyId: journey.id, rect: shownRect(flow), filters });
    setName('');
    setSaved(chosen);
  };

  return (
    <Modal title={t('views.title')} onClose={onClose}>
      <form
        className="views__save"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor={`${uid}-name`} className="commit-field__label">
          {t('views.nameLabel')}
        </label>
        <div className="views__save-row">
          <input
            id={`${uid}-name`}
            className="commit-field__control"
            value={name}
            maxLength={TEXT_LIMITS.viewName}
            placeholder={t('views.defaultName', { index: views.length + 1 })}
            onChange={(e) => setName(e.target.value)}
            disabled={!canEditStructure || !journey}
          />
          <button type="submit" className="button button--primary" disabled={!canEditStructure || !journey}>
            {t('views.save')}
          </button>
        </div>
        {saved && (
          <p className="views__saved" role="status">
            {t('views.saved', { name: saved })}
          </p>
        )}
      </form>
      {views.length === 0 ? (
        <p className="views__empty muted">{t('views.empty')}</p>
      ) : (
        <ol className="views__list" aria-label={t('views.title')}>
          {views.map((v, i) => (
            <li key={v.id} className="views__item">
              {renaming === v.id ? (
                <InlineNameEditor
                  value={v.name}
                  label={t('views.renameLabel', { name: v.name })}
                  maxLength={TEXT_LIMITS.viewName}
                  onCommit={(next) => {
                    renameView(doc, v.id, next);
                    setRenaming(null);
                  }}
                  onCancel={() => setRenaming(null)}
                />
              ) : (
                <span className="views__name">
                  {v.name}
                  {!alive.has(v.journeyId) && <span className="views__gone"> ({t('views.journeyGone')})</span>}
                </span>
              )}
              {canEditStructure && (
                <span className="views__tools">
                  <button
                    type="button"
                    className="button"
                    onClick={() => setRenaming(v.id)}
                    aria-label={t('views.rename', { name: v.name })}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={i === 0}
                    onClick={() => moveView(doc, v.id, i - 1)}
                    aria-label={t('views.moveUp', { name: v.name })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={i === views.length - 1}
                    onClick={() => moveView(doc, v.id, i + 1)}
                    aria-label={t('views.moveDown', { name: v.name })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() =>
                      askConfirm({ message: t('views.confirmDelete', { name: v.name }), onConfirm: () => deleteView(doc, v.id) })
                    }
                    aria-label={t('views.delete', { name: v.name })}
                  >
                    ✕
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('views.close')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={views.length === 0}
          onClick={() => {
            onClose();
            start('leading', true);
          }}
        >
          ▶ {t('views.present')}
        </button>
      </div>
    </Modal>
  );
}
