import { useEffect, useState } from 'react';
import type { DocumentView, ResponseOf } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { useFrontdesk } from '../bridge';
import { Dialog, ErrorNotice, Spinner } from '../ui';

/**
 * One document, opened: main fetches the file from drchrono's signed link and hands over the
 * bytes. Images show here; a PDF is offered as a download (the page may not embed documents).
 */
export function DocumentViewer({
  document,
  onClose,
}: {
  document: DocumentView;
  onClose: () => void;
}) {
  const api = useFrontdesk();
  const [file, setFile] = useState<ResponseOf<'documents:open'> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void api.documents.open({ id: document.id }).then((reply) => {
      if (!live) return;
      setError(reply.ok ? null : reply.error);
      if (reply.ok) setFile(reply.value);
    });
    return () => {
      live = false;
    };
  }, [api, document.id, attempt]);

  const url = file ? `data:${file.type};base64,${file.base64}` : null;
  return (
    <Dialog open title={document.description || file?.fileName || 'Document'} onClose={onClose}>
      {error ? (
        <ErrorNotice
          error={error}
          onRetry={() => {
            setAttempt((n) => n + 1);
          }}
        />
      ) : null}
      {!file && !error ? <Spinner label="Opening the document" /> : null}
      {file && url ? (
        file.type.startsWith('image/') ? (
          <img className="fd-doc-view" src={url} alt={document.description || file.fileName} />
        ) : (
          <p>
            <a href={url} download={file.fileName}>
              Download {file.fileName}
            </a>
          </p>
        )
      ) : null}
    </Dialog>
  );
}
