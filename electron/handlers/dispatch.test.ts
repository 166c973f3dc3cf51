import { describe, expect, it } from 'vitest';
import { channelNames, contract, type Channel } from '../../shared/contract';
import { ok, type Result } from '../../shared/result';
import { createDispatcher, type DispatchIncident } from './dispatch';
import type { HandlerTable } from './types';

/** A handler table in which every channel only counts its calls. */
function countingHandlers(): { handlers: Partial<HandlerTable>; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const handlers: Record<string, () => Promise<Result<unknown>>> = {};
  for (const name of channelNames) {
    handlers[name] = () => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return Promise.resolve(ok({}));
    };
  }
  return { handlers: handlers, calls };
}

const trusted = { trusted: true };

/** Valid requests, so the test shows the gate lets good calls through (and can fail). */
const valid: Partial<Record<Channel, Record<string, unknown>>> = {
  'app:info': {},
  'app:log': { level: 'info', message: 'hello' },
  'auth:signOut': { discardUnsent: true },
  'prefs:set': { lock: { idleMinutes: 5 }, calendar: { slotMinutes: 15 } },
  'lock:unlock': { pin: '1234' },
  'lock:setPin': { pin: '123456', currentPin: '1234' },
  'settings:saveConnection': {
    clientId: 'abc',
    clientSecret: 's3cret',
    redirectUri: 'http://127.0.0.1:5190/callback',
  },
  'appointments:list': { start: '2026-03-01', end: '2026-03-07', officeId: 1 },
  'appointments:get': { id: '12345' },
};

function deepNest(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function withKeyAtEveryLevel(base: unknown, key: string): unknown[] {
  // JSON.parse makes `__proto__` an own property, as a payload arriving over IPC or HTTP would.
  const variants: unknown[] = [];
  const json = JSON.stringify(base);
  variants.push(JSON.parse(json.replace(/^\{/, `{"${key}":{"polluted":true},`).replace(',}', '}')));
  // Every nested object gets the key in turn.
  let index = json.indexOf('{', 1);
  while (index !== -1) {
    const tampered = `${json.slice(0, index + 1)}"${key}":{"polluted":true},${json.slice(index + 1)}`;
    variants.push(JSON.parse(tampered.replace(',}', '}')));
    index = json.indexOf('{', index + 1);
  }
  return variants;
}

function badInputs(): { channel: string; payload: unknown; sender: { trusted: boolean } }[] {
  const cases: { channel: string; payload: unknown; sender: { trusted: boolean } }[] = [];
  const add = (channel: string, payload: unknown, sender = trusted): void => {
    cases.push({ channel, payload, sender });
  };
  for (const name of [
    'nope',
    '',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'APP:INFO',
    'app:info ',
    'app:info\u0000',
    'app:',
    ':info',
    'x'.repeat(100_000),
  ]) {
    add(name, {});
  }
  for (const name of channelNames) {
    const good = valid[name] ?? {};
    // A foreign sender with an otherwise valid call.
    add(name, good, { trusted: false });
    // Wrong types.
    for (const wrong of [42, 'text', true, null, [], [good], () => 1, Symbol('s'), 10n]) {
      add(name, wrong);
    }
    for (const key of Object.keys(good)) {
      for (const wrong of [42, 'x', null, [], { nested: {} }, true]) {
        // Only values of another type: a different string or number may well be valid.
        if (typeof good[key] === typeof wrong && !Array.isArray(wrong)) continue;
        add(name, { ...good, [key]: wrong });
      }
    }
    // Extra keys.
    add(name, { ...good, extra: 1 });
    add(name, { ...good, isAdmin: true, token: 'x' });
    // Huge strings, as an extra key and in every string field.
    add(name, { ...good, note: 'a'.repeat(300_000) });
    for (const [key, value] of Object.entries(good)) {
      if (typeof value === 'string') add(name, { ...good, [key]: 'a'.repeat(1_000_000) });
    }
    // Deep nesting, wide objects, non-plain values.
    add(name, { ...good, deep: deepNest(10_000) });
    add(name, deepNest(50));
    add(name, {
      ...good,
      wide: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
    });
    add(name, { ...good, when: new Date() });
    add(name, { ...good, bytes: new Uint8Array(8) });
    add(name, { ...good, map: new Map() });
    add(name, Object.assign(Object.create({ inherited: true }) as object, good));
    add(name, { ...good, n: Number.NaN });
    // Prototype keys at every level of the payload.
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const variant of withKeyAtEveryLevel(good, key)) add(name, variant);
    }
  }
  return cases;
}

describe('dispatch: the one gate for calls from the renderer', () => {
  it('lets valid calls from the app through, once each', async () => {
    const { handlers, calls } = countingHandlers();
    const dispatch = createDispatcher({
      handlers,
      isLocked: () => false,
      checkResponses: false,
    });
    for (const [name, payload] of Object.entries(valid)) {
      const reply = await dispatch(name, payload, trusted);
      expect(reply.ok, name).toBe(true);
      expect(calls.get(name), name).toBe(1);
    }
    // Channels without a body may be called with nothing.
    expect((await dispatch('app:info', undefined, trusted)).ok).toBe(true);
  });

  it('refuses every bad input before any handler runs', async () => {
    const { handlers, calls } = countingHandlers();
    const incidents: DispatchIncident[] = [];
    const dispatch = createDispatcher({
      handlers,
      isLocked: () => false,
      checkResponses: false,
      onIncident: (i) => incidents.push(i),
    });
    const cases = badInputs();
    let accepted = 0;
    for (const c of cases) {
      const reply = await dispatch(c.channel, c.payload, c.sender);
      if (reply.ok) accepted += 1;
      else
        expect(['unknown_channel', 'forbidden_sender', 'invalid_input']).toContain(
          reply.error.code,
        );
    }
    const handlerRuns = [...calls.values()].reduce((a, b) => a + b, 0);
    console.log(`[figure] bad IPC inputs tried: ${cases.length}, accepted: ${accepted}`);
    expect(cases.length).toBeGreaterThan(1_000);
    expect(accepted).toBe(0);
    expect(handlerRuns).toBe(0);
    expect(incidents.length).toBe(cases.length);
  });

  it('answers every bad input without echoing it back', async () => {
    const { handlers } = countingHandlers();
    const dispatch = createDispatcher({
      handlers,
      isLocked: () => false,
      checkResponses: false,
    });
    const reply = await dispatch(
      'app:log',
      { level: 'info', message: 'PATIENT-CANARY', x: 1 },
      trusted,
    );
    expect(JSON.stringify(reply)).not.toContain('PATIENT-CANARY');
  });

  it('while locked, answers only the channels marked whileLocked', async () => {
    const { handlers, calls } = countingHandlers();
    const dispatch = createDispatcher({
      handlers,
      isLocked: () => true,
      checkResponses: false,
    });
    for (const name of channelNames) {
      const reply = await dispatch(name, valid[name] ?? {}, trusted);
      if (contract[name].whileLocked === true) continue;
      if (!reply.ok && reply.error.code === 'invalid_input') continue;
      expect(reply.ok, name).toBe(false);
      if (!reply.ok) expect(reply.error.code, name).toBe('locked');
    }
    expect(calls.get('appointments:list')).toBeUndefined();
    expect(calls.get('lock:unlock')).toBe(1);
    expect(calls.get('app:info')).toBe(1);
  });

  it('turns a throwing handler into internal, without its message', async () => {
    const incidents: DispatchIncident[] = [];
    const dispatch = createDispatcher({
      handlers: {
        'app:info': () => Promise.reject(new TypeError('secret PHI in a message')),
      },
      isLocked: () => false,
      onIncident: (i) => incidents.push(i),
    });
    const reply = await dispatch('app:info', {}, trusted);
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'Frontdesk hit an error of its own while working on the app itself; drchrono did not refuse anything. Try again.',
        detail: 'app:info: TypeError',
      },
    });
    expect(JSON.stringify(incidents)).not.toContain('PHI');
    expect(incidents[0]?.detail).toBe('TypeError');
  });

  it('answers internal for a channel nobody handles yet', async () => {
    const dispatch = createDispatcher({ handlers: {}, isLocked: () => false });
    const reply = await dispatch('sync:status', {}, trusted);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('internal');
  });

  it('refuses to pass on an answer that does not match the contract', async () => {
    const dispatch = createDispatcher({
      handlers: {
        'lock:status': () =>
          Promise.resolve(
            ok({ locked: false, hasPin: false, idleMinutes: 5, accessToken: 'tok' } as never),
          ),
      },
      isLocked: () => false,
    });
    const reply = await dispatch('lock:status', {}, trusted);
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toContain('tok');
  });
});
