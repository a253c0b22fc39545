import { LedgerState } from '@app/domain';
import { SubscriptionView, subscriptionView } from '@app/projections';
import { EventLoopTurns } from './event-loop-turns';
import { sortInSlices } from './sort-in-slices';

export interface AuditAssignment {
  userId: string;
  skuId: string;
  disabledPlans: string[];
}

/** GET /v1/audit/state: the seats and assignments of a tenant as they were at an instant (A2). */
export interface AuditStateView {
  at: string;
  subscriptions: SubscriptionView[];
  assignments: AuditAssignment[];
}

export interface FoldedAt {
  state: LedgerState;
  /** Global position of the last event folded in; null when none was. */
  position: bigint | null;
  /** Events this fold read and applied (those before its starting checkpoint not counted). */
  events: number;
}

/** Characters of JSON text per piece of the answer: the socket takes one at a time. */
const PIECE_CHARS = 64 * 1024;

/** The contract's view of a folded state, in turns: subscriptions by skuId, assignments by user then SKU. */
export async function auditStateView(at: Date, state: LedgerState, turns: EventLoopTurns): Promise<AuditStateView> {
  const subscriptions: SubscriptionView[] = [];
  for (const subscription of state.subscriptions.values()) {
    subscriptions.push(subscriptionView(subscription));
    if (turns.due()) await turns.pass();
  }
  const assignments: AuditAssignment[] = [];
  for (const user of state.users.values()) {
    for (const [skuId, disabledPlans] of user.licenses)
      assignments.push({ userId: user.userId, skuId, disabledPlans: [...disabledPlans] });
    if (turns.due()) await turns.pass();
  }
  return {
    at: at.toISOString(),
    subscriptions: await sortInSlices(subscriptions, (a, b) => compare(a.skuId, b.skuId), turns),
    assignments: await sortInSlices(
      assignments,
      (a, b) => compare(a.userId, b.userId) || compare(a.skuId, b.skuId),
      turns,
    ),
  };
}

/** JSON.stringify(view), in pieces of about PIECE_CHARS made in turns: an answer of any size never holds the event loop. */
export async function auditStateJson(view: AuditStateView, turns: EventLoopTurns): Promise<string[]> {
  const pieces: string[] = [];
  let piece = `{"at":${JSON.stringify(view.at)},"subscriptions":[`;
  const list = async (entries: readonly unknown[], close: string) => {
    for (let i = 0; i < entries.length; i++) {
      piece += (i === 0 ? '' : ',') + JSON.stringify(entries[i]);
      if (piece.length >= PIECE_CHARS) {
        pieces.push(piece);
        piece = '';
      }
      if (turns.due()) await turns.pass();
    }
    piece += close;
  };
  await list(view.subscriptions, '],"assignments":[');
  await list(view.assignments, ']}');
  pieces.push(piece);
  return pieces;
}

/** Code-unit order, like SQLite's BINARY collation for ASCII ids (the read models sort with it). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
