import { Button } from '../ui';
import { usePrint } from './usePrint';

/** "Print…" and "Save as PDF…" for a screen that has a print layout (a PrintRoot). */
export function PrintButtons({ title, disabled }: { title: string; disabled?: boolean }) {
  const { print, busy } = usePrint();
  return (
    <span className="fd-print-buttons">
      <Button disabled={disabled || busy} onClick={() => void print('print', title)}>
        Print…
      </Button>
      <Button disabled={disabled || busy} onClick={() => void print('pdf', title)}>
        Save as PDF…
      </Button>
    </span>
  );
}
