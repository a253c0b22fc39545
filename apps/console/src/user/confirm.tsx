import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client';
import { say, type DryRun } from '../preview/dry-run';
import { Problem } from '../ui/async';

/**
 * The preview of a change and its confirmation: the command is first sent with `?dryRun=true`, and what the
 * ledger says will be lost is shown before anything is applied. `apply` runs the command for real; its error
 * (e.g. InsufficientSeats) stays here, against the change.
 */
export function ConfirmChange({
  title,
  preview,
  apply,
  names = {},
  onDone,
  onCancel,
  onInvalid,
}: {
  title: string;
  preview: () => Promise<DryRun>;
  apply: () => Promise<unknown>;
  /** userId → how to call that user, when the change touches more than one. */
  names?: Record<string, string>;
  onDone: (result: unknown) => void;
  onCancel: () => void;
  /** A ValidationFailed answer goes back to the form, against its fields. */
  onInvalid?: (fields: Record<string, string>) => void;
}) {
  const [result, setResult] = useState<DryRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const invalid = (e: unknown) => onInvalid && e instanceof ApiProblem && e.code === 'ValidationFailed';
  useEffect(() => {
    heading.current?.focus();
    preview().then(setResult, (e: unknown) => (invalid(e) ? onInvalid!((e as ApiProblem).fields) : setError(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await apply());
    } catch (e) {
      if (invalid(e)) return onInvalid!((e as ApiProblem).fields);
      setError(e);
      setBusy(false);
    }
  };
  const several = (result?.consequences.length ?? 0) > 1;
  return (
    <div className="confirm" role="dialog" aria-modal="false" aria-labelledby="confirm-title">
      <h3 id="confirm-title" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {!result && error === null && <p role="status">Asking the ledger what this change does…</p>}
      {result?.ok === false && result.error && (
        <p className="notice error" role="alert">
          The ledger would refuse this: {result.error.message} ({result.error.error})
        </p>
      )}
      {result?.ok && result.consequences.length === 0 && (
        <p>Nothing is lost: no license, mailbox, alias or contacts list is affected.</p>
      )}
      {result?.ok &&
        result.consequences.map((c) => {
          const { lost, gained } = say(c);
          const who = names[c.userId] ?? c.userId;
          return (
            <div key={c.userId}>
              {several && <h4>{who}</h4>}
              {lost.length > 0 ? (
                <Lines label={several ? `What ${who} will lose` : 'What will be lost'} lines={lost} className="lost" />
              ) : (
                <p>Nothing is lost.</p>
              )}
              {gained.length > 0 && <Lines label={several ? `What ${who} gets` : 'What comes back'} lines={gained} />}
            </div>
          );
        })}
      {error !== null && <Problem error={error} />}
      <div className="actions">
        <button type="button" className="danger" disabled={!result?.ok || busy} onClick={() => void confirm()}>
          {busy ? 'Applying…' : 'Confirm'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Lines({ label, lines, className }: { label: string; lines: string[]; className?: string }) {
  return (
    <>
      <p>
        <strong>{label}:</strong>
      </p>
      <ul className={className} aria-label={label}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
