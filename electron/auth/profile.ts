import { z } from 'zod';
import { userSchema } from '../../shared/drchrono';
import type { CurrentUserReader } from '../drchrono/current-user';
import type { DrchronoClient } from '../drchrono/types';
import type { AuthProfile } from './token-document';

const doctorPractice = z.looseObject({ practice_group_name: z.string().nullish() });

/**
 * Who signed in, through the budgeted client: `/api/users/current` (drchrono answers 302 to
 * `/api/users/:id`, which the client replays) and the user's doctor for the practice name.
 * Two calls, once per sign-in; the result is kept with the tokens. With `currentUser`, the user is
 * read once for the profile and the practice reference, which asks for it at the same moment.
 */
export function createProfileLoader(
  client: DrchronoClient,
  currentUser?: CurrentUserReader,
): () => Promise<AuthProfile | null> {
  return async () => {
    const user = currentUser
      ? await currentUser.read(client)
      : await client.get('/api/users/current', userSchema);
    if (!user.ok) return null;
    const doctor = await client.get(`/api/doctors/${String(user.value.doctor)}`, doctorPractice);
    return {
      user: {
        id: user.value.id,
        username: user.value.username,
        isDoctor: user.value.is_doctor,
        isStaff: user.value.is_staff,
      },
      practiceName: doctor.ok ? (doctor.value.practice_group_name ?? null) : null,
      practiceGroup: user.value.practice_group ?? null,
    };
  };
}
