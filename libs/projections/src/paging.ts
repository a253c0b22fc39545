import { invalid } from '@app/domain';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the last row's sequence number, base64url-encoded. */
export function encodeCursor(seq: number | bigint): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalid('cursor', 'cursor is not a cursor this API returned');
  return Number(match[1]);
}
