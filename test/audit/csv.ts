/** A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i++;
      } else {
        field += char;
        i++;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at offset ${i}`);
      quoted = true;
      i++;
    } else if (char === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (char === '\n' || char === '\r') {
      throw new Error(`a bare line break at offset ${i}: records must end with CRLF`);
    } else {
      field += char;
      i++;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** The contract's CSV columns, written out here rather than imported, so a change of the export's columns fails the tests. */
export const AUDIT_CSV_HEADER = [
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
];

/** CSV records of the audit export back to audit entries (empty cells are absent values). */
export function csvToEntries(text: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(AUDIT_CSV_HEADER);
  return rows.map((cells) => {
    const row = Object.fromEntries(header.map((name, i) => [name, cells[i]]));
    expect(cells).toHaveLength(header.length);
    return {
      position: Number(row.position),
      eventId: row.eventId,
      type: row.type,
      occurredAt: row.occurredAt,
      actor: { id: row.actorId, name: row.actorName === '' ? null : row.actorName },
      ...(row.userId !== ''
        ? { userId: row.userId, userPrincipalName: row.userPrincipalName === '' ? null : row.userPrincipalName }
        : {}),
      ...(row.skuId !== '' ? { skuId: row.skuId } : {}),
      // before/after are JSON text ('null' for none) on license changes, empty elsewhere.
      ...(row.before !== '' ? { before: JSON.parse(row.before), after: JSON.parse(row.after) } : {}),
      data: JSON.parse(row.data),
      correlationId: row.correlationId,
    };
  });
}
