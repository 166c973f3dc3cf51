import {
  ethnicities,
  genders,
  patientStatuses,
  paymentProfiles,
  preferredLanguages,
  races,
} from '../../shared/drchrono';
import type { SelectOption } from '../forms';

/** The allowed values the v4 reference lists, with the words the desk reads. */

export const genderOptions: SelectOption[] = genders.map((g) => ({ value: g, label: g }));

const raceLabels: Record<(typeof races)[number], string> = {
  blank: 'Not recorded',
  indian: 'American Indian or Alaska Native',
  asian: 'Asian',
  black: 'Black or African American',
  hawaiian: 'Native Hawaiian or Other Pacific Islander',
  white: 'White',
  declined: 'Declined to specify',
};
export const raceOptions: SelectOption[] = races.map((r) => ({ value: r, label: raceLabels[r] }));

const ethnicityLabels: Record<(typeof ethnicities)[number], string> = {
  blank: 'Not recorded',
  hispanic: 'Hispanic or Latino',
  not_hispanic: 'Not Hispanic or Latino',
  declined: 'Declined to specify',
};
export const ethnicityOptions: SelectOption[] = ethnicities.map((e) => ({
  value: e,
  label: ethnicityLabels[e],
}));

const statusLabels: Record<(typeof patientStatuses)[number], string> = {
  A: 'Active',
  I: 'Inactive',
  D: 'Inactive (deceased)',
};
export const statusOptions: SelectOption[] = patientStatuses.map((s) => ({
  value: s,
  label: statusLabels[s],
}));
export function statusLabel(status: string | null | undefined): string {
  return status && status in statusLabels ? statusLabels[status as 'A'] : 'Active';
}

export const paymentProfileOptions: SelectOption[] = paymentProfiles.map((p) => ({
  value: p,
  label: p === '' ? 'Not set' : p,
}));

export function languageOptions(current?: string | null): SelectOption[] {
  const known = Object.entries(preferredLanguages)
    .map(([code, name]) => ({ value: code, label: `${name} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const extra =
    current && !(current in preferredLanguages)
      ? [{ value: current, label: `${current} (as recorded)` }]
      : [];
  return [{ value: '', label: 'Not recorded' }, ...extra, ...known];
}
export function languageName(code: string | null | undefined): string | null {
  if (!code) return null;
  return code in preferredLanguages ? preferredLanguages[code as 'eng'] : code;
}

export function raceLabel(value: string | null | undefined): string | null {
  return value && value in raceLabels ? raceLabels[value as 'blank'] : (value ?? null);
}
export function ethnicityLabel(value: string | null | undefined): string | null {
  return value && value in ethnicityLabels ? ethnicityLabels[value as 'blank'] : (value ?? null);
}

const usStates = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
  ['AS', 'American Samoa'],
  ['GU', 'Guam'],
  ['MP', 'Northern Mariana Islands'],
  ['PR', 'Puerto Rico'],
  ['VI', 'U.S. Virgin Islands'],
] as const;

export function stateOptions(current?: string | null): SelectOption[] {
  const known = usStates.map(([code, name]) => ({ value: code, label: `${name} (${code})` }));
  const extra =
    current && !usStates.some(([code]) => code === current)
      ? [{ value: current, label: `${current} (as recorded)` }]
      : [];
  return [{ value: '', label: '—' }, ...extra, ...known];
}

export const relationOptions: SelectOption[] = [
  { value: '', label: '—' },
  ...['Self', 'Spouse', 'Child', 'Parent', 'Other'].map((r) => ({ value: r, label: r })),
];
