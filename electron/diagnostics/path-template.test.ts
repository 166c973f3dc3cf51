import { describe, expect, it } from 'vitest';
import { isPathTemplate, pathTemplate } from './path-template';

describe('path templates', () => {
  it('keeps the reference’s literal segments and replaces ids', () => {
    expect(pathTemplate('/api/appointments')).toBe('/api/appointments');
    expect(pathTemplate('/api/patients/123')).toBe('/api/patients/:id');
    expect(pathTemplate('/api/offices/7/add_exam_room')).toBe('/api/offices/:id/add_exam_room');
    expect(pathTemplate('/api/users/current')).toBe('/api/users/current');
    expect(pathTemplate('/o/revoke_token/')).toBe('/o/revoke_token/');
  });

  it('hides every segment it does not know, names and odd ids included', () => {
    expect(pathTemplate('/api/patients/Quispe')).toBe('/api/patients/:value');
    expect(pathTemplate('/api/patients/Marisol%20Quispe/ccda')).toBe('/api/patients/:value/ccda');
    expect(pathTemplate('/api/appointments/abc-12')).toBe('/api/appointments/:value');
    expect(pathTemplate('/api/1955-04-02')).toBe('/api/:value');
    expect(pathTemplate('/api/patients/123/../../secret')).toBe('/api/:value');
  });

  it('never keeps a query string, only that there was one', () => {
    expect(pathTemplate('/api/patients?first_name=Marisol&date_of_birth=1955-04-02')).toBe(
      '/api/patients?…',
    );
    expect(pathTemplate('/api/appointments?date=2026-12-06')).toBe('/api/appointments?…');
    expect(pathTemplate('/api/doctors?')).toBe('/api/doctors');
  });

  it('drops the origin of absolute URLs (next links, redirects) and any userinfo', () => {
    expect(
      pathTemplate('https://user:secret@drchrono.com/api/patients_summary?cursor=abc&page=2'),
    ).toBe('/api/patients_summary?…');
    expect(pathTemplate(new URL('https://drchrono.com/api/tasks/9#frag'))).toBe('/api/tasks/:id');
  });
});

describe('templates are stable', () => {
  it('a template run through again is unchanged; a raw path is not a template', () => {
    for (const raw of ['/api/patients/12?x=1', '/api/appointments/abc', '/o/token/']) {
      const once = pathTemplate(raw);
      expect(pathTemplate(once)).toBe(once);
      expect(isPathTemplate(once)).toBe(true);
    }
    expect(isPathTemplate('/api/patients/12')).toBe(false);
    expect(isPathTemplate('/api/patients?last_name=Quispe')).toBe(false);
  });
});
