export { createDemoSeeder, DEMO_SEED_JOB, type DemoSeedResult, demoJobs } from './demo-seeder.js';
