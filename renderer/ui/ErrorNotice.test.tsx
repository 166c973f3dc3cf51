import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorNotice } from './ErrorNotice';
import { errorToast } from './error-toast';
import { ToastProvider } from './ToastProvider';
import { useToast } from './useToast';

const refused = {
  code: 'forbidden' as const,
  message: 'drchrono did not allow this: the signed-in account may not use patient payments.',
  status: 403,
  detail: 'GET /api/patient_payments?… → 403 · needs scope billing:patient-payment:read',
};

describe('error notices', () => {
  it('say what failed in words, and keep the call in a collapsed Details line', async () => {
    render(<ErrorNotice error={refused} />);
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('may not use patient payments');
    const details = notice.querySelector('details');
    expect(details?.open).toBe(false);
    await userEvent.click(screen.getByText('Details'));
    expect(details?.open).toBe(true);
    expect(screen.getByText(refused.detail)).toBeTruthy();
  });

  it('show no Details line when the error has none', () => {
    render(<ErrorNotice error={{ code: 'offline', message: 'drchrono cannot be reached.' }} />);
    expect(screen.queryByText('Details')).toBeNull();
  });

  it('error toasts carry the Details line too', async () => {
    function Fail() {
      const toast = useToast();
      return (
        <button
          onClick={() => {
            toast(errorToast(refused));
          }}
        >
          fail
        </button>
      );
    }
    render(
      <ToastProvider>
        <Fail />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByText('fail'));
    const toast = screen.getByRole('alert');
    expect(toast.textContent).toContain('may not use patient payments');
    expect(toast.querySelector('details summary')?.textContent).toBe('Details');
    expect(toast.textContent).toContain(refused.detail);
  });
});
