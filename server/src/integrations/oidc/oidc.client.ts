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
      // The token request must repeat the redirect_uri of the authorization request exactly, whatever
      // Host and scheme the callback reached us with (a reverse proxy may rewrite both).
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = callbackUrl.search;
      let claims: oidc.IDToken | oidc.UserInfoResponse | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
        // A provider may return scope claims (email, name) from UserInfo only, not in the ID token (OIDC Core 5.4).
        if (claims && typeof claims.email !== 'string') {
          claims = {
            ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)),
            iss: claims.iss,
          };
        }
      } catch (error) {
        const {
          message,
          error: code,
          error_description: description,
        } = error as Error & {
          error?: string;
          error_description?: string;
        };
        const reason = code ? `${code}${description ? ` (${description})` : ''}` : message;
        throw new UnauthenticatedError(`Sign-in with the identity provider failed: ${reason}`, 'OIDC_FAILED');
      }
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
