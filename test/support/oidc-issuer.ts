import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

export interface IssuerKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

/**
 * An OpenID Connect issuer the test serves itself on loopback: the discovery document and a JWKS it
 * can rotate, and tokens signed with any of its keys. It counts JWKS fetches, to see the cache work.
 */
export interface LocalIssuer {
  url: string;
  /** The keys currently published in the JWKS. */
  publish(keys: IssuerKey[]): void;
  jwksFetches(): number;
  sign(
    key: IssuerKey,
    claims: Record<string, unknown>,
    options?: { issuer?: string; audience?: string; ttlSeconds?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function issuerKey(kid: string, alg: IssuerKey['alg']): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  let published: IssuerKey[] = [];
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    const url = `http://127.0.0.1:${port}`;
    const json = (body: unknown) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/.well-known/openid-configuration')
      return json({ issuer: url, jwks_uri: `${url}/keys`, id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    if (req.url === '/keys') {
      fetches++;
      return json({ keys: published.map((key) => key.jwk) });
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    publish: (keys) => (published = keys),
    jwksFetches: () => fetches,
    sign: (key, claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? url)
        .setAudience(options.audience ?? 'license-ledger')
        .setIssuedAt()
        .setExpirationTime(`${options.ttlSeconds ?? 600}s`)
        .sign(key.privateKey),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
