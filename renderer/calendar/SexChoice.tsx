import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { genders } from '../../shared/drchrono';
import { useFieldError } from '../forms';

/** drchrono's three `gender` values as one-click radio buttons (a walk-in is typed in a hurry). */
export function SexChoice({ name }: { name: string }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = useId();
  return (
    <fieldset
      className="fd-field fdc-sex-choice"
      aria-invalid={Boolean(error)}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="fd-field__label">
        Sex<span aria-hidden="true"> *</span>
      </legend>
      <div className="fdc-sex-choice__options">
        {genders.map((g) => (
          <label key={g} className="fdc-sex-choice__option">
            <input type="radio" value={g} {...register(name)} /> {g}
          </label>
        ))}
      </div>
      {error ? (
        <span id={`${id}-error`} className="fd-field__error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
