/**
 * The longest a token may live (`exp - iat`), and the oldest it may be (`now - iat`). Cognito ID and access tokens
 * live 1 h by default and at most one day (CDK sets 1 h, infra/lib/inbox.ts); local tokens 12 h. A stolen token
 * minted with a long life (a leaked signing key, a misconfigured pool) is refused rather than honoured for months.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Whether the token's stated life fits: `iat` and `exp` present and at most a day apart. */
export function lifetimeFits(claims: { iat?: number; exp?: number }): boolean {
  return typeof claims.iat === 'number' && typeof claims.exp === 'number' && claims.exp - claims.iat <= MAX_TOKEN_LIFETIME_SECONDS;
}
