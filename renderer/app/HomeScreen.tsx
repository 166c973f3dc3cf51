import type { Practice, SyncStatus } from '../../shared/contract';
import { ErrorNotice, Spinner } from '../ui';
import { useQuery } from '../bridge';
import { doctorName } from './format';

/**
 * What signing in brought back from drchrono, across the whole stack: who is signed in, the
 * practice, its doctors, its offices with their exam rooms, and the calls this took.
 */
export function HomeScreen({ sync }: { sync: SyncStatus | null }) {
  const practice = useQuery('practice:get', {}, { refreshOn: ['reference'] });
  if (practice.error) return <ErrorNotice error={practice.error} onRetry={practice.reload} />;
  if (!practice.data) return <Spinner label="Loading the practice" />;
  return <PracticeSummary practice={practice.data} sync={sync} />;
}

function PracticeSummary({ practice, sync }: { practice: Practice; sync: SyncStatus | null }) {
  const offices = practice.offices.filter((office) => office.archived !== true);
  return (
    <div className="fd-home">
      <h1>{practice.practiceName}</h1>
      <dl className="fd-home__facts">
        <div>
          <dt>Signed in as</dt>
          <dd>
            {practice.user.username}
            {practice.user.is_doctor ? ' (doctor)' : practice.user.is_staff ? ' (staff)' : ''}
          </dd>
        </div>
        <div>
          <dt>Practice time zone</dt>
          <dd>{practice.timezone}</dd>
        </div>
        <div>
          <dt>Today in the practice</dt>
          <dd>{practice.today}</dd>
        </div>
        <div>
          <dt>API calls this hour</dt>
          <dd>{sync ? `${sync.callsThisHour} of ${sync.hourlyCap}` : '…'}</dd>
        </div>
      </dl>
      <section aria-labelledby="home-doctors">
        <h2 id="home-doctors">Doctors ({practice.doctors.length})</h2>
        <ul className="fd-home__list">
          {practice.doctors.map((doctor) => (
            <li key={doctor.id}>
              {doctorName(doctor)}
              {doctor.specialty ? <span className="fd-muted"> · {doctor.specialty}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-offices">
        <h2 id="home-offices">Offices ({offices.length})</h2>
        <div className="fd-home__offices">
          {offices.map((office) => (
            <article key={office.id} className="fd-home__office" aria-label={office.name}>
              <h3>{office.name}</h3>
              {office.city ? (
                <p className="fd-muted">
                  {[office.address, office.city, office.state].filter(Boolean).join(', ')}
                </p>
              ) : null}
              <p>
                {office.exam_rooms.length} exam {office.exam_rooms.length === 1 ? 'room' : 'rooms'}
              </p>
              <ul className="fd-home__rooms">
                {office.exam_rooms.map((room) => (
                  <li key={room.index}>{room.name || `Room ${room.index}`}</li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      </section>
    </div>
  );
}
