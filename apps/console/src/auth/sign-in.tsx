import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import { Field } from '../ui/field';
import { finishSignIn, startSignIn, type OidcSettings } from './oidc';
import { useSession } from './session';

/** Sign in: with the organization's identity provider when the API has one, else by pasting a token. */
export function SignIn() {
  const { signIn, notice } = useSession();
  const [oidc, setOidc] = useState<OidcSettings | null | undefined>(undefined);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The provider's (or the settings') failure, apart from the pasted token's: the provider stays on offer to retry.
  const [providerError, setProviderError] = useState<string | null>(null);

  useEffect(() => {
    ok(api.GET('/console/config.json'))
      .then(async ({ oidc: settings }) => {
        setOidc(settings);
        if (!settings) return;
        const accessToken = await finishSignIn(settings);
        if (accessToken) setProviderError(signIn(accessToken));
      })
      .catch((e: unknown) => setProviderError(message(e)));
  }, [signIn]);

  return (
    <main className="signin">
      <h1>License Ledger</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {providerError && (
        <p className="notice error" role="alert">
          {providerError}
        </p>
      )}
      {oidc && (
        <button
          type="button"
          className="primary"
          onClick={() => void startSignIn(oidc).catch((e: unknown) => setProviderError(message(e)))}
        >
          Sign in with your organization
        </button>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setError(token.trim() ? signIn(token) : 'Paste a token first.');
        }}
      >
        <Field
          label={oidc ? 'Or paste a token' : 'Paste a token'}
          hint="npm run cli -- token --role global-admin --actor you"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          error={error ?? undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
    </main>
  );
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
