export * from './auth.js';
export * from './common.js';
export * from './dashboard.js';
export * from './intelligence.js';
export * from './issues.js';
export * from './slack.js';
export * from './teams.js';
export * from './users.js';
