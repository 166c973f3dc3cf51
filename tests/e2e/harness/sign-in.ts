import type { Page } from 'playwright-core';

/**
 * Signs in the way a person does: "Connect to drchrono", Authorize on the sandbox's consent page,
 * back in the app, signed in. Expects the page on the host's sign-in screen (or goes there).
 */
export async function signIn(page: Page, hostUrl?: string): Promise<void> {
  if (hostUrl !== undefined) await page.goto(hostUrl);
  await page.getByRole('button', { name: /Connect to drchrono/ }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
