import { JwtService } from '@nestjs/jwt';
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { TENANT_ID_PATTERN } from '../config/ledger-config';
import type { OidcKeys } from './oidc-keys';
import { isRole, type Role } from './roles';
import { TokenError } from './token-error';
import { VerifiedTokens } from './verified-tokens';

export { parseTtl } from '../config/duration';

/** Who acts, as proven by a verified bearer token. The tenant comes from the token only. */
export interface TokenActor {
  id: string;
  name?: string;
  tenantId: string;
  roles: Role[];
}

export interface SignTokenInput {
  actorId: string;
  roles: Role[];
  name?: string;
  /** Omitted: the token carries no `tid` and the verifier's default tenant applies. */
  tenantId?: string;
  /** Lifetime in seconds. */
  ttlSeconds: number;
}

export const TOKEN_ALGORITHM = 'HS256';
/** What an identity provider may sign with (its keys come from its JWKS). */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'];
/** Clock difference tolerated between the token's issuer and this server, for exp, nbf and iat. */
export const CLOCK_SKEW_SECONDS = 60;
const MAX_ACTOR_ID_LENGTH = 256;

/** How tokens are checked beyond their signature (from LEDGER_JWT_MAX_TTL, LEDGER_OIDC_*). */
export interface TokenPolicy {
  defaultTenant: string;
  /** Longest lifetime (exp − iat) accepted; undefined = no cap. */
  maxTtlSeconds?: number;
  /** The organization's identity provider, whose RS256/ES256 tokens are accepted besides HS256 ones. */
  oidc?: { issuer: string; audience: string; rolesClaim: string; tenantClaim: string; keys: OidcKeys };
}

/** A JwtService pinned to HS256, for code outside Nest's container (the CLI). */
export function createJwtService(secret: string): JwtService {
  return new JwtService({
    secret,
    signOptions: { algorithm: TOKEN_ALGORITHM },
    verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
  });
}

/**
 * Signs the ledger's HS256 bearer tokens (the API guard's tests, `cli token`) and verifies bearer
 * tokens with jose: HS256 with LEDGER_JWT_SECRET, or RS256/ES256 from the configured identity provider.
 */
export class TokenService {
  private readonly jwt: JwtService;
  /** Built once: importing the secret on every request would cost a key derivation each time. */
  private readonly secretKey: KeyObject;
  private readonly verified = new VerifiedTokens();

  constructor(
    secret: string,
    private readonly policy: TokenPolicy,
  ) {
    this.jwt = createJwtService(secret);
    this.secretKey = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  static fromSecret(secret: string, defaultTenant: string): TokenService {
    return new TokenService(secret, { defaultTenant });
  }

  sign(input: SignTokenInput): string {
    if (!input.actorId || input.actorId.length > MAX_ACTOR_ID_LENGTH)
      throw new RangeError('actorId must be 1-256 characters');
    if (input.roles.length === 0 || !input.roles.every(isRole))
      throw new RangeError('roles must be a non-empty list of known roles');
    if (input.tenantId !== undefined && !TENANT_ID_PATTERN.test(input.tenantId))
      throw new RangeError(`invalid tenant id "${input.tenantId}"`);
    const payload: Record<string, unknown> = { sub: input.actorId, roles: [...new Set(input.roles)] };
    if (input.name !== undefined) payload.name = input.name;
    if (input.tenantId !== undefined) payload.tid = input.tenantId;
    return this.jwt.sign(payload, { algorithm: TOKEN_ALGORITHM, expiresIn: input.ttlSeconds });
  }

  /** Verifies signature, algorithm, issuer, audience, expiry, iat/nbf and lifetime, then the claims of API.md. Throws TokenError. */
  async verify(token: string): Promise<TokenActor> {
    const known = this.verified.get(token);
    if (known) return known;
    const oidc = this.policy.oidc;
    let payload: JWTPayload;
    let fromProvider = false;
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg === TOKEN_ALGORITHM) {
        ({ payload } = await jwtVerify(token, this.secretKey, {
          algorithms: [TOKEN_ALGORITHM],
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp'],
        }));
      } else if (oidc && OIDC_ALGORITHMS.includes(alg ?? '')) {
        fromProvider = true;
        ({ payload } = await jwtVerify(token, await oidc.keys.get(), {
          algorithms: OIDC_ALGORITHMS,
          issuer: oidc.issuer,
          audience: oidc.audience,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp'],
        }));
      } else {
        const accepted = oidc ? [TOKEN_ALGORITHM, ...OIDC_ALGORITHMS] : [TOKEN_ALGORITHM];
        throw new TokenError(
          'malformed',
          `Bearer tokens signed with ${String(alg)} are not accepted (accepted: ${accepted.join(', ')}).`,
        );
      }
    } catch (error) {
      throw toTokenError(error);
    }
    this.checkLifetime(payload);
    if (fromProvider && oidc) return this.claimsToActor(payload, oidc.rolesClaim, oidc.tenantClaim);
    const actor = this.claimsToActor(payload, 'roles', 'tid');
    // Only HS256: the secret never changes while the process runs, whereas a provider may withdraw a key.
    return this.verified.remember(token, actor, ((payload.exp as number) + CLOCK_SKEW_SECONDS) * 1000);
  }

  /** iat not in the future (beyond the skew), and exp − iat within LEDGER_JWT_MAX_TTL. */
  private checkLifetime(payload: JWTPayload): void {
    const now = Math.floor(Date.now() / 1000);
    if (payload.iat !== undefined && payload.iat > now + CLOCK_SKEW_SECONDS) {
      throw new TokenError(
        'notYetValid',
        'The bearer token was issued in the future (iat); check the clock of its issuer.',
      );
    }
    const max = this.policy.maxTtlSeconds;
    const lifetime = (payload.exp as number) - (payload.iat ?? now);
    if (max !== undefined && lifetime > max) {
      throw new TokenError(
        'tooLongLived',
        `The bearer token lives ${lifetime} s, longer than the ${max} s this API accepts; request a shorter-lived token.`,
      );
    }
  }

  private claimsToActor(claims: JWTPayload, rolesClaim: string, tenantClaim: string): TokenActor {
    const roleNames = claimAt(claims, rolesClaim);
    const tenant = claimAt(claims, tenantClaim);
    const problems: string[] = [];
    if (typeof claims.sub !== 'string' || claims.sub === '' || claims.sub.length > MAX_ACTOR_ID_LENGTH)
      problems.push('sub');
    if (!Array.isArray(roleNames) || !roleNames.every((role) => typeof role === 'string')) problems.push(rolesClaim);
    if (typeof claims.exp !== 'number') problems.push('exp');
    if (claims.name !== undefined && typeof claims.name !== 'string') problems.push('name');
    if (tenant !== undefined && (typeof tenant !== 'string' || !TENANT_ID_PATTERN.test(tenant)))
      problems.push(tenantClaim);
    if (problems.length > 0) {
      throw new TokenError('invalidClaims', `The bearer token has missing or invalid claims: ${problems.join(', ')}.`);
    }
    // Unknown role names are ignored rather than refused, so newer tokens keep working with older builds.
    const roles = [...new Set((roleNames as string[]).filter(isRole))];
    return {
      id: claims.sub as string,
      ...(claims.name !== undefined ? { name: claims.name as string } : {}),
      tenantId: (tenant as string | undefined) ?? this.policy.defaultTenant,
      roles,
    };
  }
}

/** A claim by name, or by dotted path into nested objects (e.g. `realm_access.roles`). */
function claimAt(claims: JWTPayload, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.'))
    value =
      typeof value === 'object' && value !== null && Object.hasOwn(value, part)
        ? (value as Record<string, unknown>)[part]
        : undefined;
  return value;
}

function toTokenError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof errors.JWTExpired) return new TokenError('expired', 'The bearer token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return new TokenError('notYetValid', 'The bearer token is not valid yet.');
      case 'iss':
        return new TokenError(
          'invalidClaims',
          'The bearer token was issued by another issuer than the configured identity provider.',
        );
      case 'aud':
        return new TokenError('invalidClaims', 'The bearer token was issued for another audience.');
      default:
        return new TokenError('invalidClaims', `The bearer token has missing or invalid claims: ${error.claim}.`);
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenError('invalidSignature', 'The bearer token signature is invalid.');
  if (error instanceof errors.JWKSNoMatchingKey)
    return new TokenError('invalidSignature', 'No signing key of the identity provider matches the bearer token.');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new TokenError(
      'unverifiable',
      "The identity provider's signing keys could not be fetched; try again shortly.",
    );
  }
  if (error instanceof errors.JOSEError)
    return new TokenError('malformed', `The bearer token is invalid (${error.message}).`);
  return new TokenError('malformed', 'The bearer token is invalid.');
}
