export type TokenProblem =
  'malformed' | 'invalidSignature' | 'expired' | 'notYetValid' | 'invalidClaims' | 'tooLongLived' | 'unverifiable';

/** Why a bearer token was refused; the API answers 401 Unauthenticated with `message`. */
export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}
