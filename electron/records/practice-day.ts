import { err, ok, type Result } from '../../shared/result';
import { todayIn } from '../../shared/time/practice-time';
import type { Services } from '../app/services';

/** Today's date and the zone of the practice (never the machine's), from the cached practice. */
export async function practiceDay(
  services: Pick<Services, 'practice' | 'clock'>,
): Promise<Result<{ today: string; zone: string }>> {
  const cached = services.practice.cached();
  const practice = cached ? ok(cached) : await services.practice.get();
  if (!practice.ok) {
    return err(
      practice.error.code,
      'Frontdesk does not know the practice’s timezone yet: ' + practice.error.message,
    );
  }
  const zone = practice.value.timezone;
  return ok({ zone, today: todayIn(zone, services.clock.now()) });
}
