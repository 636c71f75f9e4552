export { authJobs } from './auth.jobs.js';
export { deleteSessionsOfUser } from './auth.repository.js';
export { registerAuthRoutes } from './auth.routes.js';
export { type AuthService, createAuthService } from './auth.service.js';
export type { OidcChecks, OidcClaims, OidcSignIn } from './oidc-sign-in.js';
