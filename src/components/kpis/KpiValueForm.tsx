import { useId, useState } from 'react';
import { useT } from '../../hooks/useT';
import { dayOf, isDay, parseNumber } from '../../model/kpi';

/** Adds a dated value to a KPI (today by default). `onAdd` resolves true once the relay has it. */
export function KpiValueForm({ onAdd }: { onAdd: (date: string, value: number) => Promise<boolean> }) {
  const t = useT();
  const uid = useId();
  const [date, setDate] = useState(() => dayOf(Date.now()));
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<'value' | 'date' | null>(null);
  const submit = async () => {
    const value = parseNumber(text);
    if (!isDay(date)) return setProblem('date');
    if (value === null) return setProblem('value');
    setProblem(null);
    if (await onAdd(date, value)) setText('');
  };
  return (
    <form
      className="kpi-add"
      aria-labelledby={`${uid}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${uid}-title`} className="panel-section__title">
        {t('kpi.add.title')}
      </h3>
      <label>
        {t('kpi.add.date')}
        <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} aria-invalid={problem === 'date' || undefined} />
      </label>
      <label>
        {t('kpi.add.value')}
        <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={problem === 'value' || undefined} />
      </label>
      <button type="submit" className="button button--small button--primary">
        {t('kpi.add.submit')}
      </button>
      {problem && (
        <p className="kpi-error" role="alert">
          {t(problem === 'date' ? 'kpi.add.invalidDate' : 'kpi.add.invalidValue')}
        </p>
      )}
    </form>
  );
}
