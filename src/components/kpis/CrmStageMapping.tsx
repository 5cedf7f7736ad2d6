import { useId } from 'react';
import { useT } from '../../hooks/useT';
import type { StageMapping } from '../../model/crmPipeline';
import type { Stage } from '../../model/types';

/** For each stage name of the CRM, the journey stage it stands for (or none). */
export function CrmStageMapping({
  names,
  stages,
  mapping,
  onChange,
}: {
  names: string[];
  stages: Stage[];
  mapping: StageMapping;
  onChange(m: StageMapping): void;
}) {
  const t = useT();
  const uid = useId();
  return (
    <fieldset className="kpi-import__mapping kpi-crm__mapping">
      <legend>{t('kpi.crm.mapping')}</legend>
      {names.map((name, i) => (
        <label key={name} htmlFor={`${uid}-${i}`}>
          {name}
          <select
            id={`${uid}-${i}`}
            value={mapping[name] ?? ''}
            onChange={(e) => {
              const next = { ...mapping };
              if (e.target.value) next[name] = e.target.value;
              else delete next[name];
              onChange(next);
            }}
          >
            <option value="">{t('kpi.crm.ignore')}</option>
            {stages.map((s, n) => (
              <option key={s.id} value={s.id}>
                {n + 1}. {s.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      <p className="panel-empty">{t('kpi.crm.mappingNote')}</p>
    </fieldset>
  );
}
