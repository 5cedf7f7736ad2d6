import { useT } from '../../hooks/useT';
import { rankActions } from '../../model/actions';
import type { Action } from '../../model/types';
import { ActionCard } from './ActionCard';

export interface ActionListProps {
  actions: Action[];
  onEdit(id: string): void;
}

/** The actions in the order they are worth doing: quick wins first, finished ones last. */
export function ActionList({ actions, onEdit }: ActionListProps) {
  const t = useT();
  return (
    <ol className="action-list" aria-label={t('panel.actions.viewList')}>
      {rankActions(actions).map((a, i) => (
        <li key={a.id}>
          <ActionCard action={a} rank={i + 1} onEdit={() => onEdit(a.id)} />
        </li>
      ))}
    </ol>
  );
}
