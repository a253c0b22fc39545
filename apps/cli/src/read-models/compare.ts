import { Projection, ReadModelDatabase } from '@app/projections';

export type Difference =
  | { table: string; kind: 'missing'; key: Row; rebuilt: Row }
  | { table: string; kind: 'unexpected'; key: Row; live: Row }
  | { table: string; kind: 'differs'; key: Row; columns: { column: string; live: unknown; rebuilt: unknown }[] }
  | { table: string; kind: 'schema'; message: string };

type Row = Record<string, unknown>;

export interface Comparison {
  tables: number;
  rows: number;
  differences: Difference[];
  /** Differences found, including those past the cap that are only counted. */
  total: number;
}

/**
 * Compares every table of the projections, row by row, in primary-key order: both sides are read
 * with iterators side by side, so memory stays flat whatever the size. At most `cap` differences per
 * table are kept (all are counted).
 */
export function compareReadModels(
  live: ReadModelDatabase,
  rebuilt: ReadModelDatabase,
  projections: readonly Projection[],
  cap = 20,
): Comparison {
  const result: Comparison = { tables: 0, rows: 0, differences: [], total: 0 };
  for (const table of projections.flatMap((projection) => projection.tables)) {
    result.tables++;
    const liveColumns = columnsOf(live, table);
    const rebuiltColumns = columnsOf(rebuilt, table);
    if (liveColumns.length === 0) {
      result.differences.push({
        table,
        kind: 'schema',
        message: `table ${table} is missing from the live read models`,
      });
      result.total++;
      continue;
    }
    const signature = (columns: ColumnInfo[]) =>
      columns.map((column) => `${column.name}:${column.type}:${column.pk}`).join(',');
    if (signature(liveColumns) !== signature(rebuiltColumns)) {
      result.differences.push({
        table,
        kind: 'schema',
        message: `table ${table} has columns (${liveColumns.map((c) => c.name).join(', ')}) live but (${rebuiltColumns.map((c) => c.name).join(', ')}) rebuilt`,
      });
      result.total++;
      continue;
    }
    const found = compareTable(live, rebuilt, table, rebuiltColumns, cap);
    result.rows += found.rows;
    result.total += found.total;
    result.differences.push(...found.differences);
  }
  return result;
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

function columnsOf(db: ReadModelDatabase, table: string): ColumnInfo[] {
  return db
    .prepare<[], ColumnInfo>(
      `SELECT name, type, pk FROM pragma_table_info('${table.replace(/'/g, "''")}') ORDER BY cid`,
    )
    .all();
}

function compareTable(
  live: ReadModelDatabase,
  rebuilt: ReadModelDatabase,
  table: string,
  columns: ColumnInfo[],
  cap: number,
) {
  const keyColumns = columns
    .filter((column) => column.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((column) => column.name);
  // Without a primary key the whole row is the key.
  const key = keyColumns.length > 0 ? keyColumns : columns.map((column) => column.name);
  const sql = `SELECT * FROM "${table}" ORDER BY ${key.map((name) => `"${name}"`).join(', ')}`;
  const liveRows: Iterator<Row, undefined> = live.prepare<[], Row>(sql).safeIntegers(true).iterate();
  const rebuiltRows: Iterator<Row, undefined> = rebuilt.prepare<[], Row>(sql).safeIntegers(true).iterate();
  const differences: Difference[] = [];
  let total = 0;
  let rows = 0;
  const keep = (difference: Difference) => {
    total++;
    if (differences.length < cap) differences.push(difference);
  };
  const keyOf = (row: Row) => Object.fromEntries(key.map((name) => [name, row[name]]));
  try {
    let liveRow = liveRows.next().value;
    let rebuiltRow = rebuiltRows.next().value;
    while (liveRow || rebuiltRow) {
      rows++;
      if (liveRow && (!rebuiltRow || compareKeys(liveRow, rebuiltRow, key) < 0)) {
        keep({ table, kind: 'unexpected', key: keyOf(liveRow), live: liveRow });
        liveRow = liveRows.next().value;
      } else if (rebuiltRow && (!liveRow || compareKeys(liveRow, rebuiltRow, key) > 0)) {
        keep({ table, kind: 'missing', key: keyOf(rebuiltRow), rebuilt: rebuiltRow });
        rebuiltRow = rebuiltRows.next().value;
      } else if (liveRow && rebuiltRow) {
        const [live, rebuilt] = [liveRow, rebuiltRow];
        const changed = columns
          .filter((column) => !sameValue(live[column.name], rebuilt[column.name]))
          .map((column) => ({ column: column.name, live: live[column.name], rebuilt: rebuilt[column.name] }));
        if (changed.length > 0) keep({ table, kind: 'differs', key: keyOf(live), columns: changed });
        liveRow = liveRows.next().value;
        rebuiltRow = rebuiltRows.next().value;
      }
    }
  } finally {
    liveRows.return?.();
    rebuiltRows.return?.();
  }
  return { rows, total, differences };
}

/** SQLite's ORDER BY: NULL, then numbers, then text (BINARY: UTF-8 bytes), then blobs. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = (value: unknown) =>
    value === null || value === undefined
      ? 0
      : typeof value === 'number' || typeof value === 'bigint'
        ? 1
        : typeof value === 'string'
          ? 2
          : 3;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1)
    return (a as number | bigint) < (b as number | bigint)
      ? -1
      : (a as number | bigint) > (b as number | bigint)
        ? 1
        : 0;
  if (ra === 2) return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'));
  return Buffer.compare(a as Buffer, b as Buffer);
}

function compareKeys(a: Row, b: Row, key: readonly string[]): number {
  for (const name of key) {
    const order = compareValues(a[name], b[name]);
    if (order !== 0) return order;
  }
  return 0;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

/** One line per difference, e.g. `subscriptions (tenant_id=t1, sku_id=E3): assigned live=99 rebuilt=2`. */
export function describeDifference(difference: Difference): string {
  if (difference.kind === 'schema') return `${difference.table}: ${difference.message}`;
  const where = `${difference.table} (${Object.entries(difference.key)
    .map(([name, value]) => `${name}=${show(value)}`)
    .join(', ')})`;
  switch (difference.kind) {
    case 'missing':
      return `${where}: missing from the live read models (rebuilt: ${showRow(difference.rebuilt)})`;
    case 'unexpected':
      return `${where}: in the live read models but not rebuilt from the events (live: ${showRow(difference.live)})`;
    case 'differs':
      return `${where}: ${difference.columns.map((c) => `${c.column} live=${show(c.live)} rebuilt=${show(c.rebuilt)}`).join('; ')}`;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}..."` : text;
}

function showRow(row: Row): string {
  return Object.entries(row)
    .map(([name, value]) => `${name}=${show(value)}`)
    .join(', ');
}
