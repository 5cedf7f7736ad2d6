import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { useUiStore, type Panel } from '../../store';
import { ActionsPanel } from '../actions/ActionsPanel';
import { FramingPanel } from '../journey/FramingPanel';
import { PersonasPanel } from '../journey/PersonasPanel';
import { StagePanel } from '../journey/StagePanel';
import { CommentsPanel } from '../workshop/CommentsPanel';
import { VersionsPanel } from '../versions/VersionsPanel';
import { WorkshopPanel } from '../workshop/WorkshopPanel';
import './panels.css';

const TAB_LABELS: Record<Panel, MessageKey> = {
  framing: 'panel.tab.framing',
  personas: 'panel.tab.personas',
  actions: 'panel.tab.actions',
  stage: 'panel.tab.stage',
  workshop: 'panel.tab.workshop',
  comments: 'comments.title',
  versions: 'panel.tab.versions',
};

const tabId = (panel: Panel) => `side-panel-tab-${panel}`;
const bodyId = 'side-panel-body';

/**
 * The right-hand panel next to the canvas: framing card, personas, priority actions and, once a
 * stage header asked for it, that stage's owner and KPIs. Closed with its button or Escape.
 */
export function SidePanel() {
  const t = useT();
  const panel = useUiStore((s) => s.panel);
  const stageId = useUiStore((s) => s.panelStageId);
  const openPanel = useUiStore((s) => s.openPanel);
  const { canEdit, canEditStructure } = useCapabilities();
  const tabList = useRef<HTMLDivElement>(null);
  const aside = useRef<HTMLElement>(null);
  const isOpen = panel !== null;

  // Opening moves focus into the panel; closing gives it back to where it came from.
  useEffect(() => {
    if (!isOpen) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!aside.current?.contains(document.activeElement)) tabList.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    return () => {
      if (previous?.isConnected && (document.activeElement === document.body || document.activeElement === null)) previous.focus();
    };
  }, [isOpen]);

  if (!panel) return null;
  const tabs: Panel[] = ['framing', 'personas', 'actions', ...(stageId ? (['stage'] as const) : []), 'workshop', 'comments', 'versions'];
  // Switching tabs keeps the chosen stage, so its tab stays available.
  const show = (next: Panel) => openPanel(next, stageId ?? undefined);
  const close = () => {
    // Leaving the field first saves what is being typed.
    if (document.activeElement instanceof HTMLElement && aside.current?.contains(document.activeElement)) document.activeElement.blur();
    openPanel(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
    // Board shortcuts (N, 1–3, Delete…) act on the canvas, not on the panel's controls; undo and
    // redo still reach the board.
    const mod = e.ctrlKey || e.metaKey;
    if (!(mod && ['z', 'y'].includes(e.key.toLowerCase()))) e.stopPropagation();
  };

  const onTabKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(panel);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length] as Panel;
    show(target);
    document.getElementById(tabId(target))?.focus();
  };

  return (
    <aside ref={aside} className="side-panel" aria-label={t('panel.label')} onKeyDown={onKeyDown}>
      <div className="side-panel__head">
        <div ref={tabList} className="side-panel__tabs" role="tablist" aria-label={t('panel.tabs')}>
          {tabs.map((tab) => (
            <button
              key={tab}
              id={tabId(tab)}
              type="button"
              role="tab"
              className="side-panel__tab"
              aria-selected={tab === panel}
              aria-controls={bodyId}
              tabIndex={tab === panel ? 0 : -1}
              onClick={() => show(tab)}
              onKeyDown={onTabKeyDown}
            >
              {t(TAB_LABELS[tab])}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" onClick={close} aria-label={t('panel.close')} title={`${t('panel.close')} (Esc)`}>
          ✕
        </button>
      </div>
      <div id={bodyId} className="side-panel__body" role="tabpanel" aria-labelledby={tabId(panel)} tabIndex={-1}>
        {/* The structure (framing, personas, stage details) is the facilitator's; actions are everyone's. */}
        <fieldset className="side-panel__fieldset" disabled={!canEditStructure}>
          {panel === 'framing' && <FramingPanel />}
          {panel === 'personas' && <PersonasPanel />}
          {panel === 'stage' && <StagePanel stageId={stageId} />}
        </fieldset>
        <fieldset className="side-panel__fieldset" disabled={!canEdit}>
          {panel === 'actions' && <ActionsPanel />}
        </fieldset>
        {panel === 'workshop' && <WorkshopPanel />}
        {panel === 'comments' && <CommentsPanel />}
        {panel === 'versions' && <VersionsPanel />}
      </div>
    </aside>
  );
}
