import { Dialog } from '../ui';
import { statusChoices } from './statuses';

const general: [string, string][] = [
  ['T', 'Today'],
  ['← or J', 'Previous day (week, month)'],
  ['→ or K', 'Next day (week, month)'],
  ['N', 'New appointment'],
  ['Ctrl+F', 'Find a patient'],
  ['Ctrl+Z', 'Undo the last move or edit'],
  ['?', 'This help'],
];

const onAppointment: [string, string][] = [
  ['Tab / Shift+Tab', 'Next / previous appointment'],
  ['Enter', 'Open the appointment card'],
  ['E', 'Edit'],
  ['M', 'Move to another day, time or room'],
  ['Shift+F10 or the menu key', 'Status menu'],
  ['Delete', 'Delete (asks first)'],
  ...statusChoices.map((s): [string, string] => [s.key, s.status]),
];

function Keys({ rows, caption }: { rows: [string, string][]; caption: string }) {
  return (
    <table className="fd-table fdc-keys">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Does</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, does]) => (
          <tr key={key}>
            <td>
              <kbd>{key}</kbd>
            </td>
            <td>{does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The calendar's keyboard, documented where it is used ("?"). */
export function HelpPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Calendar keyboard shortcuts" onClose={onClose}>
      <div className="fdc-help">
        <Keys rows={general} caption="Anywhere on the calendar" />
        <Keys rows={onAppointment} caption="On a focused appointment" />
      </div>
    </Dialog>
  );
}
