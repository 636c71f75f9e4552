import * as oidc from 'openid-client';
import { UnauthenticatedError, UnavailableError } from '../../lib/errors.js';
import type { OidcChecks, OidcSignIn } from '../../modules/auth/index.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  redirectUri: string;
  allowHttp: boolean;
}

/**
 * Authorization-code flow with PKCE, state and nonce against any OpenID provider (Google by default).
 * Discovery runs on first use and is cached, so a provider outage never blocks the server from starting.
 */
export function createOidcSignIn(settings: OidcSettings): OidcSignIn {
  let configuration: Promise<oidc.Configuration> | undefined;

  function discover(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : oidc.None(),
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: Error) => {
        configuration = undefined;
        throw new UnavailableError(
          `The identity provider ${settings.issuer} could not be reached: ${error.message}`,
        );
      });
    return configuration;
  }

  return {
    async start() {
      const config = await discover();
      const checks: OidcChecks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url: url.href, checks };
    },

    async finish(callbackUrl, checks) {
      const config = await discover();
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new UnauthenticatedError(
          `Sign-in with the identity provider failed: ${(error as Error).message}`,
          'OIDC_FAILED',
        );
      }
      const claims = tokens.claims();
      if (!claims || typeof claims.email !== 'string') {
        throw new UnauthenticatedError(
          'The identity provider did not share an e-mail address (scope "email").',
          'OIDC_NO_EMAIL',
        );
      }
      return {
        subject: `${claims.iss}|${claims.sub}`,
        email: claims.email,
        emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
        name: typeof claims.name === 'string' ? claims.name : undefined,
      };
    },
  };
}
