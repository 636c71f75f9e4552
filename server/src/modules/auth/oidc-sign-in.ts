/** Claims an identity provider vouched for. */
export interface OidcClaims {
  /** Stable across e-mail changes: `<issuer>|<sub>`. */
  subject: string;
  email: string;
  emailVerified: boolean | undefined;
  name: string | undefined;
}

/** The checks a sign-in carries from start to callback (kept in a short-lived HttpOnly cookie). */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The port auth needs from an OpenID provider: where to send the browser, and what came back. */
export interface OidcSignIn {
  start(): Promise<{ url: string; checks: OidcChecks }>;
  finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcClaims>;
}
