import { z } from 'zod';
import type { ApiFailure, ApiResult, DrchronoClient } from '../drchrono/types';
import { lookForCreate } from './create-lookup';
import { failureFamily } from './failures';
import type { OutboxEntry } from './outbox-entry';
import { checkPatch } from './patch-check';
import { recordPath, resourcePath } from './resource-paths';

export type SendOutcome =
  /** On the server. `response` is drchrono's body (the created record; null for 204). */
  | { kind: 'done'; response: unknown; serverId: string | null }
  /** drchrono refused it (400/403/404…): parked with its message. */
  | { kind: 'refused'; failure: ApiFailure }
  /** A clash (409) with someone else's record, or fields someone else changed since. */
  | {
      kind: 'conflict';
      failure: ApiFailure | null;
      theirs: Record<string, unknown> | null;
      mine: Record<string, unknown> | null;
    }
  /** Try again later (network, 5xx, 429, budget, signed out). */
  | { kind: 'retry'; failure: ApiFailure };

export interface SendContext {
  client: DrchronoClient;
  /** The practice's zone; null before the reference data is known. */
  zone: string | null;
  /**
   * The immediate attempt at submit time: the user just saw the record, so a PATCH goes out as is
   * (a move or a status change costs exactly one call). Replays compare with the server first.
   */
  immediate: boolean;
  /** Persists `uncertain` before a POST leaves, so a crash mid-send still looks before resending. */
  beforePost(entry: OutboxEntry): Promise<void>;
  /** Ends the attempt (the user is waiting on the immediate one); it then counts as a network failure. */
  signal?: AbortSignal;
}

const anyRecord = z.record(z.string(), z.unknown());

/** One attempt to deliver one edit. Never throws: every outcome is a value the queue acts on. */
export async function sendEdit(entry: OutboxEntry, ctx: SendContext): Promise<SendOutcome> {
  switch (entry.op) {
    case 'create':
      return sendCreate(entry, ctx);
    case 'update':
      return sendUpdate(entry, ctx);
    case 'delete':
      return sendDelete(entry, ctx);
  }
}

async function sendCreate(entry: OutboxEntry, ctx: SendContext): Promise<SendOutcome> {
  const wasUncertain = entry.uncertain;
  if (wasUncertain) {
    const look = await lookForCreate(ctx.client, entry, ctx.zone, ctx.signal);
    if (look.kind === 'failed') return { kind: 'retry', failure: look.failure };
    if (look.kind === 'found') return done(look.record);
  }
  await ctx.beforePost(entry);
  const result = await ctx.client.create(resourcePath(entry.resource), postBody(entry), anyRecord, {
    ...requestOptions(ctx),
    // Files only travel as multipart/form-data (the reference, and the tutorial's upload).
    ...(entry.file ? { bodyKind: 'multipart' as const } : {}),
  });
  if (result.ok) return done(result.value);
  const failure = result.failure;
  if (isStatus(failure, 409)) {
    if (wasUncertain) {
      // The clash may be with our own earlier attempt that did land (reliability D27).
      const look = await lookForCreate(ctx.client, entry, ctx.zone, ctx.signal);
      if (look.kind === 'found') return done(look.record);
      if (look.kind === 'failed') return { kind: 'retry', failure: look.failure };
    }
    return { kind: 'conflict', failure, theirs: null, mine: null };
  }
  return classify(failure);
}

async function sendUpdate(entry: OutboxEntry, ctx: SendContext): Promise<SendOutcome> {
  const id = entry.targetId;
  if (id === null) return refusedLocally('The edit does not say which record it changes.');
  let patch = entry.body;
  if (!ctx.immediate && !entry.force && entry.base !== null) {
    const current = await ctx.client.get(recordPath(entry.resource, id), anyRecord, undefined, {
      ...requestOptions(ctx),
    });
    if (!current.ok) return classify(current.failure);
    if (current.value.deleted_flag === true) {
      return refusedLocally('Someone deleted this record at drchrono before the change was sent.');
    }
    const check = checkPatch(entry.body, entry.base, current.value);
    if (check.kind === 'applied') return { kind: 'done', response: null, serverId: id };
    if (check.kind === 'conflict') {
      return { kind: 'conflict', failure: null, theirs: check.theirs, mine: check.mine };
    }
    patch = check.patch;
  }
  const result = await ctx.client.patch(recordPath(entry.resource, id), patch, {
    ...requestOptions(ctx),
  });
  if (result.ok) return { kind: 'done', response: null, serverId: id };
  if (isStatus(result.failure, 409)) {
    return { kind: 'conflict', failure: result.failure, theirs: null, mine: null };
  }
  return classify(result.failure);
}

async function sendDelete(entry: OutboxEntry, ctx: SendContext): Promise<SendOutcome> {
  const id = entry.targetId;
  if (id === null) return refusedLocally('The edit does not say which record it deletes.');
  const result: ApiResult<null> = await ctx.client.remove(recordPath(entry.resource, id), {
    ...requestOptions(ctx),
  });
  if (result.ok) return { kind: 'done', response: null, serverId: id };
  // Gone already (an earlier attempt, or someone else): what the user wanted.
  if (isStatus(result.failure, 404)) return { kind: 'done', response: null, serverId: id };
  return classify(result.failure);
}

function postBody(entry: OutboxEntry): Record<string, unknown> {
  if (!entry.file) return entry.body;
  const bytes = Buffer.from(entry.file.base64, 'base64');
  return {
    ...entry.body,
    document: new File([bytes], entry.file.name, { type: entry.file.type }),
  };
}

function requestOptions(ctx: SendContext): { priority: 'user'; signal?: AbortSignal } {
  return ctx.signal ? { priority: 'user', signal: ctx.signal } : { priority: 'user' };
}

function classify(failure: ApiFailure): SendOutcome {
  if (isStatus(failure, 409)) return { kind: 'conflict', failure, theirs: null, mine: null };
  return failureFamily(failure) === 'definite'
    ? { kind: 'refused', failure }
    : { kind: 'retry', failure };
}

function done(record: Record<string, unknown>): SendOutcome {
  const id = record.id;
  return {
    kind: 'done',
    response: record,
    serverId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
  };
}

function refusedLocally(message: string): SendOutcome {
  return {
    kind: 'refused',
    failure: { kind: 'http', status: 404, body: { detail: message }, message },
  };
}

function isStatus(failure: ApiFailure, status: number): boolean {
  return failure.kind === 'http' && failure.status === status;
}
