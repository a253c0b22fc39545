import { useState } from 'react';
import { api, ok, showFailure, type UserView } from '../api/client';
import { Problem } from '../ui/async';
import { Field } from '../ui/field';

const MAX_REASON = 500;

/** Compliance: place a legal hold (H1) with its reason, replace the reason, or release it (H2). */
export function HoldAction({ user, onChanged }: { user: UserView; onChanged: (done: string) => void }) {
  const [reason, setReason] = useState(user.hold?.reason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [releasing, setReleasing] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { userId: user.userId } } };

  const send = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onChanged(done);
    } catch (e) {
      showFailure(e, setErrors, setError);
      setBusy(false);
    }
  };
  const place = () => {
    const text = reason.trim();
    if (!text) return setErrors({ reason: 'Say why the hold stands (a case or matter reference).' });
    if (text.length > MAX_REASON) return setErrors({ reason: `At most ${MAX_REASON} characters.` });
    setErrors({});
    void send(
      () => ok(api.PUT('/v1/users/{userId}/hold', { ...path, body: { reason: text } })),
      user.hold ? 'The reason of the hold is replaced.' : `A legal hold is placed on ${user.displayName}.`,
    );
  };
  return (
    <section aria-labelledby="hold-title" className="panel">
      <h2 id="hold-title">Legal hold</h2>
      <p className="muted small">
        While a hold stands nothing of this user is purged; releasing it gives whatever fell due 30 more days.
      </p>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          place();
        }}
      >
        <Field
          label="Reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.reason}
          hint={`1–${MAX_REASON} characters, e.g. a case reference`}
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={busy}>
          {user.hold ? 'Replace the reason' : 'Place hold'}
        </button>
        {user.hold && (
          <button type="button" disabled={busy} onClick={() => setReleasing(true)}>
            Release hold
          </button>
        )}
      </form>
      {releasing && (
        <div className="confirm" role="dialog" aria-modal="false" aria-labelledby="release-title">
          <h3 id="release-title">Release the hold on {user.displayName}</h3>
          <p>Purges held back by this hold will run 30 days from now unless a new hold is placed.</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                void send(
                  () => ok(api.DELETE('/v1/users/{userId}/hold', path)),
                  `The hold on ${user.displayName} is released.`,
                )
              }
            >
              Release
            </button>
            <button type="button" disabled={busy} onClick={() => setReleasing(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error !== null && <Problem error={error} />}
    </section>
  );
}
