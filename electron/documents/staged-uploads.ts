import { err, ok, type Result } from '../../shared/result';
import { maxDocumentBytes } from '../../shared/drchrono';

/**
 * Files arrive from the renderer in base64 slices (IPC payloads are bounded). They wait here, in
 * memory only, until `documents:attach` takes them into the outbox; nothing is written to disk
 * and an abandoned upload is dropped after a while or at sign-out.
 */
const MAX_CHARS = Math.ceil(maxDocumentBytes / 3) * 4 + 4;
const MAX_UPLOADS = 4;
const STALE_MS = 10 * 60_000;

interface Staged {
  chunks: string[];
  chars: number;
  touched: number;
}

export class StagedUploads {
  private readonly uploads = new Map<string, Staged>();

  constructor(private readonly now: () => number) {}

  add(uploadId: string, index: number, chunk: string): Result<{ received: number }> {
    this.dropStale();
    let staged = this.uploads.get(uploadId);
    if (!staged) {
      if (this.uploads.size >= MAX_UPLOADS) {
        return err('invalid_input', 'Too many files are being attached at once. Try again.');
      }
      staged = { chunks: [], chars: 0, touched: this.now() };
      this.uploads.set(uploadId, staged);
    }
    if (index !== staged.chunks.length) {
      this.uploads.delete(uploadId);
      return err('invalid_input', 'Part of the file went missing on the way. Attach it again.');
    }
    staged.chars += chunk.length;
    if (staged.chars > MAX_CHARS) {
      this.uploads.delete(uploadId);
      return err('invalid_input', 'The file is larger than 5 MB, the limit for attachments.');
    }
    staged.chunks.push(chunk);
    staged.touched = this.now();
    return ok({ received: staged.chunks.length });
  }

  /** The whole file, once: the upload is forgotten either way. */
  take(uploadId: string, chunks: number): Result<Uint8Array> {
    const staged = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (!staged || staged.chunks.length !== chunks) {
      return err('invalid_input', 'The file did not arrive whole. Attach it again.');
    }
    return ok(new Uint8Array(Buffer.from(staged.chunks.join(''), 'base64')));
  }

  clear(): void {
    this.uploads.clear();
  }

  private dropStale(): void {
    const now = this.now();
    for (const [id, staged] of this.uploads) {
      if (now - staged.touched > STALE_MS) this.uploads.delete(id);
    }
  }
}
