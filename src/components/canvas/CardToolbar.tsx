import { MessageSquare, Pencil, Star, Trash2, Zap, type LucideIcon } from 'lucide-react';
import type { OfferedAction } from '../../hooks/useTouchpointActions';
import { useT } from '../../hooks/useT';
import type { ActionIcon } from '../../model/touchpointActions';
import { EVALUATION_STYLE } from './evaluationStyle';
import { keyLabel } from './keyLabel';

/** The icon set's drawing for each toolbar icon (evaluations keep their symbols, which render everywhere). */
const ICONS: Record<Exclude<ActionIcon, 'evaluation'>, LucideIcon> = {
  moment: Star,
  painPoint: Zap,
  comment: MessageSquare,
  edit: Pencil,
  delete: Trash2,
};

/**
 * The buttons above a selected card: one per action of the table that has a button and that
 * this person is offered, labelled and keyed as the shortcuts dialog lists them.
 */
export function CardToolbar({ actions }: { actions: readonly OfferedAction[] }) {
  const t = useT();
  const shown = actions.filter(({ action }) => action.button);
  if (shown.length === 0) return null;
  return (
    <div className="touchpoint__toolbar nodrag export-exclude" role="toolbar" aria-label={t('touchpoint.actions')}>
      {shown.map(({ action, run, pressed }) => {
        const button = action.button!;
        const label = t(`tpAction.${action.name}`);
        const key = action.keys[0];
        return (
          <button
            key={action.name}
            type="button"
            className={button.swatch ? `swatch swatch--${button.swatch}` : `icon-button${button.danger ? ' icon-button--danger' : ''}`}
            aria-pressed={action.pressed ? pressed : undefined}
            aria-label={label}
            title={key ? `${label} (${keyLabel(key, t)})` : label}
            onClick={run}
          >
            <ToolbarIcon icon={button.icon} swatch={button.swatch} />
          </button>
        );
      })}
    </div>
  );
}

function ToolbarIcon({ icon, swatch }: { icon: ActionIcon; swatch: keyof typeof EVALUATION_STYLE | undefined }) {
  if (icon === 'evaluation') return <span aria-hidden="true">{EVALUATION_STYLE[swatch ?? 'none'].icon}</span>;
  const Icon = ICONS[icon];
  return <Icon className="icon" size={15} aria-hidden="true" />;
}
