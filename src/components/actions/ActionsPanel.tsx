import { useEffect, useId, useRef, useState } from 'react';
import { addAction } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useT } from '../../hooks/useT';
import { actionsCsv } from '../../model/actionsCsv';
import { csvDelimiterFor } from '../../model/csv';
import { TEXT_LIMITS } from '../../model/limits';
import { slugify } from '../../model/text';
import { useUiStore } from '../../store';
import { ActionEditor } from './ActionEditor';
import { ActionList } from './ActionList';
import { ActionMatrix } from './ActionMatrix';
import { ActionMatrixDialog } from './ActionMatrixDialog';
import { actionCsvLabels } from './actionText';
import { downloadFile } from '../../export/downloadFile';
import './actions.css';

type View = 'matrix' | 'list';
type Scope = 'journey' | 'board';

/**
 * The priority actions, the workshop's output: added by title, placed on the impact / effort
 * matrix or read as a ranked list, edited one at a time, exported as CSV.
 */
export function ActionsPanel() {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const journey = useCurrentJourney();
  const locale = useUiStore((s) => s.locale);
  const [view, setView] = useState<View>('matrix');
  const [scope, setScope] = useState<Scope>('journey');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [enlarged, setEnlarged] = useState(false);
  const [title, setTitle] = useState('');
  const uid = useId();
  const list = useRef<HTMLDivElement>(null);
  const lastEdited = useRef<string | null>(null);
  // Back from the editor, focus returns to the card it was opened from.
  useEffect(() => {
    if (editingId || !lastEdited.current) return;
    const card = list.current?.querySelector<HTMLElement>(`[data-action-id="${lastEdited.current}"] .action-card__title`);
    // A deleted action has no card left: the field to add one is the next best place.
    (card ?? list.current?.querySelector<HTMLElement>('input'))?.focus();
    lastEdited.current = null;
  }, [editingId]);
  const edit = (id: string) => {
    lastEdited.current = id;
    setEditingId(id);
  };

  const editing = board.actions.find((a) => a.id === editingId);
  if (editing) return <ActionEditor action={editing} currentJourneyId={journey?.id ?? null} onClose={() => setEditingId(null)} />;

  // "This journey" also shows the actions not tied to any journey: they concern every one.
  const actions =
    scope === 'board' || !journey ? board.actions : board.actions.filter((a) => a.journeyId === journey.id || a.journeyId === null);
  const add = () => {
    if (!title.trim()) return;
    addAction(doc, { title: title.trim(), journeyId: journey?.id ?? null });
    setTitle('');
  };
  const exportCsv = () => {
    const csv = actionsCsv(actions, board, actionCsvLabels(t), csvDelimiterFor(locale));
    downloadFile(csv, `${slugify(board.meta.title)}-${slugify(t('panel.actions.fileName'), 'actions')}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <div ref={list} className="panel-section-list">
      <form
        className="panel-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${uid}-title`} className="commit-field__label">
          {t('panel.actions.newLabel')}
        </label>
        <div className="panel-row">
          <input
            id={`${uid}-title`}
            className="commit-field__control panel-row__grow"
            value={title}
            maxLength={TEXT_LIMITS.actionTitle}
            placeholder={t('panel.actions.newPlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={!title.trim()}>
            <span aria-hidden="true">+</span> {t('panel.actions.add')}
          </button>
        </div>
      </form>
      <div className="panel-row panel-row--wrap">
        <div className="segmented" role="group" aria-label={t('panel.actions.view')}>
          {(['matrix', 'list'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`segmented__option${view === v ? ' segmented__option--on' : ''}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(v === 'matrix' ? 'panel.actions.viewMatrix' : 'panel.actions.viewList')}
            </button>
          ))}
        </div>
        <label className="panel-inline-select">
          <span className="visually-hidden">{t('panel.actions.scope')}</span>
          <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="journey">{t('panel.actions.scopeJourney')}</option>
            <option value="board">{t('panel.actions.scopeBoard')}</option>
          </select>
        </label>
        <button type="button" className="button button--small" disabled={!actions.length} onClick={exportCsv}>
          <span aria-hidden="true">⬇</span> {t('panel.actions.export')}
        </button>
        {view === 'matrix' && actions.length > 0 && (
          <button type="button" className="button button--small" onClick={() => setEnlarged(true)}>
            <span aria-hidden="true">⤢</span> {t('panel.actions.expand')}
          </button>
        )}
      </div>
      {actions.length === 0 ? (
        <p className="panel-empty">{t('panel.actions.empty')}</p>
      ) : view === 'matrix' ? (
        <ActionMatrix actions={actions} onEdit={edit} />
      ) : (
        <ActionList actions={actions} onEdit={edit} />
      )}
      {enlarged && (
        <ActionMatrixDialog
          actions={actions}
          onEdit={(id) => {
            setEnlarged(false);
            edit(id);
          }}
          onClose={() => setEnlarged(false)}
        />
      )}
    </div>
  );
}
