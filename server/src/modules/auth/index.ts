export { type Actor, roleOf, systemActor, type UserActor } from './actor.js';
export { authJobs } from './auth.jobs.js';
export { deleteSessionsOfUser } from './auth.repository.js';
export { registerAuthRoutes } from './auth.routes.js';
export { type AuthService, createAuthService, type OidcClaims } from './auth.service.js';
export { can } from './permissions.js';
