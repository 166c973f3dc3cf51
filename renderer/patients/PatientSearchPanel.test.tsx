import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PatientSearchPanel } from './PatientSearchPanel';
import { patient } from './testing/fixtures';
import { renderRecords } from './testing/render';

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

describe('PatientSearchPanel', () => {
  it('asks drchrono again only when a patient it listed changed (each server search is a call)', async () => {
    const { fake, callsTo } = renderRecords(
      <PatientSearchPanel selectedId={undefined} onSelect={vi.fn()} onCreate={vi.fn()} />,
    );
    await userEvent.type(screen.getByLabelText(/Search patients/), 'Quispe');
    await userEvent.click(screen.getByRole('button', { name: 'Search drchrono' }));
    const serverSearches = () =>
      callsTo('patients:search').filter((c) => (c.request as { server?: boolean }).server === true);
    await waitFor(() => {
      expect(serverSearches()).toHaveLength(1);
    });
    await screen.findByRole('button', { name: /Quispe/ });

    fake.emit('data:changed', { kinds: ['patients'], patients: [patient.id + 1] });
    await settle();
    expect(serverSearches()).toHaveLength(1);

    fake.emit('data:changed', { kinds: ['patients'], patients: [patient.id] });
    await waitFor(() => {
      expect(serverSearches()).toHaveLength(2);
    });
  });
});
