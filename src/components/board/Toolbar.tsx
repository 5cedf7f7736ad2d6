import { useReactFlow } from '@xyflow/react';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { boardShortcut, type BoardShortcutName } from '../../model/boardShortcuts';
import { useUiStore, type Panel } from '../../store';
import { keysLabel } from '../canvas/keyLabel';
import { CommentsToolbarButton } from '../workshop/CommentsToolbarButton';
import { SearchButtons } from '../search/SearchButtons';
import { PresentButton } from '../presentation/PresentButton';
import { IndicatorsButton } from '../kpis/IndicatorsButton';
import { UndoButtons } from './UndoButtons';

/** The side panels the toolbar opens: name, label, longer description. */
const SIDE_PANELS: [Panel, MessageKey, MessageKey][] = [
  ['framing', 'panel.tab.framing', 'panel.open.framing'],
  ['personas', 'panel.tab.personas', 'panel.open.personas'],
  ['actions', 'panel.tab.actions', 'panel.open.actions'],
  ['workshop', 'panel.tab.workshop', 'panel.open.workshop'],
  ['versions', 'panel.tab.versions', 'panel.open.versions'],
];

/** The tools for working on the map: add a touchpoint, undo/redo, fit, and the side panels. */
export function Toolbar() {
  const t = useT();
  const keys = (name: BoardShortcutName) => keysLabel(boardShortcut(name).keys, t);
  const { canEdit } = useCapabilities();
  const tool = useUiStore((s) => s.tool);
  const setTool = useUiStore((s) => s.setTool);
  const panel = useUiStore((s) => s.panel);
  const openPanel = useUiStore((s) => s.openPanel);
  const { fitView } = useReactFlow();
  const adding = tool === 'addTouchpoint';
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {canEdit && (
        <>
          <button
            type="button"
            className={`button${adding ? ' button--active' : ''}`}
            aria-pressed={adding}
            onClick={() => setTool(adding ? 'select' : 'addTouchpoint')}
            title={`${t('toolbar.addTouchpoint')} (${keys('add')})`}
          >
            <span aria-hidden="true">+</span> {t('toolbar.addTouchpoint')}
          </button>
          <span className="toolbar__sep" />
          <UndoButtons />
        </>
      )}
      <button
        type="button"
        className="icon-button"
        onClick={() => void fitView({ padding: 0.08, duration: 300 })}
        aria-label={t('toolbar.fitView')}
        title={t('toolbar.fitView')}
      >
        ⤢
      </button>
      <SearchButtons />
      <span className="toolbar__sep" />
      {SIDE_PANELS.map(([name, label, hint]) => (
        <button
          key={name}
          type="button"
          className={`button${panel === name ? ' button--active' : ''}`}
          aria-pressed={panel === name}
          title={t(hint)}
          onClick={() => openPanel(panel === name ? null : name)}
        >
          {t(label)}
        </button>
      ))}
      <CommentsToolbarButton />
      <IndicatorsButton />
      <PresentButton />
      {canEdit && adding && (
        <span className="toolbar__hint" role="status">
          {t('toolbar.addTouchpointHint')}
        </span>
      )}
    </div>
  );
}
