import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client';
import type { Preview } from '../preview/consequences';
import { Problem } from '../ui/async';

/**
 * The preview of a change and its confirmation: what will be lost is shown before anything is sent.
 * `apply` runs the command; its error (e.g. InsufficientSeats) stays here, against the change.
 */
export function ConfirmChange({
  title,
  preview,
  apply,
  onDone,
  onCancel,
  onInvalid,
}: {
  title: string;
  preview: () => Promise<Preview>;
  apply: () => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  /** A ValidationFailed answer goes back to the form, against its fields. */
  onInvalid?: (fields: Record<string, string>) => void;
}) {
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    preview().then(setResult, (e: unknown) =>
      onInvalid && e instanceof ApiProblem && e.code === 'ValidationFailed' ? onInvalid(e.fields) : setError(e),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await apply();
      onDone();
    } catch (e) {
      if (onInvalid && e instanceof ApiProblem && e.code === 'ValidationFailed') return onInvalid(e.fields);
      setError(e);
      setBusy(false);
    }
  };
  return (
    <div className="confirm" role="dialog" aria-modal="false" aria-labelledby="confirm-title">
      <h3 id="confirm-title" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {!result && !error && <p role="status">Computing what this change does…</p>}
      {result && (
        <>
          {result.lost.length > 0 ? (
            <>
              <p>
                <strong>What will be lost:</strong>
              </p>
              <ul className="lost" aria-label="What will be lost">
                {result.lost.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Nothing is lost: no mailbox, alias or contacts list is affected.</p>
          )}
          {result.blockers.map((line) => (
            <p key={line} className="notice error">
              {line}
            </p>
          ))}
        </>
      )}
      {error !== null && <Problem error={error} />}
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={
            !result || result.blockers.length > 0 || busy || (error instanceof ApiProblem && error.status === 403)
          }
          onClick={() => void confirm()}
        >
          {busy ? 'Applying…' : 'Confirm'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
