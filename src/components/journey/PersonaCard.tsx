import { Trash2 } from 'lucide-react';
import { useRef } from 'react';
import { deletePersona, updateJourney, updatePersona, type PersonaFields } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { avatarColour, avatarText } from '../../model/personaAvatar';
import type { Journey, Persona } from '../../model/types';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { CommitField } from '../ui/CommitField';

export interface PersonaCardProps {
  persona: Persona;
  /** The journeys that follow this persona. */
  usedBy: Journey[];
  /** The journey on screen, which the persona can be given to. */
  journey: Journey | null;
  editing: boolean;
  onEditingChange(editing: boolean): void;
  /** After the persona is deleted, where focus should go (its card is gone). */
  onDeleted(): void;
}

type TextField = Exclude<keyof PersonaFields, 'name' | 'role' | 'avatar'>;
const LONG_FIELDS: [TextField, MessageKey, MessageKey][] = [
  ['description', 'panel.personas.description', 'panel.personas.descriptionPlaceholder'],
  ['goals', 'panel.personas.goals', 'panel.personas.goalsPlaceholder'],
  ['frustrations', 'panel.personas.frustrations', 'panel.personas.frustrationsPlaceholder'],
];

/** One persona: a compact card, or its form while being edited. */
export function PersonaCard({ persona, usedBy, journey, editing, onEditingChange, onDeleted }: PersonaCardProps) {
  const t = useT();
  const { doc } = useBoardSession();
  const askConfirm = useUiStore((s) => s.askConfirm);
  const editButton = useRef<HTMLButtonElement>(null);
  const finish = () => {
    onEditingChange(false);
    // The form (and the focused "done" button) goes away; focus stays on this card.
    editButton.current?.focus();
  };
  const name = persona.name || t('panel.personas.unnamed');
  const save = (patch: Partial<PersonaFields>) => updatePersona(doc, persona.id, patch);
  const journeys = usedBy.map((j) => t('panel.quoted', { text: j.name })).join(', ');
  const remove = () =>
    askConfirm({
      message: usedBy.length ? t('panel.personas.confirmDeleteUsed', { name, journeys }) : t('panel.personas.confirmDelete', { name }),
      onConfirm: () => {
        deletePersona(doc, persona.id);
        onDeleted();
      },
    });
  const isCurrentPersona = journey !== null && journey.personaId === persona.id;
  return (
    <article className={`persona-card${editing ? ' persona-card--editing' : ''}`} aria-label={t('panel.personas.card', { name })}>
      <div className="persona-card__head">
        <span className="persona-avatar" style={{ background: avatarColour(persona.id) }} aria-hidden="true">
          {avatarText(persona)}
        </span>
        <div className="persona-card__who">
          <h3 className="persona-card__name">{name}</h3>
          {persona.role && <p className="persona-card__role">{persona.role}</p>}
        </div>
        <div className="persona-card__tools">
          <button
            ref={editButton}
            type="button"
            className="icon-button"
            aria-pressed={editing}
            aria-label={t('panel.personas.edit', { name })}
            title={t('panel.personas.edit', { name })}
            onClick={() => onEditingChange(!editing)}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={t('panel.personas.delete', { name })}
            title={t('panel.personas.delete', { name })}
            onClick={remove}
          >
            <Trash2 className="icon" size={15} aria-hidden="true" />
          </button>
        </div>
      </div>
      {editing ? (
        <div className="persona-card__form">
          <CommitField
            label={t('panel.personas.name')}
            value={persona.name}
            maxLength={TEXT_LIMITS.personaName}
            placeholder={t('panel.personas.namePlaceholder')}
            onCommit={(v) => v.trim() && save({ name: v.trim() })}
            autoFocus={!persona.role}
          />
          <div className="panel-row">
            <CommitField
              className="panel-row__grow"
              label={t('panel.personas.role')}
              value={persona.role}
              maxLength={TEXT_LIMITS.personaRole}
              placeholder={t('panel.personas.rolePlaceholder')}
              onCommit={(v) => save({ role: v.trim() })}
            />
            <CommitField
              className="persona-card__avatar-field"
              label={t('panel.personas.avatar')}
              value={persona.avatar}
              maxLength={TEXT_LIMITS.personaAvatar}
              placeholder="🙂"
              onCommit={(v) => save({ avatar: v.trim() })}
            />
          </div>
          {LONG_FIELDS.map(([field, label, placeholder]) => (
            <CommitField
              key={field}
              label={t(label)}
              value={persona[field]}
              multiline
              maxLength={TEXT_LIMITS.personaText}
              placeholder={t(placeholder)}
              onCommit={(v) => save({ [field]: v })}
            />
          ))}
          <div className="panel-actions">
            <button type="button" className="button button--small button--primary" onClick={finish}>
              {t('panel.personas.done')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {persona.description && <p className="persona-card__text">{persona.description}</p>}
          {LONG_FIELDS.slice(1).map(
            ([field, label]) =>
              persona[field] && (
                <div key={field} className="persona-card__detail">
                  <h4>{t(label)}</h4>
                  <p className="persona-card__text">{persona[field]}</p>
                </div>
              ),
          )}
        </>
      )}
      <div className="persona-card__foot">
        <p className="persona-card__used">{usedBy.length ? t('panel.personas.usedBy', { journeys }) : t('panel.personas.unused')}</p>
        {journey &&
          (isCurrentPersona ? (
            <span className="persona-card__badge">{t('panel.personas.assigned')}</span>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => updateJourney(doc, journey.id, { personaId: persona.id })}
            >
              {t('panel.personas.assign', { journey: journey.name })}
            </button>
          ))}
      </div>
    </article>
  );
}
