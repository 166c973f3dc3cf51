import type { Page } from 'playwright-core';

interface Geometry {
  x: number;
  y: number;
  toX: number;
  toY: number;
}

/**
 * Runs in the page. Kept as source text: test runners that compile this file may wrap named
 * functions in helpers (`__name`) that do not exist in the page.
 */
const measure = `({ id, examRoom, time, snap }) => {
  const node = document.querySelector('[data-appointment-id="' + id + '"][tabindex]');
  const event = node && node.closest('.fc-event');
  const column = document.querySelector('.fc-col-header-cell[data-resource-id="' + examRoom + '"]');
  if (!node || !event || !column) return null;
  event.scrollIntoView({ block: 'center' });
  const lanes = [...document.querySelectorAll('td.fc-timegrid-slot-lane[data-time]')];
  const minutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const step = lanes.length > 1 ? minutes(lanes[1].dataset.time) - minutes(lanes[0].dataset.time) : 30;
  const laneAt = (m) => lanes.filter((l) => minutes(l.dataset.time) <= m).pop();
  // The y of a time on the axis: its lane, plus the fraction of the lane it is into.
  const yOf = (m) => {
    const lane = laneAt(m);
    if (!lane) return null;
    const r = lane.getBoundingClientRect();
    return r.top + ((m - minutes(lane.dataset.time)) / step) * r.height;
  };
  // Press in the middle of the event's first snap cell.
  // The label opens on the time as the desk reads it: "9:30 AM" (12-hour) or "09:30".
  const labelMinutes = (label) => {
    const m = /^(\\d{1,2}):(\\d\\d)(?: (AM|PM))?/.exec(label || '');
    if (!m) return NaN;
    const h = Number(m[1]) % (m[3] ? 12 : 24) + (m[3] === 'PM' ? 12 : 0);
    return h * 60 + Number(m[2]);
  };
  const start = labelMinutes(node.getAttribute('aria-label'));
  const pressY = yOf(start + snap / 2);
  const to = yOf(minutes(time) + snap / 2);
  const pressLane = laneAt(start + snap / 2);
  if (pressY === null || to === null || !pressLane) return null;
  const e = event.getBoundingClientRect();
  const c = column.getBoundingClientRect();
  const pressX = e.left + Math.min(20, e.width / 2);
  // FullCalendar drags by the centre of the event's part in the slot pressed, not by the pointer:
  // release where that centre must go for the event to start at the target time.
  const lane = pressLane.getBoundingClientRect();
  const centreY = (Math.max(e.top, lane.top) + Math.min(e.bottom, lane.bottom)) / 2;
  const centreX = (e.left + e.right) / 2;
  return {
    x: pressX,
    y: pressY,
    toX: c.left + c.width / 2 - (centreX - pressX),
    toY: to - (centreY - pressY),
  };
}`;

/**
 * Drags an appointment with real mouse events, the way a person does: press on it, a few small
 * moves (FullCalendar waits for the pointer to travel before it starts a drag), then the target
 * column and time, release. The target is computed from the grid itself: the exam-room column's
 * header and the time slot's row.
 */
export async function dragAppointment(
  page: Page,
  target: { id: string; examRoom: number; time: string; snap?: number },
): Promise<void> {
  const geometry = await page.evaluate<Geometry | null>(
    `(${measure})(${JSON.stringify({ snap: 5, ...target })})`,
  );
  if (!geometry)
    throw new Error(`Cannot find appointment ${target.id} or the target slot on screen`);
  const { x, y, toX, toY } = geometry;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 2, y + i * 2);
  await page.mouse.move((x + toX) / 2, (y + toY) / 2, { steps: 4 });
  await page.mouse.move(toX, toY, { steps: 4 });
  await page.mouse.up();
}

const measureEnd = `({ id, minutes, snap, duration }) => {
  const node = document.querySelector('[data-appointment-id="' + id + '"][tabindex]');
  const event = node && node.closest('.fc-event');
  if (!node || !event) return null;
  event.scrollIntoView({ block: 'center' });
  const lanes = [...document.querySelectorAll('td.fc-timegrid-slot-lane[data-time]')];
  const toMinutes = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const step = lanes.length > 1 ? toMinutes(lanes[1].dataset.time) - toMinutes(lanes[0].dataset.time) : 30;
  const yOf = (m) => {
    const lane = lanes.filter((l) => toMinutes(l.dataset.time) <= m).pop();
    if (!lane) return null;
    const r = lane.getBoundingClientRect();
    return r.top + ((m - toMinutes(lane.dataset.time)) / step) * r.height;
  };
  const e = event.getBoundingClientRect();
  // The label opens on the time as the desk reads it: "9:30 AM" (12-hour) or "09:30".
  const labelMinutes = (label) => {
    const m = /^(\\d{1,2}):(\\d\\d)(?: (AM|PM))?/.exec(label || '');
    if (!m) return NaN;
    const h = Number(m[1]) % (m[3] ? 12 : 24) + (m[3] === 'PM' ? 12 : 0);
    return h * 60 + Number(m[2]);
  };
  const start = labelMinutes(node.getAttribute('aria-label'));
  const end = start + duration;
  const from = yOf(end - snap / 2);
  const to = yOf(end + minutes - snap / 2);
  if (from === null || to === null) return null;
  return { x: e.left + e.width / 2, y: from, toX: e.left + e.width / 2, toY: to, midY: (e.top + e.bottom) / 2 };
}`;

/**
 * Drags an appointment's bottom edge by `minutes` (real mouse events): hover shows the resizer,
 * press on it, move by that many minutes of the grid, release. `duration` is the appointment's.
 */
export async function resizeAppointment(
  page: Page,
  target: { id: string; minutes: number; duration: number; snap?: number },
): Promise<void> {
  const geometry = await page.evaluate<(Geometry & { midY: number }) | null>(
    `(${measureEnd})(${JSON.stringify({ snap: 5, ...target })})`,
  );
  if (!geometry) throw new Error(`Cannot find appointment ${target.id} on screen`);
  const { x, y, toY, midY } = geometry;
  await page.mouse.move(x, midY - 4);
  await page.mouse.move(x, midY);
  // FullCalendar shows the resizer on hover; press on it.
  // The handle: across the whole bottom edge in bare FullCalendar, a grip beside the middle in the
  // desk's calendar; pressed at its centre.
  const box = await page.evaluate<{ x: number; y: number; height: number } | null>(
    `(() => {
      const node = document.querySelector('[data-appointment-id=${JSON.stringify(target.id)}][tabindex]');
      const handle = node && node.closest('.fc-timegrid-event') && node.closest('.fc-timegrid-event').querySelector('.fc-event-resizer-end');
      const r = handle && handle.getBoundingClientRect();
      return r && r.height > 0 ? { x: r.left + r.width / 2, y: r.top, height: r.height } : null;
    })()`,
  );
  if (!box) throw new Error(`No resize handle on appointment ${target.id}`);
  // The handle straddles the bottom edge; its lower half may lie under the next event.
  const pressY = box.y + Math.min(2, box.height / 4);
  await page.mouse.move(box.x, pressY);
  await page.mouse.down();
  for (let i = 1; i <= 3; i++) await page.mouse.move(box.x, pressY + i * 2);
  await page.mouse.move(box.x, toY + (pressY - y), { steps: 5 });
  await page.mouse.up();
}
