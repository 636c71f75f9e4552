/** Import boundaries from DESIGN.md, checked in CI so they do not erode. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'drizzle-only-in-repositories-and-db',
      comment: 'SQL lives in repositories and db/ only.',
      severity: 'error',
      from: {
        path: '^server/src/',
        pathNot: [
          '\\.repository\\.ts$',
          '^server/src/db/',
          '^server/src/events/event-bus\\.ts$',
          '^server/src/modules/auth/auth\\.service\\.ts$',
        ],
      },
      to: { path: 'node_modules/drizzle-orm' },
    },
    {
      name: 'env-only-in-config',
      comment: 'Only config.ts reads process.env.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: '^server/src/config\\.ts$' },
      to: { path: 'node_modules/dotenv' },
    },
    {
      name: 'modules-through-index',
      comment: 'A module uses another module only through its index.ts.',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^server/src/modules/$1/' },
    },
    {
      name: 'domain-rules-are-pure',
      comment: 'Lifecycle, assignment and permission rules import neither HTTP nor the database.',
      severity: 'error',
      from: { path: '(issue-lifecycle|pick-assignee|permissions|actor)\\.ts$' },
      to: { path: ['node_modules/(fastify|drizzle-orm|pg|@electric-sql)', '^server/src/(db|http)/'] },
    },
    {
      name: 'web-imports-contracts-and-itself',
      comment: 'The dashboard talks to the server over HTTP only: it imports the contracts and its own code.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|packages/(?!contracts))/' },
    },
    {
      name: 'detect-library-is-pure',
      comment: 'The detection library does no I/O: only its command line touches files and streams.',
      severity: 'error',
      from: { path: '^packages/detect/src/', pathNot: '^packages/detect/src/(cli|bin)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'detect-stands-alone',
      comment: 'The detection library depends on nothing of the product; the server will depend on it.',
      severity: 'error',
      from: { path: '^packages/detect/' },
      to: { path: '^(server|web|packages/contracts)/' },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|\\.test\\.ts$)' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
