import { useId, useLayoutEffect, useState, type RefObject } from 'react';
import type { PatientBrief } from '../../shared/contract';
import { formatBirthDate } from '../../shared/time/birth-date';
import { Button } from '../ui';
import { usePatientSearch } from './usePatientSearch';

export function patientLine(p: PatientBrief): string {
  const name = [p.last_name, p.first_name].filter(Boolean).join(', ') || `Patient ${p.id}`;
  const details = [
    p.date_of_birth ? `DOB ${formatBirthDate(p.date_of_birth)}` : null,
    p.cell_phone || p.home_phone,
    p.chart_id,
  ]
    .filter(Boolean)
    .join(' · ');
  return details ? `${name} · ${details}` : name;
}

export interface PatientComboboxProps {
  label: string;
  onPick: (patient: PatientBrief) => void;
  placeholder?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Shown under the input, e.g. the patient already chosen. */
  hint?: string;
  invalid?: boolean;
  describedBy?: string;
  /** The label is for screen readers only (a toolbar search box). */
  hideLabel?: boolean;
  /** Takes the focus when its dialog opens (the native dialog honours `autofocus`). */
  autoFocus?: boolean;
  /** Offers "New patient", handed what was typed so far (a walk-in is not on any list yet). */
  onNewPatient?: (typed: string) => void;
}

/** Says how many were found and where: the desk's saved list or drchrono itself. */
function found({ results, source, closeSpelling }: ReturnType<typeof usePatientSearch>): string {
  const where = source === 'server' ? 'from drchrono' : 'from this desk’s list';
  if (results.length === 0) {
    return source === 'server' ? 'No match in drchrono' : 'No match in this desk’s list';
  }
  const count = `${results.length} found`;
  return closeSpelling
    ? `No exact match: ${results.length} close spellings ${where}`
    : `${count} ${where}`;
}

/**
 * A patient search box (ARIA combobox): the cached roster as you type, drchrono on request.
 * Arrow keys move through the matches, Enter picks, Escape closes.
 */
export function PatientCombobox({
  label,
  onPick,
  placeholder,
  inputRef,
  hint,
  invalid,
  describedBy,
  hideLabel,
  autoFocus,
  onNewPatient,
}: PatientComboboxProps) {
  const id = useId();
  useLayoutEffect(() => {
    // React's autoFocus does not set the attribute, and the dialog opens after it ran.
    if (autoFocus) document.getElementById(id)?.setAttribute('autofocus', '');
  }, [autoFocus, id]);
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = usePatientSearch(text);
  const results = search.results;
  const showList = open && text.trim().length >= 2;

  const pick = (patient: PatientBrief) => {
    onPick(patient);
    setText('');
    setOpen(false);
  };

  return (
    <div className="fdc-combobox">
      <label htmlFor={id} className={hideLabel ? 'fd-visually-hidden' : 'fd-field__label'}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="fd-input"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-invalid={invalid || undefined}
        aria-describedby={
          [hint ? hintId : null, describedBy].filter(Boolean).join(' ') || undefined
        }
        aria-activedescendant={showList && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder={placeholder ?? 'Name, phone, chart ID or birth date'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          // Let a click on an option land first.
          setTimeout(() => {
            setOpen(false);
          }, 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(0, results.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            const chosen = results[active];
            if (showList && chosen) {
              e.preventDefault();
              pick(chosen);
            }
          } else if (e.key === 'Escape' && showList) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {hint ? (
        <span id={hintId} className="fd-field__hint">
          {hint}
        </span>
      ) : null}
      {onNewPatient ? (
        <Button
          size="small"
          className="fdc-combobox__new"
          onMouseDown={(e) => {
            // Keeps the typed text: the input's blur would otherwise close the list first.
            e.preventDefault();
          }}
          onClick={() => {
            onNewPatient(text);
          }}
        >
          New patient{text.trim() ? ` “${text.trim()}”` : ''}
        </Button>
      ) : null}
      <div className="fdc-combobox__popup" hidden={!showList}>
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label}: matches`}
          className="fdc-combobox__list"
        >
          {results.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="fdc-combobox__option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {patientLine(p)}
            </li>
          ))}
        </ul>
        <div className="fdc-combobox__footer">
          <span role="status">
            {search.searching ? 'Searching…' : search.error ? search.error.message : found(search)}
          </span>
          {search.source !== 'server' ? (
            <Button
              size="small"
              onMouseDown={(e) => {
                e.preventDefault();
              }}
              onClick={search.searchServer}
            >
              Search drchrono
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
