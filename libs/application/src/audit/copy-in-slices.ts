import { LedgerState, copyUser } from '@app/domain';
import { EventLoopTurns } from './event-loop-turns';

/**
 * copyState() in turns: the same copy, one entry at a time, so a state of any size is copied without
 * holding the event loop. The source must not change meanwhile: a checkpoint never does, and a fold
 * awaits the copy of its own state before it folds on.
 */
export async function copyStateInSlices(state: LedgerState, turns: EventLoopTurns): Promise<LedgerState> {
  return {
    subscriptions: await copyMap(state.subscriptions, (subscription) => ({ ...subscription }), turns),
    users: await copyMap(state.users, copyUser, turns),
    principalNames: await copyMap(state.principalNames, (userId) => userId, turns),
    aliases: await copyMap(state.aliases, (userId) => userId, turns),
    idempotency: await copyMap(state.idempotency, (remembered) => remembered, turns),
    webhooks: await copySet(state.webhooks, turns),
  };
}

/** Keeps the insertion order (the idempotency keys' is their age). */
async function copyMap<K, V>(source: Map<K, V>, copy: (value: V) => V, turns: EventLoopTurns): Promise<Map<K, V>> {
  const target = new Map<K, V>();
  for (const [key, value] of source) {
    target.set(key, copy(value));
    if (turns.due()) await turns.pass();
  }
  return target;
}

async function copySet<T>(source: Set<T>, turns: EventLoopTurns): Promise<Set<T>> {
  const target = new Set<T>();
  for (const value of source) {
    target.add(value);
    if (turns.due()) await turns.pass();
  }
  return target;
}
