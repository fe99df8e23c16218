import * as openid from 'openid-client';
import type { Db } from '../../db/client.ts';
import * as users from '../../db/repositories/users.ts';
import { insertOidcLogin, takeOidcLogin } from '../../db/repositories/oidc.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import type { Config, OidcConfig } from '../config.ts';
import { signInVerified, type ClientInfo, type LoginResult } from './auth.ts';

/** How long a sign-on may take between leaving for the identity provider and coming back. */
const loginMinutes = 10;
/** `amr` values that say the identity provider itself asked for more than a password (RFC 8176). */
const multiFactorAmr = new Set(['mfa', 'otp', 'hwk', 'swk', 'sms', 'fpt', 'face', 'iris', 'retina', 'vbm']);

let discovered: { issuer: string; config: openid.Configuration } | null = null;

/** The provider's metadata (discovered once per issuer). Plain http is allowed only for a loopback issuer (config.ts). */
async function providerOf(oidc: OidcConfig): Promise<openid.Configuration> {
  if (discovered?.issuer === oidc.issuer) return discovered.config;
  const url = new URL(oidc.issuer);
  const config = await openid.discovery(url, oidc.clientId, oidc.clientSecret, undefined, url.protocol === 'http:' ? { execute: [openid.allowInsecureRequests] } : undefined);
  discovered = { issuer: oidc.issuer, config };
  return config;
}

export const oidcRedirectUri = (config: Config): string => `${config.baseUrl}/api/auth/oidc/callback`;

/** Starts a sign-on: the address of the provider's authorization page, and the state the browser keeps in a cookie. */
export async function startOidc(db: Db, config: Config & { oidc: OidcConfig }): Promise<{ url: string; state: string }> {
  const provider = await providerOf(config.oidc);
  const codeVerifier = openid.randomPKCECodeVerifier();
  const state = openid.randomState();
  const nonce = openid.randomNonce();
  await insertOidcLogin(db, { state, nonce, codeVerifier, expiresAt: new Date(Date.now() + loginMinutes * 60_000) });
  const url = openid.buildAuthorizationUrl(provider, {
    redirect_uri: oidcRedirectUri(config),
    scope: 'openid email',
    code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

/** Why a sign-on was refused: the page the browser is sent to names it. */
export type OidcRefusal = 'state' | 'failed' | 'unverified' | 'unknown';
export type OidcOutcome = { ok: true; result: LoginResult } | { ok: false; reason: OidcRefusal };

/**
 * Finishes a sign-on from the provider's redirect: the state must be the
 * browser's own (its cookie) and one under way; the code is exchanged with the
 * PKCE verifier and the ID token's nonce checked (openid-client). The e-mail
 * claim must be verified (`email_verified` true) and belong to an active
 * account an admin created: a sign-on never creates one. With two-factor on,
 * the code is still asked unless the provider asserts multi-factor in `amr`.
 */
export async function finishOidc(db: Db, config: Config & { oidc: OidcConfig }, callbackUrl: URL, browserState: string | undefined, client: ClientInfo): Promise<OidcOutcome> {
  const state = callbackUrl.searchParams.get('state');
  if (!state || !browserState || state !== browserState) return { ok: false, reason: 'state' };
  const pending = await takeOidcLogin(db, state);
  if (!pending || pending.expiresAt.getTime() < Date.now()) return { ok: false, reason: 'state' };
  let claims: Record<string, unknown>;
  let amr: unknown[];
  try {
    const provider = await providerOf(config.oidc);
    const tokens = await openid.authorizationCodeGrant(provider, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    const idToken = tokens.claims();
    if (!idToken) return { ok: false, reason: 'failed' };
    amr = Array.isArray(idToken.amr) ? idToken.amr : [];
    claims = idToken;
    // Many providers put the e-mail in the userinfo answer only (for the same subject).
    if (claims[config.oidc.emailClaim] === undefined) claims = { ...(await openid.fetchUserInfo(provider, tokens.access_token, idToken.sub)), ...idToken };
  } catch {
    return { ok: false, reason: 'failed' };
  }
  const email = claims[config.oidc.emailClaim];
  if (typeof email !== 'string' || claims.email_verified !== true) return { ok: false, reason: 'unverified' };
  const user = await users.findUserByEmail(db, email.trim().toLowerCase());
  if (!user || !user.active) return { ok: false, reason: 'unknown' };
  const providerMfa = amr.some((m) => typeof m === 'string' && multiFactorAmr.has(m));
  const result = await signInVerified(db, config, user, client, {
    secondFactorDone: providerMfa,
    audit: (tx, opened) =>
      appendAudit(tx, { id: user.id, label: user.email }, { action: 'user.sso-login', entityType: 'user', entityId: user.id, after: { issuer: config.oidc.issuer, amr, secondFactorOwed: opened.me === null } }),
  });
  return { ok: true, result };
}
