import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { useUiStore } from '../../store';
import { Modal } from '../ui/Modal';

const SHORTCUTS: [string, MessageKey][] = [
  ['Ctrl/⌘ + Z', 'shortcuts.undo'],
  ['Ctrl/⌘ + Shift + Z', 'shortcuts.redo'],
  ['N', 'shortcuts.add'],
  ['Enter', 'shortcuts.edit'],
  ['1 · 2 · 3', 'shortcuts.evaluate'],
  ['Delete', 'shortcuts.delete'],
  ['Alt + ↑ / ↓', 'shortcuts.move'],
  ['Esc', 'shortcuts.escape'],
];

/** The list of keyboard shortcuts (opened with "?"). */
export function ShortcutsDialog() {
  const t = useT();
  const open = useUiStore((s) => s.shortcutsOpen);
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  if (!open) return null;
  return (
    <Modal title={t('shortcuts.title')} onClose={() => setOpen(false)}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label} className="shortcuts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <div className="modal__actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}
