import { useId, useRef, useState } from 'react';
import { addKpi, renameLane, setLaneOwner, type KpiFields } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { CommitField } from '../ui/CommitField';
import { KpiRow } from './KpiRow';

/** The KPIs most journey maps track, offered as one-click starting points. */
const SUGGESTIONS: { name: MessageKey; unit: string }[] = [
  { name: 'panel.stage.suggestNps', unit: 'pts' },
  { name: 'panel.stage.suggestCsat', unit: '%' },
  { name: 'panel.stage.suggestCes', unit: '/7' },
  { name: 'panel.stage.suggestConversion', unit: '%' },
];

/** One stage in detail: its name, who owns it and the KPIs that measure it. */
export function StagePanel({ stageId }: { stageId: string | null }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const openPanel = useUiStore((s) => s.openPanel);
  const setKpiDialog = useUiStore((s) => s.setKpiDialog);
  const { canFacilitate } = useCapabilities();
  const [newKpiId, setNewKpiId] = useState<string | null>(null);
  const uid = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const stage = board.stages.find((s) => s.id === stageId);
  if (!stage) return <p className="panel-empty">{t('panel.stage.missing')}</p>;
  const siblings = board.stages.filter((s) => s.journeyId === stage.journeyId);
  const kpis = board.kpis.filter((k) => k.stageId === stage.id);
  const add = (fields: KpiFields) => setNewKpiId(addKpi(doc, stage.journeyId, stage.id, fields));
  return (
    <div className="panel-section-list">
      <div className="commit-field">
        <label htmlFor={`${uid}-stage`} className="commit-field__label">
          {t('panel.stage.choose')}
        </label>
        <select id={`${uid}-stage`} className="commit-field__control" value={stage.id} onChange={(e) => openPanel('stage', e.target.value)}>
          {siblings.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.name}
            </option>
          ))}
        </select>
      </div>
      <section className="panel-section" aria-labelledby={`${uid}-about`}>
        <h2 id={`${uid}-about`} className="panel-section__title">
          {stage.name}
        </h2>
        <CommitField
          key={`name-${stage.id}`}
          label={t('panel.stage.name')}
          value={stage.name}
          maxLength={TEXT_LIMITS.laneName}
          onCommit={(v) => renameLane(doc, 'stages', stage.id, v)}
        />
        <CommitField
          key={`owner-${stage.id}`}
          label={t('panel.stage.owner')}
          value={stage.owner}
          maxLength={TEXT_LIMITS.laneOwner}
          placeholder={t('panel.stage.ownerPlaceholder')}
          onCommit={(v) => setLaneOwner(doc, 'stages', stage.id, v)}
        />
      </section>
      <section className="panel-section" aria-labelledby={`${uid}-kpis`}>
        <h2 id={`${uid}-kpis`} className="panel-section__title">
          {t('panel.stage.kpis')}
        </h2>
        {kpis.length ? (
          <ul className="kpi-list">
            {kpis.map((k) => (
              <KpiRow key={k.id} kpi={k} autoFocus={k.id === newKpiId} onDeleted={() => addButton.current?.focus()} />
            ))}
          </ul>
        ) : (
          <p className="panel-empty">{t('panel.stage.kpisEmpty')}</p>
        )}
        <div className="panel-row panel-row--wrap">
          <button
            ref={addButton}
            type="button"
            className="button button--small button--primary"
            onClick={() => add({ name: '', target: '', unit: '' })}
          >
            <span aria-hidden="true">+</span> {t('panel.stage.kpiAdd')}
          </button>
          {SUGGESTIONS.filter((s) => !kpis.some((k) => k.name.toLowerCase() === t(s.name).toLowerCase())).map((s) => (
            <button
              key={s.name}
              type="button"
              className="chip"
              aria-label={t('panel.stage.suggest', { name: t(s.name) })}
              onClick={() => add({ name: t(s.name), target: '', unit: s.unit })}
            >
              <span aria-hidden="true">+</span> {t(s.name)}
            </button>
          ))}
        </div>
        {canFacilitate && (
          <div className="panel-row panel-row--wrap">
            <button type="button" className="button button--small" onClick={() => setKpiDialog({ kind: 'import' })}>
              {t('kpi.import.open')}
            </button>
            <button type="button" className="button button--small" onClick={() => setKpiDialog({ kind: 'crm' })}>
              {t('kpi.crm.open')}
            </button>
            <button type="button" className="button button--small" onClick={() => setKpiDialog({ kind: 'feeds' })}>
              {t('kpi.feeds.open')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
