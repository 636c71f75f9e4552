#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { migrateDatabase } from './db/migrate.js';
import { AppError } from './lib/errors.js';
import { createLogger } from './logger.js';
import { type Argus, createArgus, startArgus, VERSION } from './main.js';
import { systemActor } from './modules/access/index.js';

const program = new Command()
  .name('argus')
  .description(
    'Argus: self-hosted incident and issue tracking. Settings come from the environment and ./.env (see README).',
  )
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description('Migrate the database and serve the API on PORT (default 8080)')
  .action(async () => {
    await startArgus(loadConfig());
  });

program
  .command('migrate')
  .description('Apply pending database migrations, then exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({
      target: config.database,
      schemaName: config.DB_SCHEMA,
      poolMax: 2,
    });
    try {
      const applied = await migrateDatabase(database);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('Manage people accounts');
user
  .command('create')
  .description('Create a local account')
  .requiredOption('--email <email>', 'e-mail address, used to sign in')
  .requiredOption('--name <name>', 'display name')
  .option('--password <password>', 'password (at least 12 characters); prefer --password-stdin')
  .option('--password-stdin', 'read the password from standard input')
  .option('--admin', 'make the account an admin', false)
  .action(
    async (options: {
      email: string;
      name: string;
      password?: string;
      passwordStdin?: boolean;
      admin: boolean;
    }) => {
      const password = options.passwordStdin ? readFileSync(0, 'utf8').trim() : options.password;
      if (password !== undefined && password.length < 12)
        throw new InvalidArgumentError('the password must be at least 12 characters');
      await withArgus(async (argus) => {
        const created = await argus.services.users.createUser(systemActor, {
          email: options.email,
          name: options.name,
          isAdmin: options.admin,
          ...(password ? { password } : {}),
        });
        console.log(`Created ${created.isAdmin ? 'admin' : 'user'} ${created.email} (${created.id})`);
      });
    },
  );

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for a person and print it once')
  .requiredOption('--email <email>', 'whose token it is')
  .requiredOption('--name <name>', 'what the token is for, e.g. "CI deploys"')
  .option('--expires-days <days>', 'expire after this many days', parsePositiveInteger)
  .action(async (options: { email: string; name: string; expiresDays?: number }) => {
    await withArgus(async (argus) => {
      const person = await argus.services.users.findUserByEmail(options.email);
      if (!person) throw new InvalidArgumentError(`no user with e-mail ${options.email}`);
      const actor = await argus.services.auth.loadActor(person.id);
      const { token: secret } = await argus.services.auth.createApiToken(actor, {
        name: options.name,
        expiresInDays: options.expiresDays,
      });
      console.log(secret);
    });
  });

program
  .command('seed-demo')
  .description(
    'Fill the database with demo teams, people and a few months of issues (only when it has no issues)',
  )
  .action(async () => {
    await withArgus(async (argus) => {
      const result = await argus.services.demo.seed();
      console.log(
        result.seeded
          ? `Seeded ${result.teams} teams, ${result.users} people and ${result.issues} issues.`
          : result.reason,
      );
    });
  });

async function withArgus(work: (argus: Argus) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const argus = await createArgus(config, {
    logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
    runJobs: false,
  });
  try {
    await work(argus);
  } finally {
    await argus.close();
  }
}

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected a whole number of days, at least 1');
  return number;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof AppError ||
    error instanceof InvalidArgumentError ||
    error instanceof DataDirInUseError
  ) {
    console.error(`argus: ${error.message}`);
    process.exit(2);
  }
  console.error(`argus: ${(error as Error).message ?? error}`);
  process.exit(1);
});
