import type { OfferedAction } from '../../hooks/useTouchpointActions';
import { useT } from '../../hooks/useT';
import { keyLabel } from './keyLabel';

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
            <span aria-hidden="true">{button.icon}</span>
          </button>
        );
      })}
    </div>
  );
}
