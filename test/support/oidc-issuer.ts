import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { once } from 'node:events';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface IssuerKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

/**
 * An OpenID Connect issuer the test serves itself on loopback: the discovery document and a JWKS it
 * can rotate, and tokens signed with any of its keys. It counts JWKS fetches, to see the cache work.
 * Its authorization-code + PKCE flow (RFC 7636) signs in, without a form, whoever `signsIn` names.
 */
export interface LocalIssuer {
  url: string;
  /** The keys currently published in the JWKS; the first one signs the token endpoint's tokens. */
  publish(keys: IssuerKey[]): void;
  /** The claims (sub, name, roles, tid…) of the user who signs in at the authorization endpoint from now on. */
  signsIn(claims: Record<string, unknown>): void;
  jwksFetches(): number;
  sign(
    key: IssuerKey,
    claims: Record<string, unknown>,
    options?: { issuer?: string; audience?: string; ttlSeconds?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

/** What the authorization endpoint remembers of a code until the token endpoint redeems it. */
interface Grant {
  challenge: string;
  clientId: string;
  redirectUri: string;
  claims: Record<string, unknown>;
}

const TOKEN_TTL_SECONDS = 600;

export async function issuerKey(kid: string, alg: IssuerKey['alg']): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  let published: IssuerKey[] = [];
  let fetches = 0;
  let user: Record<string, unknown> = {};
  const grants = new Map<string, Grant>();

  const sign: LocalIssuer['sign'] = (key, claims, options = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? url)
      .setAudience(options.audience ?? 'license-ledger')
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds ?? TOKEN_TTL_SECONDS}s`)
      .sign(key.privateKey);

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify(body));
  const refuse = (res: ServerResponse, error: string, description: string) =>
    json(res, 400, { error, error_description: description });

  /** GET /authorize: the user is taken as signed in at once; back to redirect_uri with a one-time code. */
  const authorize = (res: ServerResponse, query: URLSearchParams) => {
    const [clientId, redirectUri, challenge] = ['client_id', 'redirect_uri', 'code_challenge'].map((p) => query.get(p));
    if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256')
      return refuse(res, 'unsupported_response_type', 'only response_type=code with code_challenge_method=S256');
    if (!clientId || !redirectUri || !challenge)
      return refuse(res, 'invalid_request', 'client_id, redirect_uri and code_challenge are required');
    const code = randomBytes(16).toString('base64url');
    grants.set(code, { challenge, clientId, redirectUri, claims: user });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', query.get('state') ?? '');
    res.writeHead(302, { Location: back.toString() }).end();
  };

  /** POST /token (form): redeems a code once, for the client and redirect_uri it was issued to, with the PKCE verifier. */
  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const params = await form(req);
    if (params.get('grant_type') !== 'authorization_code')
      return refuse(res, 'unsupported_grant_type', 'only grant_type=authorization_code');
    const code = params.get('code') ?? '';
    const grant = grants.get(code);
    grants.delete(code);
    if (!grant) return refuse(res, 'invalid_grant', 'unknown or already redeemed code');
    if (params.get('client_id') !== grant.clientId || params.get('redirect_uri') !== grant.redirectUri)
      return refuse(res, 'invalid_grant', 'client_id or redirect_uri differs from the authorization request');
    if (s256(params.get('code_verifier') ?? '') !== grant.challenge)
      return refuse(res, 'invalid_grant', 'the code_verifier does not match the code_challenge');
    const access_token = await sign(published[0], grant.claims);
    json(res, 200, { access_token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
  };

  const server: Server = createServer((req, res) => {
    const requested = new URL(req.url ?? '/', url);
    // A single-page app fetches discovery and the token endpoint from its own origin (no preflight: a form POST).
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (requested.pathname === '/.well-known/openid-configuration')
      return json(res, 200, {
        issuer: url,
        jwks_uri: `${url}/keys`,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      });
    if (requested.pathname === '/keys') {
      fetches++;
      return json(res, 200, { keys: published.map((key) => key.jwk) });
    }
    if (requested.pathname === '/authorize' && req.method === 'GET') return authorize(res, requested.searchParams);
    if (requested.pathname === '/token' && req.method === 'POST')
      return void token(req, res).catch((e: unknown) =>
        json(res, 500, { error: 'server_error', error_description: String(e) }),
      );
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    publish: (keys) => (published = keys),
    signsIn: (claims) => (user = claims),
    jwksFetches: () => fetches,
    sign,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
