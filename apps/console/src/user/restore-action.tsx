import { useState } from 'react';
import { api, ok, type Schemas, type UserView } from '../api/client';
import { dryRun } from '../preview/dry-run';
import { when } from '../ui/format';
import { ConfirmChange } from './confirm';

/** Restore a deleted user until its purgeAfter (U5), with or without its licenses, after the API's preview. */
export function RestoreAction({ user, onChanged }: { user: UserView; onChanged: (done: string) => void }) {
  const [withLicenses, setWithLicenses] = useState(true);
  const [confirming, setConfirming] = useState(false);
  if (user.status !== 'deleted') return null;
  const call = (preview: boolean) =>
    api.POST('/v1/users/{userId}/restore', {
      params: { path: { userId: user.userId }, query: preview ? { dryRun: true } : {} },
      body: { withLicenses },
    });
  return (
    <section aria-labelledby="restore-title" className="panel">
      <h2 id="restore-title">Restore the user</h2>
      <p className="muted small">Restorable until {when(user.purgeAfter)}.</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setConfirming(true);
        }}
      >
        <label className="check">
          <input
            type="checkbox"
            checked={withLicenses}
            onChange={(event) => {
              setWithLicenses(event.target.checked);
              setConfirming(false);
            }}
          />
          With the licenses held at deletion
        </label>
        <button type="submit">Preview restore</button>
      </form>
      {confirming && (
        <ConfirmChange
          key={String(withLicenses)}
          title={`Restore ${user.displayName}${withLicenses ? ' with its licenses' : ' without licenses'}`}
          preview={() => dryRun(call(true))}
          apply={() => ok(call(false))}
          onDone={(result) => {
            setConfirming(false);
            const { aliasesNotRestored } = result as Schemas['RestoreResultDoc'];
            onChanged(
              `${user.displayName} is restored.${aliasesNotRestored.length ? ` Taken meanwhile, so not restored: ${aliasesNotRestored.join(', ')}.` : ''}`,
            );
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
