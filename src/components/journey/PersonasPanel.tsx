import { useId, useRef, useState } from 'react';
import { addPersona } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useT } from '../../hooks/useT';
import { TEXT_LIMITS } from '../../model/limits';
import { PersonaCard } from './PersonaCard';

/** The board's personas: add one by name, then fill in its card; each journey follows one. */
export function PersonasPanel() {
  const t = useT();
  const { doc } = useBoardSession();
  const { personas, journeys } = useBoard();
  const journey = useCurrentJourney();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const add = () => {
    if (!name.trim()) return;
    setEditingId(addPersona(doc, { name: name.trim() }));
    setName('');
  };
  return (
    <div className="panel-section-list">
      <p className={personas.length ? 'panel-hint' : 'panel-empty'}>
        {t(personas.length ? 'panel.personas.intro' : 'panel.personas.empty')}
      </p>
      {personas.length > 0 && (
        <ul className="panel-cards" aria-label={t('panel.tab.personas')}>
          {personas.map((p) => (
            <li key={p.id}>
              <PersonaCard
                persona={p}
                usedBy={journeys.filter((j) => j.personaId === p.id)}
                journey={journey}
                editing={editingId === p.id}
                onEditingChange={(on) => setEditingId(on ? p.id : null)}
                onDeleted={() => input.current?.focus()}
              />
            </li>
          ))}
        </ul>
      )}
      <form
        className="panel-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={inputId} className="commit-field__label">
          {t('panel.personas.newLabel')}
        </label>
        <div className="panel-row">
          <input
            ref={input}
            id={inputId}
            className="commit-field__control panel-row__grow"
            value={name}
            maxLength={TEXT_LIMITS.personaName}
            placeholder={t('panel.personas.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            <span aria-hidden="true">+</span> {t('panel.personas.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
