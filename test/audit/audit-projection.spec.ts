import {
  AuditQueries,
  ProjectedEvent,
  auditCsvHeader,
  auditCsvRecord,
  auditProjection,
  csvField,
  openReadModelDatabase,
} from '@app/projections';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_CSV_HEADER, parseCsv } from './csv';

function event(
  position: number,
  type: ProjectedEvent['type'],
  data: Record<string, unknown>,
  actor: { id: string; name?: string } = { id: 'alice' },
): ProjectedEvent {
  return {
    type,
    data,
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    streamId: 'ledger-t1',
    revision: BigInt(position - 1),
    position: BigInt(position),
    metadata: {
      actor,
      tenantId: 't1',
      occurredAt: `2026-11-30T10:00:0${position}.000Z`,
      correlationId: `c${position}`,
      causationId: `r${position}`,
    },
  } as ProjectedEvent;
}

describe('audit projection', () => {
  const db = openReadModelDatabase(join(mkdtempSync(join(tmpdir(), 'ledger-audit-')), 'read-models.sqlite'));
  db.exec(auditProjection.schema);
  const apply = auditProjection.bind(db);
  const queries = new AuditQueries(db);
  const history = [
    event(
      1,
      'SubscriptionAdded',
      { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 2 },
      { id: 'root', name: 'Root' },
    ),
    event(2, 'UserCreated', {
      userId: 'u1',
      userPrincipalName: 'ada@x.com',
      displayName: 'Ada, "the first"',
      usageLocation: 'GB',
      aliases: [],
    }),
    event(3, 'LicenseAssigned', { userId: 'u1', skuId: 'E3', disabledPlans: [] }),
  ];

  it('keeps one entry per event even when an event is delivered twice (idempotent)', () => {
    for (const each of history) {
      apply(each);
      apply(each);
    }
    const page = queries.page('t1', {}, 10);
    expect(page.items.map((entry) => entry.position)).toEqual([1, 2, 3]);
    expect(page.items[0]).toEqual({
      position: 1,
      eventId: history[0].eventId,
      type: 'SubscriptionAdded',
      occurredAt: '2026-11-30T10:00:01.000Z',
      actor: { id: 'root', name: 'Root' },
      skuId: 'E3',
      data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE'], seats: 2 },
      correlationId: 'c1',
    });
    expect(page.items[2]).toMatchObject({ actor: { id: 'alice', name: null }, userId: 'u1', skuId: 'E3' });
    expect(queries.page('other-tenant', {}, 10).items).toEqual([]);
  });

  it('reads the export a chunk at a time, resuming after the last position', () => {
    const chunks = [...queries.chunks('t1', {}, 2)];
    expect(chunks.map((chunk) => chunk.map((entry) => entry.position))).toEqual([[1, 2], [3]]);
    expect(
      [...queries.chunks('t1', { types: ['LicenseAssigned', 'UserCreated'] }, 1)].flat().map((entry) => entry.type),
    ).toEqual(['UserCreated', 'LicenseAssigned']);
  });

  it('uses an index for each filter (no scan of the whole trail)', () => {
    for (const [column, value] of [
      ['user_id', 'u1'],
      ['sku_id', 'E3'],
      ['actor_id', 'alice'],
      ['type', 'UserCreated'],
    ]) {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT * FROM audit_events WHERE tenant_id = 't1' AND position > -1 AND ${column} = '${value}' ORDER BY position LIMIT 10`,
        )
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join('; ');
      expect(plan).toMatch(/USING (COVERING )?INDEX/);
      expect(plan).not.toMatch(/USE TEMP B-TREE/);
    }
  });
});

describe('CSV of the audit export (RFC 4180)', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('writes records that a strict reader parses back, data as JSON text', () => {
    const entry = {
      position: 7,
      eventId: 'e7',
      type: 'UserCreated' as const,
      occurredAt: '2026-11-30T10:00:00.000Z',
      actor: { id: 'alice', name: 'Doe, "Al"\nOps' },
      userId: 'u1',
      userPrincipalName: 'u1@contoso.com',
      data: { displayName: 'A "quoted", multi\r\nline name' },
      correlationId: 'c7',
    };
    const [header, record] = parseCsv(auditCsvHeader() + auditCsvRecord(entry));
    expect(header).toEqual(AUDIT_CSV_HEADER);
    expect(record).toEqual([
      '7',
      'e7',
      'UserCreated',
      entry.occurredAt,
      'alice',
      entry.actor.name,
      'u1',
      '',
      'c7',
      JSON.stringify(entry.data),
      'u1@contoso.com',
      '',
      '',
    ]);
  });
});
