import { useState } from 'react';
import { api, ok, showFailure, type Schemas } from '../api/client';
import { Problem, Show, useLoad } from '../ui/async';
import { Field } from '../ui/field';
import { Deliveries } from './deliveries';

type AlertType = Schemas['WebhookDoc']['events'][number];
const TYPES: AlertType[] = ['SeatsLow', 'SeatsOverAssigned', 'PurgeDueSoon', 'SubscriptionStateChanged'];

/** Where alerts are sent (global-admin): register with a signing secret, list, remove, and each one's deliveries. */
export function Webhooks() {
  const [hooks, reload] = useLoad(() => ok(api.GET('/v1/webhooks')), []);
  const [open, setOpen] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const remove = async (id: string) => {
    setError(null);
    try {
      await ok(api.DELETE('/v1/webhooks/{webhookId}', { params: { path: { webhookId: id } } }));
      setRemoving(null);
      reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="webhooks-title" className="panel">
      <h2 id="webhooks-title">Webhooks</h2>
      <NewWebhook onCreated={reload} />
      {error !== null && <Problem error={error} />}
      <Show loaded={hooks}>
        {({ items }) => (
          <ul className="hooks">
            {items.length === 0 && <li className="muted">No webhook yet.</li>}
            {items.map((hook) => (
              <li key={hook.id}>
                <div className="hook">
                  <code className="url">{hook.url}</code>
                  <span className="small muted">{hook.events.join(', ')}</span>
                  <span className="actions">
                    <button
                      type="button"
                      aria-expanded={open === hook.id}
                      onClick={() => setOpen(open === hook.id ? null : hook.id)}
                    >
                      Deliveries<span className="sr-only"> of {hook.url}</span>
                    </button>
                    {removing === hook.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void remove(hook.id)}>
                          Confirm removal<span className="sr-only"> of {hook.url}</span>
                        </button>
                        <button type="button" onClick={() => setRemoving(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" onClick={() => setRemoving(hook.id)}>
                        Remove<span className="sr-only"> {hook.url}</span>
                      </button>
                    )}
                  </span>
                </div>
                {open === hook.id && <Deliveries webhookId={hook.id} />}
              </li>
            ))}
          </ul>
        )}
      </Show>
    </section>
  );
}

/** 32 random bytes as hex: a secret the admin copies to the receiver before saving. */
function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function check(url: string, events: Set<AlertType>, secret: string): Record<string, string> {
  const found: Record<string, string> = {};
  try {
    if (!['http:', 'https:'].includes(new URL(url).protocol)) found.url = 'An http:// or https:// URL.';
  } catch {
    found.url = 'An absolute URL, e.g. https://hooks.example.com/ledger.';
  }
  if (events.size === 0) found.events = 'Choose at least one alert type.';
  if (secret.length < 16 || secret.length > 256) found.secret = '16 to 256 characters.';
  return found;
}

function NewWebhook({ onCreated }: { onCreated: () => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<Set<AlertType>>(new Set(TYPES));
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const submit = async () => {
    const found = check(url.trim(), events, secret);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    try {
      const hook = await ok(
        api.POST('/v1/webhooks', { body: { url: url.trim(), events: TYPES.filter((t) => events.has(t)), secret } }),
      );
      setCreated(`Registered ${hook.url}. Its secret is not shown again.`);
      setUrl('');
      setSecret('');
      onCreated();
    } catch (e) {
      showFailure(e, setErrors, setError);
    }
  };
  return (
    <form
      noValidate
      aria-label="Register a webhook"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="inline-form">
        <Field
          label="URL"
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={errors.url}
          placeholder="https://hooks.example.com/ledger"
          autoComplete="off"
        />
        <Field
          label="Secret"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          error={errors.secret}
          hint="16–256 characters; signs X-Ledger-Signature"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="button" onClick={() => setSecret(randomSecret())}>
          Generate a secret
        </button>
      </div>
      <fieldset className="pick" aria-describedby={errors.events ? 'events-error' : undefined}>
        <legend>Alert types</legend>
        {TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={events.has(type)}
              onChange={(event) => {
                const next = new Set(events);
                if (event.target.checked) next.add(type);
                else next.delete(type);
                setEvents(next);
              }}
            />
            {type}
          </label>
        ))}
        {errors.events && (
          <small id="events-error" className="field-error">
            {errors.events}
          </small>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          Register webhook
        </button>
        {created && <span role="status">{created}</span>}
      </div>
      {error !== null && <Problem error={error} />}
    </form>
  );
}
