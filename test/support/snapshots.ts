import { SnapshotStore } from '@app/application';
import { initialState } from '@app/domain';

/** The stored snapshot of `streamId` with its state, or undefined when there is none. */
export async function loadSnapshot(snapshots: SnapshotStore, streamId: string) {
  const state = initialState();
  const head = await snapshots.load(streamId, state);
  return head && { ...head, state };
}
