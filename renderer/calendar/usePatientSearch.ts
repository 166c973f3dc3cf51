import { useEffect, useState } from 'react';
import type { PatientBrief } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';

export interface PatientSearchState {
  results: PatientBrief[];
  source: 'cache' | 'server' | null;
  /** No name starts with what was typed: these are close spellings. */
  closeSpelling: boolean;
  searching: boolean;
  error: AppError | null;
  /** Asks drchrono itself (one call), when the saved roster does not have the patient. */
  searchServer: () => void;
}

interface Answer {
  key: string;
  results: PatientBrief[];
  source: 'cache' | 'server' | null;
  closeSpelling: boolean;
  error: AppError | null;
}

/**
 * Patient search as the desk types: the saved roster first (no calls), debounced: names, close
 * spellings, phone digits, chart IDs, birth dates. drchrono when the roster has nothing or when
 * asked, by its own filters (name, birth date, email).
 */
export function usePatientSearch(text: string): PatientSearchState {
  const api = useFrontdesk();
  const query = text.trim();
  const [server, setServer] = useState<string | null>(null);
  const useServer = server === query;
  const key = query.length < 2 ? '' : `${useServer ? 'server' : 'cache'}:${query}`;
  const [answer, setAnswer] = useState<Answer>({
    key: '',
    results: [],
    source: null,
    closeSpelling: false,
    error: null,
  });

  useEffect(() => {
    if (key === '') return;
    let live = true;
    const timer = setTimeout(
      () => {
        const [last, first] = query.split(',').map((p) => p.trim());
        const request = !useServer
          ? { text: query }
          : query.includes(',')
            ? { lastName: last ?? '', ...(first ? { firstName: first } : {}), server: true }
            : { text: query, server: true };
        void api.patients.search({ ...request, pageSize: 20 }).then((reply) => {
          if (!live) return;
          setAnswer(
            reply.ok
              ? {
                  key,
                  results: reply.value.results,
                  source: reply.value.source,
                  closeSpelling: reply.value.closeSpelling === true,
                  error: null,
                }
              : { key, results: [], source: null, closeSpelling: false, error: reply.error },
          );
        });
      },
      useServer ? 0 : 180,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, key, query, useServer]);

  const current = answer.key === key && key !== '';
  return {
    results: current ? answer.results : [],
    source: current ? answer.source : null,
    closeSpelling: current && answer.closeSpelling,
    error: current ? answer.error : null,
    searching: key !== '' && !current,
    searchServer: () => {
      setServer(query);
    },
  };
}
