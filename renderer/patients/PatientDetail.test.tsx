import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PatientDetail } from './PatientDetail';
import { patient } from './testing/fixtures';
import { renderRecords } from './testing/render';

describe('PatientDetail', () => {
  it('reads the patient again when it changed, not when another patient did', async () => {
    const { fake, callsTo } = renderRecords(<PatientDetail patientId={patient.id} />);
    await screen.findByRole('heading', { name: new RegExp(patient.last_name ?? '') });
    expect(callsTo('patients:get')).toHaveLength(1);

    await act(async () => {
      fake.emit('data:changed', { kinds: ['patients'], patients: [patient.id + 1] });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(callsTo('patients:get')).toHaveLength(1);
    act(() => {
      fake.emit('data:changed', { kinds: ['patients'], patients: [patient.id] });
    });
    await waitFor(() => {
      expect(callsTo('patients:get')).toHaveLength(2);
    });
    // A change that does not say which patients (the whole roster was reloaded) may concern it.
    act(() => {
      fake.emit('data:changed', { kinds: ['patients'] });
    });
    await waitFor(() => {
      expect(callsTo('patients:get')).toHaveLength(3);
    });
  });
});
