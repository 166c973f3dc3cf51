import { useEffect, useId, useRef, useState } from 'react';
import type { RequestOf } from '../../shared/contract';
import { useQuery } from '../bridge';
import { Button, EmptyState, ErrorNotice, Spinner } from '../ui';
import { formatBirthDate } from '../../shared/time/birth-date';
import { fullName } from './common/format';
import { useDebounced } from './common/useDebounced';

const pageSize = 25;

/**
 * Finds patients: the roster kept on this computer answers as you type (no drchrono calls); "Search
 * drchrono" asks the server by first and last name and date of birth when the roster has no match.
 */
export function PatientSearchPanel({
  selectedId,
  onSelect,
  onCreate,
}: {
  selectedId: number | undefined;
  onSelect: (id: number) => void;
  onCreate: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [more, setMore] = useState(false);
  // What was in the boxes when "Search drchrono" was pressed: drchrono is asked once the debounced
  // criteria reach it, never for a half-typed name in between (each server search is a call).
  const [serverFor, setServerFor] = useState<string | null>(null);
  const [page, setPage] = useState(1);

  // Debounced as a string: a fresh object every render would never settle.
  const typed = JSON.stringify({ text, firstName, lastName, dateOfBirth });
  const settled = useDebounced(typed, 250);
  const server = serverFor !== null && serverFor === settled;
  const criteria = JSON.parse(settled) as {
    text: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
  };
  const request: RequestOf<'patients:search'> = {
    ...(criteria.text.trim() ? { text: criteria.text.trim() } : {}),
    ...(criteria.firstName.trim() ? { firstName: criteria.firstName.trim() } : {}),
    ...(criteria.lastName.trim() ? { lastName: criteria.lastName.trim() } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(criteria.dateOfBirth)
      ? { dateOfBirth: criteria.dateOfBirth }
      : {}),
    ...(server ? { server: true } : {}),
    page,
    pageSize,
  };
  const listed = useRef<readonly number[]>([]);
  const { data, error, loading, reload } = useQuery('patients:search', request, {
    refreshOn: ['patients'],
    // The roster answers for free; drchrono's answer is asked again only when a patient it
    // listed changed (each server search is a call).
    refreshIf: (change) =>
      !server || !change.patients || change.patients.some((id) => listed.current.includes(id)),
  });
  useEffect(() => {
    listed.current = data?.results.map((p) => p.id) ?? [];
  }, [data]);

  // A new search starts on page 1 and from the roster again.
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    setPage(1);
    setServerFor(null);
  };

  return (
    <div className="fd-rec-search">
      <div className="fd-rec-section-header">
        <h2 id={`${id}-title`}>Patients</h2>
        <Button variant="primary" size="small" onClick={onCreate}>
          New patient
        </Button>
      </div>
      <form
        role="search"
        aria-labelledby={`${id}-title`}
        className="fd-rec-search__form"
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setServerFor(typed);
        }}
      >
        <label className="fd-visually-hidden" htmlFor={`${id}-text`}>
          Search patients by name, phone, chart ID or birth date
        </label>
        <input
          id={`${id}-text`}
          className="fd-input"
          type="search"
          placeholder="Name, phone, chart ID or birth date"
          value={text}
          autoComplete="off"
          onChange={(e) => {
            edit(setText)(e.target.value);
          }}
        />
        <Button
          variant="ghost"
          size="small"
          aria-expanded={more}
          onClick={() => {
            setMore(!more);
          }}
        >
          {more ? 'Fewer fields' : 'First, last name and birth date'}
        </Button>
        {more ? (
          <div className="fd-rec-search__more">
            <label className="fd-field">
              <span className="fd-field__label">First name</span>
              <input
                className="fd-input"
                value={firstName}
                autoComplete="off"
                onChange={(e) => {
                  edit(setFirstName)(e.target.value);
                }}
              />
            </label>
            <label className="fd-field">
              <span className="fd-field__label">Last name</span>
              <input
                className="fd-input"
                value={lastName}
                autoComplete="off"
                onChange={(e) => {
                  edit(setLastName)(e.target.value);
                }}
              />
            </label>
            <label className="fd-field">
              <span className="fd-field__label">Date of birth</span>
              <input
                className="fd-input"
                type="date"
                value={dateOfBirth}
                onChange={(e) => {
                  edit(setDateOfBirth)(e.target.value);
                }}
              />
            </label>
          </div>
        ) : null}
        <Button type="submit" size="small" disabled={serverFor !== null}>
          Search drchrono
        </Button>
      </form>

      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {loading && !data ? <Spinner label="Searching" /> : null}
      {data ? (
        <>
          <p className="fd-rec-muted" role="status">
            {data.results.length === 0
              ? data.source === 'cache'
                ? 'No match in this desk’s list. Try “Search drchrono”.'
                : 'drchrono has no patient matching this.'
              : `${data.closeSpelling ? 'No exact match: close spellings ' : ''}${
                  data.source === 'cache' ? 'From this desk’s list' : 'From drchrono'
                } · page ${data.page}`}
          </p>
          {data.results.length > 0 ? (
            <ul className="fd-rec-results" aria-label="Patients found">
              {data.results.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="fd-rec-result"
                    aria-current={p.id === selectedId ? 'true' : undefined}
                    onClick={() => {
                      onSelect(p.id);
                    }}
                  >
                    <span className="fd-rec-result__name">{fullName(p)}</span>
                    <span className="fd-rec-result__meta">
                      {[
                        p.date_of_birth ? `DOB ${formatBirthDate(p.date_of_birth)}` : null,
                        p.cell_phone ?? p.home_phone,
                        p.chart_id,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>No patients to show.</EmptyState>
          )}
          <nav className="fd-toolbar fd-rec-pager" aria-label="Result pages">
            <Button
              size="small"
              disabled={page <= 1}
              onClick={() => {
                setPage(page - 1);
              }}
            >
              Previous
            </Button>
            <span className="fd-rec-muted">Page {data.page}</span>
            <Button
              size="small"
              disabled={!data.hasMore}
              onClick={() => {
                setPage(page + 1);
              }}
            >
              Next
            </Button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
