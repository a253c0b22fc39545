import { createRemoteJWKSet, type JWTVerifyGetKey, type RemoteJWKSetOptions } from 'jose';
import { TokenError } from './token-error';

/** How long discovery may take before a sign-in is refused rather than left hanging. */
const DISCOVERY_TIMEOUT_MS = 5000;

/**
 * The signing keys of an OpenID Connect issuer: its discovery document names the JWKS, which jose
 * caches and fetches again when a token names a key it has not seen (rotation). Discovery happens on
 * the first token, so the API starts even while the identity provider is down, and is retried after a failure.
 */
export class OidcKeys {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(
    private readonly issuer: string,
    /** jose's cache settings; tests shorten the cooldown between two fetches. */
    private readonly jwksOptions: RemoteJWKSetOptions = {},
  ) {}

  get(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw new TokenError(
        'unverifiable',
        `The identity provider's discovery document could not be read (${(error as Error).message}); try again shortly.`,
      );
    }
    // OpenID Connect Discovery §4.3: the document must name exactly the issuer it was fetched for.
    if (document.issuer !== this.issuer || typeof document.jwks_uri !== 'string') {
      throw new TokenError(
        'unverifiable',
        "The identity provider's discovery document does not match LEDGER_OIDC_ISSUER or names no jwks_uri.",
      );
    }
    return createRemoteJWKSet(new URL(document.jwks_uri), this.jwksOptions);
  }
}
