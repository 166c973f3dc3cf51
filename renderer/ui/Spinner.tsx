export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span role="status" aria-live="polite">
      <span className="fd-spinner" aria-hidden="true" />
      <span className="fd-visually-hidden">{label}</span>
    </span>
  );
}
