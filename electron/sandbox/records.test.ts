import { describe, expect, it } from 'vitest';
import { call, demoToken, testSandbox } from './testing';

interface Page {
  next: string | null;
  results: Record<string, unknown>[];
}

describe('patients', () => {
  it('filters by name, case-insensitive and partial', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const r = (await call(sb, 'GET', '/api/patients?last_name=quis&first_name=MARI', { token }))
      .body as Page;
    expect(r.results.map((p) => `${String(p.first_name)} ${String(p.last_name)}`)).toContain(
      'Marisol Quispe',
    );
    const summary = (await call(sb, 'GET', '/api/patients_summary?last_name=quispe', { token }))
      .body as Page;
    expect(Object.keys(summary.results[0] ?? {}).sort()).toEqual(
      ['chart_id', 'date_of_birth', 'doctor', 'first_name', 'gender', 'id', 'last_name'].sort(),
    );
    const inOffice = (await call(sb, 'GET', '/api/patients?offices=520002&page_size=5', { token }))
      .body as Page;
    for (const p of inOffice.results) expect(p.offices).toContain(520002);
  });

  it('merges PATCHes, replaces insurance objects and validates enums', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const created = await call(sb, 'POST', '/api/patients', {
      token,
      json: {
        doctor: 310001,
        gender: 'Female',
        first_name: 'Ada',
        last_name: 'Lovelace',
        date_of_birth: '1985-12-10',
      },
    });
    expect(created.status).toBe(201);
    const id = String((created.body as { id: number }).id);
    expect((created.body as { chart_id: string }).chart_id).toMatch(/^LOVEAD/);
    const insurance = {
      insurance_company: 'Aetna',
      insurance_payer_id: '60054',
      insurance_id_number: 'W123',
      x_card_side: 'front',
    };
    const patch = await call(sb, 'PATCH', `/api/patients/${id}`, {
      token,
      json: {
        cell_phone: '(845) 555-0199',
        primary_insurance: insurance,
        patient_payment_profile: 'Insurance',
      },
    });
    expect(patch.status).toBe(204);
    const after = (await call(sb, 'GET', `/api/patients/${id}?verbose=true`, { token }))
      .body as Record<string, unknown>;
    expect(after).toMatchObject({
      first_name: 'Ada',
      cell_phone: '(845) 555-0199',
      patient_payment_profile: 'Insurance',
    });
    expect(after.primary_insurance).toMatchObject({ ...insurance, insurance_group_number: '' });
    await call(sb, 'PATCH', `/api/patients/${id}`, {
      token,
      json: { primary_insurance: { insurance_company: 'Cigna' } },
    });
    const replaced = (await call(sb, 'GET', `/api/patients/${id}?verbose=true`, { token }))
      .body as Record<string, Record<string, unknown>>;
    expect(replaced.primary_insurance).toMatchObject({
      insurance_company: 'Cigna',
      insurance_id_number: '',
    });
    expect(replaced.primary_insurance).not.toHaveProperty('x_card_side');
    const bad = await call(sb, 'PATCH', `/api/patients/${id}`, {
      token,
      json: { gender: 'F', race: 'martian', ethnicity: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body as object).sort()).toEqual(['ethnicity', 'gender', 'race']);
    const cashOnly = await call(sb, 'POST', '/api/patients', {
      token,
      json: { doctor: 310001, gender: 'Male', patient_payment_profile: "Worker's Comp" },
    });
    expect(cashOnly.status).toBe(400);
    expect(cashOnly.body).toHaveProperty('patient_payment_profile');
    expect(
      (await call(sb, 'POST', '/api/patients', { token, json: { gender: 'Male' } })).body,
    ).toEqual({
      doctor: ['This field is required.'],
    });
  });
});

describe('templates', () => {
  it('fills open_slots from the block minus booked appointments, at least a profile long', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    expect(
      (await call(sb, 'GET', '/api/appointment_templates?available=2025-03-19', { token })).status,
    ).toBe(400);
    const profile = sb.data.profiles.list().find((p) => p.name === 'Follow-up Visit');
    const template = await call(sb, 'POST', '/api/appointment_templates', {
      token,
      json: {
        office: 520001,
        exam_room: 1,
        profile: profile?.id,
        scheduled_time: '06:00',
        duration: 90,
        week_days: [5],
      },
    });
    expect(template.status).toBe(201);
    const tid = (template.body as { id: number }).id;
    const book = (time: string, duration: number, room = 1) =>
      call(sb, 'POST', '/api/appointments', {
        token,
        json: {
          doctor: 310001,
          office: 520001,
          exam_room: room,
          patient: null,
          scheduled_time: `2025-03-15T${time}`,
          duration,
        },
      });
    await book('06:10:00', 30);
    await book('07:00:00', 15);
    await book('06:00:00', 90, 2);
    const url = '/api/appointment_templates?available=2025-03-15&office=520001&verbose=true';
    const found = ((await call(sb, 'GET', url, { token })).body as Page).results.find(
      (t) => t.id === tid,
    );
    // Block 06:00-07:30 minus 06:10-06:40 and 07:00-07:15; the 10- and 15-minute gaps are
    // shorter than the 20-minute profile. The booking in room 2 does not count.
    expect(found?.open_slots).toEqual([
      { start: '2025-03-15T06:40:00', end: '2025-03-15T07:00:00' },
    ]);
    const strictUrl = `${url}&strict=1`;
    const strict = ((await call(sb, 'GET', strictUrl, { token })).body as Page).results.find(
      (t) => t.id === tid,
    );
    expect(strict).toBeUndefined();
    const plain = (
      (
        await call(sb, 'GET', '/api/appointment_templates?available=2025-03-16&office=520001', {
          token,
        })
      ).body as Page
    ).results;
    expect(plain.some((t) => t.id === tid)).toBe(false);
  });
});

describe('billing', () => {
  it('computes balances as decimal strings and moves them with payments', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const appt = sb.data.appointments
      .list()
      .find(
        (a) =>
          a.status === 'Complete' &&
          a.patient !== null &&
          a.scheduled_time === '2025-03-12T08:00:00',
      );
    const create = await call(sb, 'POST', '/api/line_items', {
      token,
      json: {
        appointment: Number(appt?.id),
        code: '99213',
        procedure_type: 'C',
        price: 0.1 + 0.2,
        quantity: '3',
        diagnosis_pointers: ['R05.9', null, null, null],
        doctor: appt?.doctor,
      },
    });
    expect(create.status).toBe(201);
    const li = create.body as Record<string, unknown>;
    expect(li).toMatchObject({
      procedure_type: 'CPT(C)',
      price: '0.30',
      quantity: '3.00',
      billed: '0.90',
      pt_paid: '0.00',
      diagnosis_pointers: [expect.any(Number), null, null, null],
    });
    expect(li.balance_total).toBe('0.90');
    const pay = await call(sb, 'POST', '/api/patient_payments', {
      token,
      json: {
        patient: appt?.patient,
        appointment: Number(appt?.id),
        line_item: li.id,
        amount: '0.25',
        payment_method: 'CASH',
      },
    });
    expect(pay.status).toBe(201);
    const after = sb.data.lineItems.get(li.id as number);
    expect(after).toMatchObject({ pt_paid: '0.25', paid_total: '0.25', balance_total: '0.65' });
    expect(Number(after?.balance_pt)).toBeCloseTo(Number(li.balance_pt) - 0.25, 5);
    const log = sb.data.paymentLog.list().at(-1);
    expect(log).toMatchObject({ action: 'Created', amount: '0.25', patient: appt?.patient });
    for (const [body, field] of [
      [{ patient: appt?.patient, amount: 0 }, 'amount'],
      [{ amount: 5 }, 'patient'],
      [{ patient: appt?.patient, amount: 5, line_item: li.id }, 'non_field_errors'],
      [{ patient: appt?.patient, amount: 5, payment_method: 'CHECK' }, 'payment_method'],
    ] as const) {
      const r = await call(sb, 'POST', '/api/patient_payments', { token, json: body });
      expect(r.status).toBe(400);
      expect(r.body).toHaveProperty(field);
    }
    // "List of 4": a shorter list is refused, DRF style.
    const short = await call(sb, 'POST', '/api/line_items', {
      token,
      json: {
        appointment: Number(appt?.id),
        code: '99213',
        procedure_type: 'C',
        price: '10',
        diagnosis_pointers: [1],
        modifiers: ['25'],
        doctor: appt?.doctor,
      },
    });
    expect(short.status).toBe(400);
    expect(short.body).toEqual({
      diagnosis_pointers: ['Ensure this field has exactly 4 elements.'],
      modifiers: ['Ensure this field has exactly 4 elements.'],
    });
    expect(li.modifiers).toEqual(['', '', '', '']);
    const missing = await call(sb, 'POST', '/api/line_items', { token, json: {} });
    expect(Object.keys(missing.body as object).sort()).toEqual([
      'appointment',
      'code',
      'diagnosis_pointers',
      'doctor',
      'price',
      'procedure_type',
    ]);
  });

  it('leaves some seeded balances due', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const items = (
      (await call(sb, 'GET', '/api/line_items?service_date=2025-03-10', { token })).body as Page
    ).results;
    expect(items.length).toBeGreaterThan(10);
    for (const li of items)
      for (const k of ['price', 'billed', 'balance_pt', 'balance_total', 'paid_total'])
        expect(li[k]).toMatch(/^-?\d+\.\d{2}$/);
    expect(items.some((li) => Number(li.balance_pt) > 0)).toBe(true);
  });
});

describe('clinical', () => {
  it('reads, creates and patches but never deletes', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const made = await call(sb, 'POST', '/api/problems', {
      token,
      json: { patient: 7000001, doctor: 310002, name: 'Migraine', icd_code: 'G43.909' },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'active', icd_version: 10 });
    const id = String((made.body as { id: number }).id);
    expect(
      (await call(sb, 'PATCH', `/api/problems/${id}`, { token, json: { status: 'resolved' } }))
        .status,
    ).toBe(204);
    expect(
      (await call(sb, 'PATCH', `/api/problems/${id}`, { token, json: { status: 'gone' } })).status,
    ).toBe(400);
    expect((await call(sb, 'DELETE', `/api/problems/${id}`, { token })).status).toBe(405);
    const mine = ((await call(sb, 'GET', '/api/problems?patient=7000001', { token })).body as Page)
      .results;
    expect(mine.find((p) => String(p.id) === id)).toMatchObject({ status: 'resolved' });
    expect(mine.every((p) => p.patient === 7000001)).toBe(true);
  });
});

describe('profiles and templates', () => {
  it('archives profiles on DELETE and hides them unless show_archived', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const made = await call(sb, 'POST', '/api/appointment_profiles', {
      token,
      json: {
        name: 'Flu shot',
        color: '#123456',
        duration: 10,
        reason: 'Vaccine',
        online_scheduling: true,
      },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ archived: false, doctor: 310001 });
    const id = String((made.body as { id: number }).id);
    const missing = await call(sb, 'POST', '/api/appointment_profiles', {
      token,
      json: { name: 'x' },
    });
    expect(Object.keys(missing.body as object).sort()).toEqual([
      'color',
      'duration',
      'online_scheduling',
      'reason',
    ]);
    expect((await call(sb, 'DELETE', `/api/appointment_profiles/${id}`, { token })).status).toBe(
      204,
    );
    const ids = async (q: string) =>
      (
        (await call(sb, 'GET', `/api/appointment_profiles${q}`, { token })).body as Page
      ).results.map((p) => String(p.id));
    expect(await ids('')).not.toContain(id);
    expect(await ids('?show_archived=true')).toContain(id);
    expect(
      (await call(sb, 'GET', `/api/appointment_profiles/${id}`, { token })).body,
    ).toMatchObject({ archived: true });
  });

  it('filters templates by office, doctor and week day', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const tues = (
      (await call(sb, 'GET', '/api/appointment_templates?week_day=1&office=520002', { token }))
        .body as Page
    ).results;
    expect(tues.length).toBeGreaterThan(0);
    for (const t of tues) {
      expect(t.office).toBe(520002);
      expect(t.week_days).toContain(1);
    }
    const bad = await call(sb, 'POST', '/api/appointment_templates', {
      token,
      json: {
        office: 520002,
        exam_room: 9,
        profile: 610001,
        scheduled_time: '08:00:00',
        duration: 60,
        week_days: [0],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveProperty('exam_room');
  });
});

describe('since cursors', () => {
  it('returns patients changed since a stamp, including changes from another workstation', async () => {
    const { sb, clock } = testSandbox();
    const token = demoToken(sb);
    const stamp = '2025-03-12T10:30:00';
    expect(
      ((await call(sb, 'GET', `/api/patients?since=${stamp}`, { token })).body as Page).results,
    ).toEqual([]);
    await clock.advance(1000);
    sb.control.touchPatient(7000001, { cell_phone: '(845) 555-0101' });
    const changed = (
      (await call(sb, 'GET', `/api/patients?since=${stamp}`, { token })).body as Page
    ).results;
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      id: 7000001,
      cell_phone: '(845) 555-0101',
      updated_at: '2025-03-12T10:30:01',
    });
    expect((await call(sb, 'GET', '/api/patients?since=yesterday', { token })).status).toBe(400);
  });

  it('leaves deleted patients out of since lists unless show_archived (then archived: true)', async () => {
    const { sb, clock } = testSandbox();
    const token = demoToken(sb);
    const stamp = '2025-03-12T10:30:00';
    await clock.advance(1000);
    expect((await call(sb, 'DELETE', '/api/patients/7000002', { token })).status).toBe(204);
    const since = async (query: string) =>
      ((await call(sb, 'GET', `/api/patients?since=${stamp}${query}`, { token })).body as Page)
        .results;
    expect(await since('')).toEqual([]);
    expect(await since('&show_archived=true')).toEqual([
      expect.objectContaining({ id: 7000002, archived: true }),
    ]);
    sb.control.setSinceReportsDeletions(false);
    expect(await since('&show_archived=true')).toEqual([]);
  });
});

describe('dates', () => {
  it('refuses "" for a date with DRF\'s 400 and clears it with null', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const wrong = ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'];
    const patch = (path: string, json: unknown) => call(sb, 'PATCH', path, { token, json });
    const dob = await patch('/api/patients/7000003', { date_of_birth: '' });
    expect(dob.status).toBe(400);
    expect(dob.body).toEqual({ date_of_birth: wrong });
    const subscriber = await patch('/api/patients/7000003', {
      primary_insurance: { insurance_company: 'Aetna', subscriber_date_of_birth: '' },
    });
    expect(subscriber.status).toBe(400);
    expect(subscriber.body).toEqual({ primary_insurance: { subscriber_date_of_birth: wrong } });
    expect((await patch('/api/patients/7000003', { date_of_birth: null })).status).toBe(204);
    const problem = sb.db.problems.all()[0];
    const onset = await patch(`/api/problems/${String(problem?.id)}`, { date_onset: '' });
    expect(onset.body).toEqual({ date_onset: wrong });
    expect((await patch(`/api/problems/${String(problem?.id)}`, { date_onset: null })).status).toBe(
      204,
    );
  });
});
