import { useEffect, useRef, useState } from 'react';
import { Button, Notice } from '../ui';

/** Whether this computer offers a camera API at all (the button is hidden otherwise). */
export function cameraAvailable(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'mediaDevices' in navigator &&
    typeof navigator.mediaDevices.getUserMedia === 'function'
  );
}

/**
 * The desk's camera, video only: a live view and "Take photo", which hands back a JPEG. The camera
 * is released as soon as this closes.
 */
export function CameraCapture({
  onCapture,
  onCancel,
}: {
  onCapture: (photo: Blob) => void;
  onCancel: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        if (cancelled) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().then(() => {
            setReady(true);
          });
        }
      })
      .catch((error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        setProblem(
          name === 'NotAllowedError'
            ? 'The camera was not allowed. Choose a scanned file instead, or allow the camera.'
            : name === 'NotFoundError'
              ? 'No camera was found on this computer. Choose a scanned file instead.'
              : 'The camera could not be started. Choose a scanned file instead.',
        );
      });
    return () => {
      cancelled = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const take = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (blob) onCapture(blob);
        else setProblem('The photo could not be taken. Try again.');
      },
      'image/jpeg',
      0.9,
    );
  };

  return (
    <div className="fd-doc-camera">
      {problem ? (
        <Notice kind="error">{problem}</Notice>
      ) : (
        <video ref={video} className="fd-doc-camera__view" muted playsInline aria-label="Camera" />
      )}
      <div className="fd-toolbar">
        <Button variant="primary" size="small" disabled={!ready || problem !== null} onClick={take}>
          Take photo
        </Button>
        <Button size="small" onClick={onCancel}>
          Close camera
        </Button>
      </div>
    </div>
  );
}
