import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { dragAppointment } from './calendar-drag';

/**
 * The calendar's figures for `npm run bench` (issue 3): medians over 5 runs in Chromium of
 * - mount-to-paint of the exam-room day view, 12 rooms × 400 appointments (target ≤ 300 ms),
 * - mount-to-paint of the week view with 2,000 appointments (target ≤ 1,000 ms),
 * - drop-to-paint of a dragged appointment at 400 appointments (target ≤ 100 ms).
 * The page is the real CalendarScreen over a fake main with generated data (calendar-page/).
 */
export interface CalendarBenchResult {
  dayMountMs: number;
  weekMountMs: number;
  dropMs: number;
  /** Bare FullCalendar on the same data in the same run: the machine's load shows in both. */
  bare: { dayMountMs: number; weekMountMs: number; dropMs: number };
  runs: number;
  samples: Record<'day' | 'week' | 'drop' | 'bareDay' | 'bareWeek' | 'bareDrop', number[]>;
}

type Sample = keyof CalendarBenchResult['samples'];

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

export async function buildCalendarPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'calendar-page'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome130', sourcemap: false },
  });
}

export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    const file = join(dir, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function figure(page: Page, key: 'mountToPaint' | 'dropToPaint'): Promise<number> {
  await page.waitForFunction((k) => window.__bench[k] !== undefined, key, { timeout: 60_000 });
  return page.evaluate((k) => window.__bench[k] ?? NaN, key);
}

async function mount(browser: Browser, url: string): Promise<{ page: Page; ms: number }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1400 } });
  await page.goto(url);
  const ms = await figure(page, 'mountToPaint');
  return { page, ms };
}

/** Drags a morning appointment of Exam 2 to room 1 at 12:00 (kept free by the data). */
async function timeDrop(page: Page, bare: boolean): Promise<number> {
  const id = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('[data-appointment-id][tabindex]')];
    const hit = nodes.find((n) =>
      /^0?(8|9):\d\d( AM)? .*, Exam 2(,|$)/.test(n.getAttribute('aria-label') ?? ''),
    );
    return hit?.dataset.appointmentId ?? null;
  });
  if (!id) throw new Error('The bench data has no morning appointment in Exam 2');
  await page.evaluate((i) => {
    window.__armDrop(i);
  }, id);
  await dragAppointment(page, { id, examRoom: 1, time: '12:00' });
  const ms = await figure(page, 'dropToPaint');
  if (!bare) {
    const updates = await page.evaluate(() => window.__bench.updates);
    if (updates !== 1) throw new Error(`The drop sent ${updates} updates instead of 1`);
  }
  return ms;
}

export async function runCalendarBench(
  options: { runs?: number; log?: (line: string) => void } = {},
): Promise<CalendarBenchResult> {
  const runs = options.runs ?? 5;
  const log =
    options.log ??
    ((line: string) => {
      console.log(line);
    });
  const out = await mkdtemp(join(tmpdir(), 'frontdesk-calendar-bench-'));
  let server: { url: string; close: () => Promise<void> } | null = null;
  let browser: Browser | null = null;
  try {
    await buildCalendarPage(out);
    server = await serveDir(out);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const samples: CalendarBenchResult['samples'] = {
      day: [],
      week: [],
      drop: [],
      bareDay: [],
      bareWeek: [],
      bareDrop: [],
    };
    const base = server.url;
    // One warm-up load so the first sample does not measure the disk cache.
    await (await mount(browser, `${base}/?view=rooms&rooms=12&appointments=400`)).page.close();
    for (let run = 0; run < runs; run++) {
      for (const bare of [false, true]) {
        const flag = bare ? '&bare=1' : '';
        const key = (name: 'day' | 'week' | 'drop'): Sample =>
          bare ? (`bare${name[0]?.toUpperCase() ?? ''}${name.slice(1)}` as Sample) : name;
        const day = await mount(
          browser,
          `${base}/?view=rooms&rooms=12&appointments=400&slot=30${flag}`,
        );
        samples[key('day')].push(day.ms);
        samples[key('drop')].push(await timeDrop(day.page, bare));
        await day.page.close();
        const week = await mount(
          browser,
          `${base}/?view=week&rooms=12&appointments=2000&days=5${flag}`,
        );
        samples[key('week')].push(week.ms);
        await week.page.close();
      }
    }
    const m = (k: Sample) => Math.round(median(samples[k]));
    const result: CalendarBenchResult = {
      dayMountMs: m('day'),
      weekMountMs: m('week'),
      dropMs: m('drop'),
      bare: { dayMountMs: m('bareDay'), weekMountMs: m('bareWeek'), dropMs: m('bareDrop') },
      runs,
      samples: Object.fromEntries(
        Object.entries(samples).map(([k, v]) => [k, v.map(Math.round)]),
      ) as CalendarBenchResult['samples'],
    };
    log(
      `[figure] calendar: day view 12 rooms × 400 mount-to-paint ${result.dayMountMs} ms (bare FullCalendar ${result.bare.dayMountMs}; target ≤ 300), ` +
        `week 2,000 ${result.weekMountMs} ms (bare ${result.bare.weekMountMs}; ≤ 1,000), ` +
        `drop-to-paint at 400 ${result.dropMs} ms (bare ${result.bare.dropMs}; ≤ 100); medians of ${runs}`,
    );
    return result;
  } finally {
    await browser?.close();
    await server?.close();
    await rm(out, { recursive: true, force: true });
  }
}
