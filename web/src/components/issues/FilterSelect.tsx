import { SelectField } from '../SelectField';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A single select over a multi-value filter: presets cover the common combinations, and a combination that
 * only came in through the URL (e.g. from a dashboard link) still shows as its own choice.
 */
export function FilterSelect({
  label,
  anyLabel,
  options,
  values,
  onChange,
}: {
  label: string;
  anyLabel: string;
  options: SelectOption[];
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const current = values.join(',');
  const known = current === '' || options.some((option) => option.value === current);
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  return (
    <SelectField label={label}>
      <select
        value={current}
        onChange={(event) => onChange(event.target.value ? event.target.value.split(',') : [])}
      >
        <option value="">{anyLabel}</option>
        {!known && <option value={current}>{values.map(labelOf).join(', ')}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </SelectField>
  );
}
