import { updateAction } from '../../doc/commands';
import { useBoard } from '../../hooks/useBoard';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import type { Action } from '../../model/types';

/** The KPIs of a journey that an action should move, as a checklist (their ids go in the action's links). */
export function ActionKpiLinks({ action, journeyId }: { action: Action; journeyId: string | null }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const stageName = new Map(board.stages.map((s) => [s.id, s.name]));
  const kpis = board.kpis.filter((k) => k.journeyId === journeyId && k.name.trim());
  if (kpis.length === 0) return null;
  const linked = new Set(action.links);
  const toggle = (id: string, on: boolean) =>
    updateAction(doc, action.id, { links: on ? [...action.links, id] : action.links.filter((l) => l !== id) });
  return (
    <fieldset className="checklist">
      <legend className="commit-field__label">{t('kpi.action.links')}</legend>
      {kpis.map((k) => (
        <label key={k.id} className="checklist__item">
          <input type="checkbox" checked={linked.has(k.id)} onChange={(e) => toggle(k.id, e.target.checked)} />
          <span>
            <span className="checklist__where">{stageName.get(k.stageId) ?? ''}</span> {k.name}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
