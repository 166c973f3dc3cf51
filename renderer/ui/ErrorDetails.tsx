/**
 * The quiet "Details" line under an error: which drchrono call failed and what it answered
 * (`GET /api/patient_payments?… → 403 · needs scope …`), collapsed so the desk reads the plain
 * words first, there to read out or copy when the practice asks for help. Never patient data:
 * main builds it from redacted parts only.
 */
export function ErrorDetails({ detail }: { detail: string | undefined }) {
  if (!detail) return null;
  return (
    <details className="fd-error-details">
      <summary>Details</summary>
      <code className="fd-error-details__text">{detail}</code>
    </details>
  );
}
