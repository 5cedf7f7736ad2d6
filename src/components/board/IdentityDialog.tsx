import { useEffect, useRef, useState } from 'react';
import { useT } from '../../hooks/useT';
import { NAME_MAX_LENGTH, PRESENCE_COLORS, type Identity } from '../../sync/presence';
import { Modal } from '../ui/Modal';

export interface IdentityDialogProps {
  initial: Identity;
  onSave(identity: Identity): void;
  onClose?: () => void;
}

/** Asks a person's name and colour once; the browser remembers them. */
export function IdentityDialog({ initial, onSave, onClose }: IdentityDialogProps) {
  const t = useT();
  const [name, setName] = useState(initial.name);
  const [color, setColor] = useState(initial.color);
  const nameInput = useRef<HTMLInputElement>(null);
  // The name offered is a placeholder the person will replace: typing overwrites it.
  useEffect(() => nameInput.current?.select(), []);
  return (
    <Modal title={t('identity.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave({ id: initial.id, name: name.trim().slice(0, NAME_MAX_LENGTH), color });
        }}
      >
        <p className="muted">{t('identity.body')}</p>
        <label className="field">
          <span>{t('identity.name')}</span>
          <input
            ref={nameInput}
            value={name}
            maxLength={NAME_MAX_LENGTH}
            required
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
        </label>
        <fieldset className="field">
          <legend>{t('identity.color')}</legend>
          <div className="color-choices">
            {PRESENCE_COLORS.map((c) => (
              <label key={c} className="color-choice" style={{ background: c }}>
                <input type="radio" name="color" value={c} checked={color === c} onChange={() => setColor(c)} aria-label={c} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="modal__actions">
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            {t('identity.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
