import { useState } from 'react';
import { api, ok, type UserView } from '../api/client';
import { dryRun } from '../preview/dry-run';
import { ConfirmChange } from './confirm';

/** Delete the user (U4): frees every license; the mailbox enters its grace period. Previewed by ?dryRun=true first. */
export function DeleteAction({ user, onChanged }: { user: UserView; onChanged: (done: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  if (user.status !== 'active') return null;
  const call = (preview: boolean) =>
    api.DELETE('/v1/users/{userId}', {
      params: { path: { userId: user.userId }, query: preview ? { dryRun: true } : {} },
    });
  return (
    <section aria-labelledby="delete-title" className="panel">
      <h2 id="delete-title">Delete the user</h2>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Preview deletion
      </button>
      {confirming && (
        <ConfirmChange
          title={`Delete ${user.displayName}`}
          preview={() => dryRun(call(true))}
          apply={() => ok(call(false))}
          onDone={() => {
            setConfirming(false);
            onChanged(`${user.displayName} is deleted.`);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
