import { invalid } from '@app/domain';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the last row's sequence number, base64url-encoded. */
export function encodeCursor(seq: number | bigint): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

/**
 * A page from up to limit + 1 rows read after the cursor: the extra row only says there is more.
 * `seqOf` gives a row's sequence number (the next cursor), `toItem` its view.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  seqOf: (row: R) => number | bigint,
  toItem: (row: R) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  return {
    items: kept.map(toItem),
    nextCursor: rows.length > limit ? encodeCursor(seqOf(kept[kept.length - 1])) : null,
  };
}

/** Where a page starts: after the cursor's row, or before the first row (-1) without one. */
export function afterCursor(cursor: string | undefined): number {
  return cursor ? decodeCursor(cursor) : -1;
}

export function decodeCursor(cursor: string): number {
  const match = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalid('cursor', 'cursor is not a cursor this API returned');
  return Number(match[1]);
}
