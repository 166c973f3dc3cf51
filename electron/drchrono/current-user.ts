import { userSchema, type User } from '../../shared/drchrono';
import type { Clock } from '../../shared/time/clock';
import type { ApiResult, DrchronoClient, Priority } from './types';

/**
 * `/api/users/current`, read once for everyone who asks at about the same time: at sign-in the
 * auth service's profile and the practice reference both need the signed-in user, and drchrono
 * charges two calls for it (it answers 302 to `/api/users/:id`). A read in flight is shared; a
 * successful answer is reused for `reuseMs`. `forget()` at every change of who is signed in, so
 * one account's user never answers for the next; an answer that arrives after it is not kept.
 */
export interface CurrentUserReader {
  /** `client`: the caller's own (the practice's is tracked for connectivity), used if a call is made. */
  read(client: DrchronoClient, priority?: Priority): Promise<ApiResult<User>>;
  forget(): void;
}

export function createCurrentUserReader(options: {
  clock: Clock;
  /** Default 60 s: long enough to cover a sign-in, short enough that a refresh asks again. */
  reuseMs?: number;
}): CurrentUserReader {
  const reuseMs = options.reuseMs ?? 60_000;
  let generation = 0;
  let inFlight: Promise<ApiResult<User>> | null = null;
  let answered: { result: ApiResult<User>; at: number } | null = null;

  return {
    read(client, priority) {
      if (answered && options.clock.now() - answered.at <= reuseMs) {
        return Promise.resolve(answered.result);
      }
      if (inFlight) return inFlight;
      const mine = generation;
      const reading = client
        .get('/api/users/current', userSchema, undefined, priority ? { priority } : {})
        .then((result) => {
          if (mine === generation) {
            inFlight = null;
            if (result.ok) answered = { result, at: options.clock.now() };
          }
          return result;
        });
      inFlight = reading;
      return reading;
    },
    forget() {
      generation++;
      inFlight = null;
      answered = null;
    },
  };
}
