import { z } from 'zod';
import { contract } from '../../shared/contract';

const save = contract['settings:saveConnection'].request.shape;

/**
 * The connection form: the contract's own rules, except that an empty secret means "keep the one
 * stored" and an empty base URL means drchrono.com.
 */
export const connectionFormSchema = z.object({
  clientId: save.clientId,
  clientSecret: z.string().max(500),
  redirectUri: save.redirectUri,
  baseUrl: z.union([
    z.literal(''),
    z.url({ protocol: /^https?$/, error: 'A URL starting with https://' }).max(500),
  ]),
});
export type ConnectionForm = z.output<typeof connectionFormSchema>;

export function toSaveRequest(form: ConnectionForm) {
  return {
    clientId: form.clientId,
    redirectUri: form.redirectUri,
    ...(form.clientSecret === '' ? {} : { clientSecret: form.clientSecret }),
    ...(form.baseUrl === '' ? {} : { baseUrl: form.baseUrl }),
  };
}

export const apiManagementUrl = 'https://drchrono.com/api-management/';
