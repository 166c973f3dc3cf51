import { describe, expect, it } from 'vitest';
import { call, demoToken, testBase, testSandbox } from './testing';

type Json = Record<string, unknown>;

const png: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4,
]);

function upload(fields: Record<string, string>, file: Uint8Array<ArrayBuffer> | null): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('document', new File([file], 'card-front.png', { type: 'image/png' }));
  return form;
}

describe('documents', () => {
  const fields = {
    doctor: '310001',
    patient: '7000001',
    date: '2025-03-12',
    description: 'Insurance card (front)',
    metatags: JSON.stringify(['insurance-card', 'front']),
  };

  it('takes a multipart upload with metatags, lists it by patient and serves the file signed', async () => {
    const { sb, clock } = testSandbox();
    const token = demoToken(sb);
    const posted = await sb.handle(`${testBase}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: upload(fields, png),
    });
    expect(posted.status).toBe(201);
    const created = (await posted.json()) as Json;
    expect(created).toMatchObject({
      patient: 7000001,
      doctor: 310001,
      description: 'Insurance card (front)',
      metatags: ['insurance-card', 'front'],
    });
    const listed = (await call(sb, 'GET', '/api/documents?patient=7000001', { token })).body as {
      results: Json[];
    };
    expect(listed.results.map((d) => d.id)).toEqual([created.id]);
    const other = (await call(sb, 'GET', '/api/documents?patient=7000002', { token })).body as {
      results: Json[];
    };
    expect(other.results).toEqual([]);

    // The file URL needs no token, but only with its signature and only for a while.
    const url = String(created.document);
    const file = await sb.handle(url, { method: 'GET' });
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
    // One character changed (a signature starting with "0" would otherwise come back unchanged).
    const forgedUrl = url.replace(
      /signature=(\w)/,
      (_m, c: string) => `signature=${c === '0' ? '1' : '0'}`,
    );
    const forged = await sb.handle(forgedUrl, { method: 'GET' });
    expect(forged.status).toBe(403);
    await clock.advance(16 * 60_000);
    expect((await sb.handle(url, { method: 'GET' })).status).toBe(403);
  });

  it('is as strict as drchrono: a file, the required fields, and the patients:write scope', async () => {
    const { sb } = testSandbox();
    const token = demoToken(sb);
    const asJson = await call(sb, 'POST', '/api/documents', {
      token,
      json: { ...fields, document: 'card.png' },
    });
    expect(asJson.status).toBe(400);
    expect(asJson.body).toMatchObject({ document: [expect.stringMatching(/not a file/)] });
    const noDescription = await sb.handle(`${testBase}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: upload({ ...fields, description: '', metatags: 'insurance' }, png),
    });
    expect(noDescription.status).toBe(400);
    expect(Object.keys((await noDescription.json()) as Json).sort()).toEqual([
      'description',
      'metatags',
    ]);

    const readOnly = sb.control.issueTokens({ scope: 'patients:read' }).access_token;
    const refused = await sb.handle(`${testBase}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${readOnly}` },
      body: upload(fields, png),
    });
    expect(refused.status).toBe(403);
  });
});
