import { useController, useFormContext } from 'react-hook-form';
import { useFieldError } from '../../forms';

/** drchrono's week days: 0 = Monday … 6 = Sunday. */
export const weekDayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** Week-day checkboxes bound to an array of drchrono week-day numbers. */
export function WeekDaysField({ name, label }: { name: string; label: string }) {
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  const error = useFieldError(name);
  const value = (Array.isArray(field.value) ? field.value : []) as number[];
  return (
    <fieldset className="fd-fieldset" aria-invalid={Boolean(error)}>
      <legend>{label}</legend>
      <div className="fd-weekdays">
        {weekDayNames.map((day, i) => (
          <label key={day} className="fd-checkbox">
            <input
              type="checkbox"
              checked={value.includes(i)}
              onChange={(e) => {
                field.onChange(
                  e.target.checked
                    ? [...value, i].sort((a, b) => a - b)
                    : value.filter((d) => d !== i),
                );
              }}
              onBlur={field.onBlur}
            />
            {day.slice(0, 3)}
          </label>
        ))}
      </div>
      {error ? <span className="fd-field__error">{error}</span> : null}
    </fieldset>
  );
}
