import { demoClient } from './options';
import { startSandboxServer } from './server';

/**
 * `npm run sandbox`: the sandbox on 127.0.0.1:$SANDBOX_PORT (default 5190), switches from the
 * environment. The control routes (/__sandbox/*) are on unless SANDBOX_CONTROL_ROUTES=0.
 */
const env = process.env;
const num = (name: string): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (Number.isNaN(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
};
const list = (name: string): string[] | undefined =>
  env[name]
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const yes = (name: string, fallback: boolean): boolean => {
  const raw = env[name];
  return raw === undefined || raw === ''
    ? fallback
    : !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
};

const port = num('SANDBOX_PORT') ?? 5190;
const redirectUris = list('SANDBOX_REDIRECT_URIS') ?? [
  'http://127.0.0.1:5180/oauth/callback',
  'http://127.0.0.1:5181/oauth/callback',
];
const server = await startSandboxServer({
  port,
  seed: num('SANDBOX_SEED'),
  today: env.SANDBOX_TODAY || undefined,
  timezone: env.SANDBOX_TIMEZONE || undefined,
  hourlyQuota: num('SANDBOX_QUOTA'),
  patientCount: num('SANDBOX_PATIENTS'),
  canaries: list('SANDBOX_CANARIES'),
  redirectUris,
  controlRoutes: yes('SANDBOX_CONTROL_ROUTES', true),
  tasksWritable: yes('SANDBOX_TASKS_WRITABLE', true),
  faults: {
    latencyMs: num('SANDBOX_LATENCY_MS'),
    latencyJitterMs: num('SANDBOX_JITTER_MS'),
    errorRate: num('SANDBOX_ERROR_RATE'),
    dropBeforeRate: num('SANDBOX_DROP_BEFORE_RATE'),
    dropAfterRate: num('SANDBOX_DROP_AFTER_RATE'),
    rateOf429: num('SANDBOX_429_RATE'),
    offline: yes('SANDBOX_OFFLINE', false),
  },
});

const { options } = server.sandbox;
console.log(`drchrono sandbox listening on ${server.url}`);
console.log(
  `  practice:      ${server.sandbox.db.practiceGroup.name} (${options.timezone}), today ${options.today}`,
);
console.log(`  client_id:     ${demoClient.clientId}`);
console.log(`  client_secret: ${demoClient.clientSecret}`);
console.log(`  redirect URIs: ${redirectUris.join(', ')}`);
console.log(`  authorize:     ${server.url}/o/authorize/`);
console.log(
  `  hourly quota:  ${Number.isFinite(options.hourlyQuota) && options.hourlyQuota > 0 ? String(options.hourlyQuota) : 'off'}`,
);
if (options.controlRoutes) console.log(`  control:       ${server.url}/__sandbox/state`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
