export {
  type Actor,
  type Authentication,
  actingFor,
  actorUserId,
  roleOf,
  type SystemActor,
  systemActor,
  type UserActor,
} from './actor.js';
export { assertCanOnIssue, can, type IssueAccessFacts, type IssueAction } from './permissions.js';
