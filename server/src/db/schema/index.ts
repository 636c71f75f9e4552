export * from './intelligence.js';
export * from './issues.js';
export * from './slack.js';
export * from './teams.js';
export * from './users.js';
