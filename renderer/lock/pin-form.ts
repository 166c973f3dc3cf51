import { contract } from '../../shared/contract';

export const unlockFormSchema = contract['lock:unlock'].request;
export const setPinFormSchema = contract['lock:setPin'].request;
