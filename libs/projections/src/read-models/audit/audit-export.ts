import { AuditEntry } from './audit.queries';

export type AuditExportFormat = 'csv' | 'ndjson';

export const AUDIT_EXPORT_MEDIA_TYPES: Record<AuditExportFormat, string> = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
};

/** The CSV columns: the audit entry flattened, `data` as its JSON text. */
export const AUDIT_CSV_COLUMNS = [
  'position',
  'eventId',
  'type',
  'occurredAt',
  'actorId',
  'actorName',
  'userId',
  'skuId',
  'correlationId',
  'data',
  'userPrincipalName',
  'before',
  'after',
] as const;

const CRLF = '\r\n';

/** First characters that make a spreadsheet evaluate a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled; records
 * end with CRLF. A text cell a spreadsheet would run as a formula gets a leading single quote (OWASP),
 * so `=HYPERLINK(…)` shows as text; every other cell is written as stored.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return AUDIT_CSV_COLUMNS.join(',') + CRLF;
}

export function auditCsvRecord(entry: AuditEntry): string {
  return (
    [
      entry.position,
      entry.eventId,
      entry.type,
      entry.occurredAt,
      entry.actor.id,
      entry.actor.name,
      entry.userId,
      entry.skuId,
      entry.correlationId,
      JSON.stringify(entry.data),
      entry.userPrincipalName,
      entry.before === undefined ? undefined : JSON.stringify(entry.before),
      entry.after === undefined ? undefined : JSON.stringify(entry.after),
    ]
      .map(csvField)
      .join(',') + CRLF
  );
}

export function auditNdjsonLine(entry: AuditEntry): string {
  return JSON.stringify(entry) + '\n';
}

/** The export as text pieces, one per chunk of entries (plus the CSV header first), produced lazily. */
export function* auditExport(chunks: Iterable<AuditEntry[]>, format: AuditExportFormat): Generator<string> {
  if (format === 'csv') yield auditCsvHeader();
  const line = format === 'csv' ? auditCsvRecord : auditNdjsonLine;
  for (const chunk of chunks) {
    let text = '';
    for (const entry of chunk) text += line(entry);
    yield text;
  }
}
