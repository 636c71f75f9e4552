export * from './issues.js';
export * from './teams.js';
export * from './users.js';
export * from './intelligence.js';
