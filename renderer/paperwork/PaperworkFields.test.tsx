import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallListDocument } from './CallListDocument';
import { ChoiceField } from './ChoiceField';
import { DayField } from './DayField';
import { OfficeField } from './OfficeField';

afterEach(cleanup);

const offices = [
  { id: 1, name: 'Main Street' },
  { id: 2, name: 'Hillside' },
];

describe('paperwork toolbar fields', () => {
  it('Day passes on a whole date and ignores a half-typed one', () => {
    const onDay = vi.fn();
    render(<DayField day="2026-11-23" onDay={onDay} />);
    const input = screen.getByLabelText<HTMLInputElement>('Day');
    expect(input.value).toBe('2026-11-23');
    fireEvent.change(input, { target: { value: '2026-11-24' } });
    expect(onDay).toHaveBeenLastCalledWith('2026-11-24');
    fireEvent.change(input, { target: { value: '' } });
    expect(onDay).toHaveBeenCalledTimes(1);
  });

  it('Office with an "all" choice reports null for it and the id otherwise', () => {
    const onOffice = vi.fn();
    render(
      <OfficeField offices={offices} value={null} onOffice={onOffice} allLabel="All offices" />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Office');
    expect([...select.options].map((o) => o.text)).toEqual([
      'All offices',
      'Main Street',
      'Hillside',
    ]);
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: '2' } });
    expect(onOffice).toHaveBeenLastCalledWith(2);
    fireEvent.change(select, { target: { value: '' } });
    expect(onOffice).toHaveBeenLastCalledWith(null);
  });

  it('Office without an "all" choice always has one office chosen', () => {
    render(<OfficeField offices={offices} value={2} onOffice={vi.fn()} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Office');
    expect([...select.options].map((o) => o.text)).toEqual(['Main Street', 'Hillside']);
    expect(select.value).toBe('2');
  });

  it('a choice field shows its labels and reports the number chosen', () => {
    const onChoose = vi.fn();
    render(
      <ChoiceField
        label="Doctor"
        options={[{ value: 7, label: 'Dr. Amara Okafor' }]}
        value={null}
        onChoose={onChoose}
        allLabel="All doctors"
      />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Doctor');
    expect(screen.getByRole('option', { name: 'Dr. Amara Okafor' })).toBeTruthy();
    fireEvent.change(select, { target: { value: '7' } });
    expect(onChoose).toHaveBeenLastCalledWith(7);
  });

  it('the call list on paper heads its columns, with a box for the outcome last', () => {
    render(
      <CallListDocument
        rows={[
          {
            id: '1',
            time: '9:00 AM',
            patient: 'Marisol Quispe',
            phones: ['(845) 555-0101'],
            where: 'Main Street · Room 2 · Dr. Okafor',
            reminder: 'Text, yesterday',
          },
        ]}
        dayLabel="Monday, November 23, 2026"
        practiceName="Riverbend Family Medicine"
        printedAt="Nov 22, 4:00 PM"
      />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Time',
      'Patient',
      'Phone',
      'Where',
      'Last reminder',
      'Outcome',
    ]);
  });
});
