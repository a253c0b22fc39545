/** Messages between the API's main thread and the point-in-time worker thread (audit-state.thread.ts). */
export type StateWorkerRequest =
  | { kind: 'answer'; id: number; tenantId: string; at: string }
  | { kind: 'forget'; tenantId: string; userId: string }
  | { kind: 'close' };

export type StateWorkerReply =
  /** The AuditStateView's JSON text in UTF-8 (its buffer transferred, not copied); events: folded past the checkpoint. */
  { id: number; json: Uint8Array; events: number } | { id: number; error: { name: string; message: string } };
