import { useState } from 'react';
import { api, ok, type UserView } from '../api/client';
import { previewDelete } from '../preview/consequences';
import { ConfirmChange } from './confirm';

/** Delete the user (U4): frees every license; the mailbox enters its grace period. Previewed first. */
export function DeleteAction({ user, onChanged }: { user: UserView; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (user.status !== 'active') return null;
  return (
    <section aria-labelledby="delete-title" className="panel">
      <h2 id="delete-title">Delete the user</h2>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Preview deletion
      </button>
      {confirming && (
        <ConfirmChange
          title={`Delete ${user.displayName}`}
          preview={async () => previewDelete(user)}
          apply={() => ok(api.DELETE('/v1/users/{userId}', { params: { path: { userId: user.userId } } }))}
          onDone={() => {
            setConfirming(false);
            onChanged();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
