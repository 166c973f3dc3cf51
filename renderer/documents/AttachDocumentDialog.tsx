import { useMemo, useRef, useState } from 'react';
import { documentTypes, maxDocumentBytes } from '../../shared/drchrono';
import { useFrontdesk } from '../bridge';
import { FormDialog, SelectField, TextField, useZodForm } from '../forms';
import { useSaveReply } from '../patients/common/useSaveReply';
import { Button, Notice } from '../ui';
import { CameraCapture, cameraAvailable } from './CameraCapture';
import { attachFormSchema, cardMetatags, cardSides, type AttachFormOutput } from './attach-form';
import { readChosenFile, sizeLabel, type ChosenFile } from './chosen-file';
import { sendDocument } from './send-document';

const accept = Object.keys(documentTypes).join(',');

/**
 * "Attach insurance card": a scan from a file or a photo from the desk camera, checked here for
 * size and type before anything is sent, then attached to the patient as a drchrono document
 * (through the outbox, so it waits on this computer if drchrono is unreachable).
 */
export function AttachDocumentDialog({
  patientId,
  patientName,
  doctorId,
  today,
  onClose,
  onSaved,
}: {
  patientId: number;
  patientName: string;
  doctorId: number;
  today: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const api = useFrontdesk();
  const handleReply = useSaveReply();
  const initial = useMemo(
    () => ({ description: 'Insurance card', side: 'front' as const, date: today }),
    [today],
  );
  const form = useZodForm(attachFormSchema, initial);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const take = async (blob: Blob, name: string) => {
    setFileProblem(null);
    const read = await readChosenFile(blob, name);
    if (read.ok) {
      setFile(read.file);
    } else {
      setFile(null);
      setFileProblem(read.message);
    }
  };

  const submit = async (values: AttachFormOutput) => {
    setMessage(null);
    if (!file) {
      setFileProblem('Choose a scan of the card or take a photo first.');
      return;
    }
    const description =
      values.side === 'both sides'
        ? `${values.description} (front and back)`
        : `${values.description} (${values.side})`;
    const reply = await sendDocument(api, file, {
      patientId,
      doctorId,
      date: values.date,
      description,
      metatags: cardMetatags(values.side),
    });
    setMessage(
      handleReply(reply, {
        setError: form.setError,
        shownFields: ['description', 'date'],
        done: `${description} attached`,
        onSuccess: () => {
          form.reset(values);
          onSaved();
        },
      }),
    );
  };

  return (
    <FormDialog
      open
      title={`Attach insurance card — ${patientName}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Attach"
      message={message}
    >
      <div className="fd-doc-pick">
        <input
          ref={picker}
          type="file"
          accept={accept}
          hidden
          aria-label="Card scan or photo file"
          onChange={(e) => {
            const chosen = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (chosen) void take(chosen, chosen.name);
          }}
        />
        <div className="fd-toolbar">
          <Button onClick={() => picker.current?.click()}>Choose file…</Button>
          {cameraAvailable() && !camera ? (
            <Button
              onClick={() => {
                setCamera(true);
              }}
            >
              Use camera
            </Button>
          ) : null}
        </div>
        <p className="fd-rec-muted">JPEG, PNG or PDF, up to {sizeLabel(maxDocumentBytes)}.</p>
        {camera ? (
          <CameraCapture
            onCapture={(photo) => {
              setCamera(false);
              void take(photo, `insurance-card-${today}.jpg`);
            }}
            onCancel={() => {
              setCamera(false);
            }}
          />
        ) : null}
        {fileProblem ? <Notice kind="error">{fileProblem}</Notice> : null}
        {file ? (
          <figure className="fd-doc-preview">
            {file.preview ? <img src={file.preview} alt={`Preview of ${file.name}`} /> : null}
            <figcaption>
              {file.name} · {documentTypes[file.type]} · {sizeLabel(file.size)}
            </figcaption>
          </figure>
        ) : null}
      </div>
      <div className="fd-form__grid">
        <TextField name="description" label="Description" required />
        <SelectField
          name="side"
          label="Side"
          options={cardSides.map((s) => ({
            value: s,
            label: s.charAt(0).toUpperCase() + s.slice(1),
          }))}
        />
        <TextField name="date" label="Date" type="date" />
      </div>
    </FormDialog>
  );
}
