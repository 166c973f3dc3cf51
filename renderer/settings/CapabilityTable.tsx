import type { Access, Capabilities } from '../../shared/contract';
import { useEvent, useQuery } from '../bridge';
import { ErrorNotice, Spinner } from '../ui';
import './capability-table.css';

/**
 * Settings → Connection: what this drchrono account may read and write, feature by feature, and
 * why not (a scope sign-in did not get, or a staff permission the practice admin can grant). Main
 * learns it from drchrono's answers, so a feature nobody has opened yet reads "Not checked yet".
 */
export function CapabilityTable() {
  const query = useQuery('capabilities:get', {});
  useEvent('capabilities:changed', () => {
    query.reload();
  });
  return (
    <section className="fd-capabilities" aria-labelledby="capabilities-title">
      <h2 id="capabilities-title">What this drchrono account may do</h2>
      <p className="fd-capabilities__intro">
        From drchrono’s answers since sign-in. A “No” names the permission to ask your practice
        admin for, or the scope to allow at sign-in.
      </p>
      {query.error ? <ErrorNotice error={query.error} onRetry={query.reload} /> : null}
      {!query.data && !query.error ? <Spinner label="Loading what this account may do" /> : null}
      {query.data ? <Table capabilities={query.data} /> : null}
    </section>
  );
}

function Table({ capabilities }: { capabilities: Capabilities }) {
  return (
    <table className="fd-table fd-capabilities__table">
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">Read</th>
          <th scope="col">Write</th>
        </tr>
      </thead>
      <tbody>
        {capabilities.features.map((f) => (
          <tr key={f.feature} data-feature={f.feature}>
            <th scope="row">{f.label}</th>
            <AccessCell access={f.read} />
            <AccessCell access={f.write} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AccessCell({ access }: { access: Access | null }) {
  if (access === null) return <td className="fd-capabilities__na">Not used</td>;
  if (access.state === 'yes') return <td className="fd-capabilities__yes">Yes</td>;
  if (access.state === 'unknown')
    return <td className="fd-capabilities__unknown">Not checked yet</td>;
  return (
    <td className="fd-capabilities__no">
      <strong>No</strong>
      {access.why === 'scope' ? ' (scope)' : access.why === 'permission' ? ' (permission)' : ''}
      {access.reason ? <span className="fd-capabilities__reason">: {access.reason}</span> : null}
    </td>
  );
}
