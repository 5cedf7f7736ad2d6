import { useT } from '../../hooks/useT';
import { BOARD_SHORTCUTS } from '../../model/boardShortcuts';
import { TOUCHPOINT_ACTIONS } from '../../model/touchpointActions';
import { useUiStore } from '../../store';
import { keysLabel } from '../canvas/keyLabel';
import { Modal } from '../ui/Modal';

/** Every keyboard shortcut (opened with « ? »), read from the same tables the keys run from. */
export function ShortcutsDialog() {
  const t = useT();
  const open = useUiStore((s) => s.shortcutsOpen);
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  if (!open) return null;
  return (
    <Modal title={t('shortcuts.title')} onClose={() => setOpen(false)}>
      <div className="shortcuts">
        <table className="shortcuts__table">
          <caption>{t('shortcuts.board')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.keys')}</th>
              <th scope="col">{t('shortcuts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {BOARD_SHORTCUTS.map((s) => (
              <tr key={s.name}>
                <th scope="row">
                  <kbd>{keysLabel(s.keys, t)}</kbd>
                </th>
                <td>{t(`shortcuts.${s.name}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="shortcuts__table">
          <caption>{t('shortcuts.card')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.keys')}</th>
              <th scope="col">{t('shortcuts.action')}</th>
              <th scope="col">{t('shortcuts.when')}</th>
            </tr>
          </thead>
          <tbody>
            {TOUCHPOINT_ACTIONS.map((a) => (
              <tr key={a.name}>
                <th scope="row">
                  <kbd>{keysLabel(a.keys, t)}</kbd>
                </th>
                <td>{t(`tpAction.${a.name}.does`)}</td>
                <td>{t(`tpAction.when.${a.when}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}
