import type { Locator, Page } from 'playwright-core';

/** How the records tests move around the desk: the main navigation, a patient, a visit's billing. */

type Json = Record<string, unknown>;

export function nav(page: Page, area: string): Promise<void> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area }).click();
}

/** Patients → search by last name → the patient's record, ready to edit. */
export async function openPatient(page: Page, patient: Json): Promise<Locator> {
  await nav(page, 'Patients');
  const search = page.getByRole('searchbox', { name: /Search patients/ });
  await search.fill(String(patient.last_name));
  const name = `${String(patient.first_name)} ${String(patient.last_name)}`;
  await page
    .getByRole('list', { name: 'Patients found' })
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  const record = page.getByRole('article');
  await record.getByRole('button', { name: 'Edit details' }).waitFor();
  return record;
}

/** From an open patient record: the Appointments tab, the visit on `day`, its Billing button. */
export async function openVisitBilling(page: Page, day: string): Promise<void> {
  await page.getByRole('tab', { name: 'Appointments' }).click();
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const shown = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
  const row = page.getByRole('row').filter({ hasText: shown }).first();
  await row.getByRole('button', { name: 'Billing' }).click();
}
