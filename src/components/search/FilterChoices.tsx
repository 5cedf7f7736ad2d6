export interface FilterOption<V> {
  value: V;
  label: string;
}

/** One criterion of the filters: a box per choice, any ticked choice letting a card through. */
export function FilterChoices<V extends string | number>({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly FilterOption<V>[];
  chosen: readonly V[];
  onChange(next: V[]): void;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="filter-panel__group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="filter-panel__choice">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
