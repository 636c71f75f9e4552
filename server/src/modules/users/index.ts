export { registerUserRoutes, toUserResponse } from './user.routes.js';
export { createUserService, type UserService } from './user.service.js';
export { listActiveMemberships } from './user.repository.js';
