import { defaultWebPort, startWebHost } from './web-host';

/** `npm run web`: the browser host on http://127.0.0.1:$PORT (5180). Ctrl+C stops it. */
const port = Number(process.env.PORT ?? defaultWebPort);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`PORT must be a port number, not “${process.env.PORT ?? ''}”.\n`);
  process.exit(2);
}

let host: Awaited<ReturnType<typeof startWebHost>>;
try {
  host = await startWebHost({ port, env: process.env });
} catch (error) {
  // One line that says what failed, not a stack trace.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? `Frontdesk could not start: port ${String(port)} is in use (set PORT to another one).\n`
      : `Frontdesk could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
const info = host.runtime.services.appInfo();
process.stdout.write(
  [
    `Frontdesk is running. Open this address in your browser (it holds this run's key; keep it to yourself):`,
    `  ${host.openUrl}`,
    info.mode === 'demo'
      ? `Demo practice (built-in sandbox at ${host.runtime.demoSandbox?.url ?? '?'}); set DRCHRONO_CLIENT_ID and DRCHRONO_CLIENT_SECRET for a real account.`
      : 'Connected to drchrono with the configured API application.',
    `Data folder: ${host.dataDir}`,
    info.storage.warning ? `Note: ${info.storage.warning}` : '',
    ...(info.keyProblem ? [`The saved data could not be opened: ${info.keyProblem}`] : []),
    ...(info.notices ?? []),
    'Press Ctrl+C to stop.',
    '',
  ]
    .filter((line, index, all) => line !== '' || index === all.length - 1)
    .join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void host.close().then(() => process.exit(0));
  });
}
