import { useState } from 'react';
import { addJourneyFromTemplate } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { openJourney } from '../../sync/route';
import { useT } from '../../hooks/useT';
import { journeyTemplate, TEMPLATE_IDS, type TemplateId } from '../../model/templates';
import type { JourneyKind } from '../../model/types';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { Modal } from '../ui/Modal';

/** Creates a journey from a template (blank, e-commerce, SaaS, sales pipeline). */
export function NewJourneyDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const locale = useUiStore((s) => s.locale);
  const [name, setName] = useState(() => t('journeys.defaultName', { n: board.journeys.length + 1 }));
  const [kind, setKind] = useState<JourneyKind>('existing');
  const [personaId, setPersonaId] = useState('');
  const [template, setTemplate] = useState<TemplateId>('ecommerce');
  return (
    <Modal title={t('journeys.newTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          const id = addJourneyFromTemplate(doc, { name, kind, personaId: personaId || null }, journeyTemplate(template, locale));
          onClose();
          openJourney(id);
        }}
      >
        <label className="field">
          <span>{t('journeys.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={TEXT_LIMITS.journeyName} data-autofocus />
        </label>
        <label className="field">
          <span>{t('journeys.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as JourneyKind)}>
            <option value="existing">{t('journeys.kind.existing')}</option>
            <option value="target">{t('journeys.kind.target')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('journeys.persona')}</span>
          <select value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
            <option value="">{t('journeys.noPersona')}</option>
            {board.personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t('journeys.template')}</legend>
          {TEMPLATE_IDS.map((id) => (
            <label key={id} className="radio">
              <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />{' '}
              {t(`template.${id}`)}
            </label>
          ))}
          <p className="muted">{t('template.exampleNote')}</p>
        </fieldset>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('journeys.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('journeys.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
