import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Stack } from './stack';

/** Waits until the app has been quiet towards drchrono for a moment (sync settles). */
export async function waitQuiet(stack: Stack, ms = 1500): Promise<void> {
  let last = -1;
  for (;;) {
    const count = stack.sandbox.control.requests().length;
    if (count === last) return;
    last = count;
    await stack.page.waitForTimeout(ms);
  }
}

/**
 * Clicks `printButton` and expects one call to the browser's own print (the browser host prints
 * through it; its dialog also saves PDF), replaced by a counter so no dialog opens.
 */
export async function expectPrintedOnce(
  page: Page,
  printButton: { click: () => Promise<void> },
): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await printButton.click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
}
