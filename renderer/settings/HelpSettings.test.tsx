import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReplyOf } from '../../shared/contract';
import { FrontdeskProvider } from '../bridge';
import { createFakeApi } from '../bridge/fake-api';
import { UiProviders } from '../ui';
import { HelpSettings } from './HelpSettings';

const report =
  'Frontdesk diagnostic report (no patient data)\nFrontdesk 0.1.0\n\n2026-12-06T14:03:11.000Z call GET /api/patient_payments?… → 403 http 120ms retries=0';

function setup(reply: ReplyOf<'diagnostics:report'>) {
  const fake = createFakeApi({ 'diagnostics:report': () => reply });
  render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <HelpSettings />
      </UiProviders>
    </FrontdeskProvider>,
  );
  return fake;
}

describe('Settings → Help', () => {
  it('copies the diagnostic report, with the window’s browser, to the clipboard', async () => {
    const user = userEvent.setup();
    const fake = setup({ ok: true, value: { text: report, logLines: 1 } });
    await user.click(screen.getByRole('button', { name: 'Copy diagnostic report' }));
    expect(
      await screen.findByText(
        /Copied: versions, connection, failed requests and the last 1 log lines/,
      ),
    ).toBeTruthy();
    const copied = await navigator.clipboard.readText();
    expect(copied.split('\n')[0]).toBe('Frontdesk diagnostic report (no patient data)');
    expect(copied.split('\n')[1]).toMatch(/^Window: /);
    expect(copied).toContain('GET /api/patient_payments?… → 403');
    expect(fake.calls.map((c) => c.channel)).toEqual(['diagnostics:report']);
  });

  it('shows the report selected to copy by hand when the clipboard is refused', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    setup({ ok: true, value: { text: report, logLines: 1 } });
    await user.click(screen.getByRole('button', { name: 'Copy diagnostic report' }));
    expect(await screen.findByText(/may not use the clipboard/)).toBeTruthy();
    const box = screen.getByLabelText<HTMLTextAreaElement>('Diagnostic report');
    expect(box.value).toContain('GET /api/patient_payments?… → 403');
    expect(document.activeElement).toBe(box);
    expect(box.selectionEnd - box.selectionStart).toBe(box.value.length);
  });

  it('says why when the report could not be made, with its Details', async () => {
    const user = userEvent.setup();
    setup({
      ok: false,
      error: { code: 'internal', message: 'Frontdesk could not do that.', detail: 'report failed' },
    });
    await user.click(screen.getByRole('button', { name: 'Copy diagnostic report' }));
    expect(await screen.findByText('Frontdesk could not do that.')).toBeTruthy();
    expect(screen.getByText('Details')).toBeTruthy();
  });
});
