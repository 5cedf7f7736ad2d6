import { useId } from 'react';
import { useT } from '../../hooks/useT';
import type { TouchpointImportPlan } from '../../model/touchpointCsv';

const LISTED_CHANGES = 50;

/**
 * The rows of a CSV that stand for cards already on the journey (a file exported from it, edited
 * and brought back): they are never added twice; those that differ from their card are listed,
 * with the choice of updating the cards or leaving them as they are.
 */
export function CsvExistingCards({ plan, update, onUpdateChange }: { plan: TouchpointImportPlan; update: boolean; onUpdateChange(update: boolean): void }) {
  const t = useT();
  const name = useId();
  const matched = plan.update.length + plan.unchanged.length;
  if (matched === 0) return null;
  return (
    <>
      <p>{t.plural('csv.existing', matched)}</p>
      {plan.update.length > 0 && (
        <fieldset className="import-existing">
          <legend>{t.plural('csv.changes', plan.update.length)}</legend>
          <ul aria-label={t.plural('csv.changes', plan.update.length)}>
            {plan.update.slice(0, LISTED_CHANGES).map((u) => (
              <li key={u.row.line}>
                {t('csv.changeLine', { line: u.row.line, text: u.row.text, changes: t.list(u.changes.map((c) => t(`csv.change.${c}`))) })}
              </li>
            ))}
          </ul>
          {plan.update.length > LISTED_CHANGES && <p className="muted">{t.plural('csv.more', plan.update.length - LISTED_CHANGES)}</p>}
          <div>
            <label className="form-check">
              <input type="radio" name={name} checked={update} onChange={() => onUpdateChange(true)} />
              {t('csv.updateExisting')}
            </label>
          </div>
          <div>
            <label className="form-check">
              <input type="radio" name={name} checked={!update} onChange={() => onUpdateChange(false)} />
              {t('csv.skipExisting')}
            </label>
          </div>
        </fieldset>
      )}
    </>
  );
}
