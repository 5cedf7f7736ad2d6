import { useId } from 'react';
import { setFraming, updateJourney } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import type { Framing, JourneyKind } from '../../model/types';
import { FRAMING_FIELDS } from '../../model/types';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { CommitField } from '../ui/CommitField';

const FIELD_TEXT: Record<keyof Framing, { label: MessageKey; placeholder: MessageKey; multiline: boolean }> = {
  objective: { label: 'panel.framing.objective', placeholder: 'panel.framing.objectivePlaceholder', multiline: true },
  perimeter: { label: 'panel.framing.perimeter', placeholder: 'panel.framing.perimeterPlaceholder', multiline: true },
  segment: { label: 'panel.framing.segment', placeholder: 'panel.framing.segmentPlaceholder', multiline: false },
  horizon: { label: 'panel.framing.horizon', placeholder: 'panel.framing.horizonPlaceholder', multiline: false },
  stakeholders: { label: 'panel.framing.stakeholders', placeholder: 'panel.framing.stakeholdersPlaceholder', multiline: true },
};

const KINDS: JourneyKind[] = ['existing', 'target'];

/** The framing card (cadrage) of the journey on screen, with its name, kind and persona. */
export function FramingPanel() {
  const t = useT();
  const { doc, boardId } = useBoardSession();
  const { personas } = useBoard();
  const journey = useCurrentJourney();
  const openPanel = useUiStore((s) => s.openPanel);
  const stageId = useUiStore((s) => s.panelStageId);
  const uid = useId();
  if (!journey) return <p className="panel-empty">{t('panel.noJourney')}</p>;
  return (
    <div className="panel-section-list">
      <section className="panel-section" aria-labelledby={`${uid}-journey`}>
        <h2 id={`${uid}-journey`} className="panel-section__title">
          {t('panel.framing.journey')}
        </h2>
        <CommitField
          key={`name-${journey.id}`}
          label={t('panel.framing.name')}
          value={journey.name}
          maxLength={TEXT_LIMITS.journeyName}
          onCommit={(name) => updateJourney(doc, journey.id, { name })}
        />
        <fieldset className="commit-field segmented">
          <legend className="commit-field__label">{t('panel.framing.kind')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className={`segmented__option${journey.kind === kind ? ' segmented__option--on' : ''}`}>
              <input
                type="radio"
                name={`${uid}-kind`}
                value={kind}
                checked={journey.kind === kind}
                onChange={() => updateJourney(doc, journey.id, { kind })}
              />
              {t(kind === 'existing' ? 'panel.framing.kindExisting' : 'panel.framing.kindTarget')}
            </label>
          ))}
        </fieldset>
        <div className="commit-field">
          <label htmlFor={uid} className="commit-field__label">
            {t('panel.framing.persona')}
          </label>
          <div className="panel-row">
            <select
              id={uid}
              className="commit-field__control"
              value={journey.personaId && personas.some((p) => p.id === journey.personaId) ? journey.personaId : ''}
              onChange={(e) => updateJourney(doc, journey.id, { personaId: e.target.value || null })}
            >
              <option value="">{t('panel.framing.personaNone')}</option>
              {personas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name || t('panel.personas.unnamed')}
                  {p.role ? ` — ${p.role}` : ''}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small" onClick={() => openPanel('personas', stageId ?? undefined)}>
              {t('panel.framing.managePersonas')}
            </button>
          </div>
        </div>
      </section>
      <section className="panel-section" aria-labelledby={`${uid}-card`}>
        <h2 id={`${uid}-card`} className="panel-section__title">
          {t('panel.framing.card')}
        </h2>
        <p className="panel-hint">{t('panel.framing.hint')}</p>
        {FRAMING_FIELDS.map((field) => {
          const text = FIELD_TEXT[field];
          return (
            <CommitField
              key={`${field}-${journey.id}`}
              label={t(text.label)}
              placeholder={t(text.placeholder)}
              multiline={text.multiline}
              maxLength={TEXT_LIMITS.framingField}
              value={journey.framing[field]}
              onCommit={(value) => setFraming(doc, journey.id, field, value)}
              keepDraft={{ boardId, target: { kind: 'framing', journeyId: journey.id, field } }}
            />
          );
        })}
      </section>
    </div>
  );
}
