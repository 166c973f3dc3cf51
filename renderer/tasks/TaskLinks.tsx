import { useId, useState } from 'react';
import { useQuery } from '../bridge';
import { fullName } from '../patients/common/format';
import { useDebounced } from '../patients/common/useDebounced';
import { Button } from '../ui';
import type { TaskLink } from './task-form';
import { formatBirthDate } from '../../shared/time/birth-date';

/** What the task points at (patients, appointments), with a patient picker from the roster. */
export function TaskLinks({
  links,
  onChange,
}: {
  links: readonly TaskLink[];
  onChange: (links: TaskLink[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 250);
  const found = useQuery('patients:search', term.length >= 2 ? { text: term, pageSize: 8 } : null);

  return (
    <fieldset className="fd-fieldset">
      <legend>Linked to</legend>
      {links.length === 0 ? <p className="fd-rec-muted">Nothing yet.</p> : null}
      <ul className="fd-rec-links">
        {links.map((link) => (
          <li key={`${link.type}-${link.id}`}>
            {link.label ??
              (link.type === 'patient' ? `Patient #${link.id}` : `Appointment #${link.id}`)}{' '}
            <Button
              size="small"
              variant="ghost"
              aria-label={`Unlink ${link.type} ${link.id}`}
              onClick={() => {
                onChange(links.filter((l) => l !== link));
              }}
            >
              Unlink
            </Button>
          </li>
        ))}
      </ul>
      <div className="fd-field">
        <label className="fd-field__label" htmlFor={`${id}-find`}>
          Link a patient
        </label>
        <input
          id={`${id}-find`}
          className="fd-input"
          type="search"
          placeholder="Name, phone or chart ID"
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      {found.data && term.length >= 2 ? (
        <ul className="fd-rec-lookup__results" aria-label="Patients to link">
          {found.data.results.map((p) => (
            <li key={p.id}>
              <Button
                size="small"
                variant="ghost"
                onClick={() => {
                  if (!links.some((l) => l.type === 'patient' && l.id === String(p.id))) {
                    onChange([...links, { type: 'patient', id: String(p.id), label: fullName(p) }]);
                  }
                  setText('');
                }}
              >
                {fullName(p)} {p.date_of_birth ? `· DOB ${formatBirthDate(p.date_of_birth)}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
