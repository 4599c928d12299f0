import type { ReactNode } from 'react';

/** One choice of a group: its value, what is shown, and the language the label is written in (if not the page's). */
export interface RadioChoice<V extends string> {
  value: V;
  label: ReactNode;
  lang?: string;
}

/** A fieldset of radio buttons (paper size, report language); `name` is the group's form name and test id. */
export function RadioChoices<V extends string>({ name, legend, choices, value, onChange, disabled }: { name: string; legend: string; choices: readonly RadioChoice<V>[]; value: V; onChange: (value: V) => void; disabled: boolean }) {
  return (
    <fieldset disabled={disabled} data-testid={name}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="export-choice">
          <input type="radio" name={name} value={c.value} data-testid={`${name}-${c.value}`} checked={value === c.value} onChange={() => onChange(c.value)} />
          <span lang={c.lang}>{c.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
