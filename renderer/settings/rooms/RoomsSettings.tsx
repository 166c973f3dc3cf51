import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import type { Office } from '../../../shared/drchrono';
import { useFrontdesk, useQuery } from '../../bridge';
import { applyServerError, CheckboxField, FormMessage, TextField, useZodForm } from '../../forms';
import { Button, ErrorNotice, Spinner, useToast } from '../../ui';
import '../profiles/settings-table.css';

const addRoomSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the room').max(200),
  onlineScheduling: z.boolean(),
});

/**
 * Exam rooms per office: the columns of the calendar's day view. drchrono lets an application add
 * rooms (renaming and removing stay in drchrono's own settings).
 */
export function RoomsSettings() {
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  if (practice.error && !practice.data)
    return <ErrorNotice error={practice.error} onRetry={practice.reload} />;
  if (!practice.data) return <Spinner label="Loading exam rooms" />;
  const offices = practice.data.offices.filter((o) => o.archived !== true);
  return (
    <section className="fd-calendar-settings" aria-labelledby="rooms-title">
      <h2 id="rooms-title">Exam rooms</h2>
      {offices.map((office) => (
        <OfficeRooms key={office.id} office={office} onAdded={practice.reload} />
      ))}
    </section>
  );
}

function OfficeRooms({ office, onAdded }: { office: Office; onAdded: () => void }) {
  const api = useFrontdesk();
  const toast = useToast();
  const form = useZodForm(addRoomSchema, { name: '', onlineScheduling: false });
  const [message, setMessage] = useState<string | null>(null);
  const headingId = `rooms-office-${office.id}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const reply = await api.offices.addExamRoom({
      officeId: office.id,
      name: values.name,
      onlineScheduling: values.onlineScheduling,
    });
    if (!reply.ok) {
      setMessage(
        applyServerError(
          form.setError,
          { ...reply.error, fields: renameFields(reply.error.fields) },
          ['name'],
        ),
      );
      return;
    }
    form.reset({ name: '', onlineScheduling: false });
    toast({ kind: 'success', message: `Added “${values.name}” to ${office.name}.` });
    onAdded();
  });

  return (
    <div className="fd-settings-group" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{office.name}</h3>
      <table className="fd-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Room</th>
            <th scope="col">Online scheduling</th>
          </tr>
        </thead>
        <tbody>
          {office.exam_rooms.map((room) => (
            <tr key={room.index}>
              <td>{room.index}</td>
              <td>{room.name}</td>
              <td>{room.online_scheduling ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormProvider {...form}>
        <form
          className="fd-add-room"
          noValidate
          onSubmit={onSubmit}
          aria-label={`Add a room to ${office.name}`}
        >
          <FormMessage message={message} />
          <TextField name="name" label="New room name" maxLength={200} />
          <CheckboxField name="onlineScheduling" label="Online scheduling" />
          <Button type="submit">Add room</Button>
        </form>
      </FormProvider>
    </div>
  );
}

/** drchrono names the field `name` or `online_scheduling`; the form calls it onlineScheduling. */
function renameFields(
  fields: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!fields) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields))
    out[k === 'online_scheduling' ? 'onlineScheduling' : k] = v;
  return out;
}
