export {
  countUsers,
  findUserByEmail,
  findUserById,
  findUserByOidcSubject,
  insertUser,
  listActiveMemberships,
  updateUserRow,
} from './user.repository.js';
export { registerUserRoutes, toUserResponse } from './user.routes.js';
export { createUserService, type UserService } from './user.service.js';
