export { registerTeamRoutes } from './team.routes.js';
export { createTeamService, type TeamService } from './team.service.js';
