/**
 * Imports point inwards (docs/architecture.md):
 *   domain ← postgres ← core ← api ← apps/server;  widgets → domain + client (api's types only);
 *   apps/portal, apps/console → widgets.  Tests, benchmarks and test helpers may reach further.
 * `pnpm lint` fails on any import that breaks this.
 */
const TESTS = '(\\.test\\.ts$|/testing\\.ts$|/src/testing/|/bench/|/e2e/)';
/** A feature folder of core (classes/, enrolment/, rosters/…): not the kernel, migrations, seed or test helpers. */
const CORE_FEATURE = '^packages/core/src/(?!kernel/|migrations/|seed/|testing/)[^/]+/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain is browser-safe rules and types: no I/O, no other PolCenter package.',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: TESTS },
      to: { pathNot: '^(packages/domain/|node_modules/)', dependencyTypesNot: ['npm', 'npm-dev'] },
    },
    {
      name: 'domain-no-node',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'postgres-inward',
      severity: 'error',
      from: { path: '^packages/postgres/src' },
      to: { path: '^(packages/(core|api|client|widgets)|apps)/' },
    },
    {
      name: 'core-inward',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: '^(packages/(api|client|widgets)|apps)/' },
    },
    {
      name: 'core-kernel-under-features',
      comment:
        "Core's kernel/ (SQL, audit, actor, idempotency…) is what every feature stands on: it imports no feature.",
      severity: 'error',
      from: { path: '^packages/core/src/kernel/', pathNot: TESTS },
      to: { path: '^packages/core/src/', pathNot: '^packages/core/src/kernel/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-features-under-the-root',
      comment:
        'A feature of core never imports what composes them (createPolCenter, the ORM config, the entity registry, the seed, test helpers); the Orm type is fine.',
      severity: 'error',
      from: { path: CORE_FEATURE, pathNot: TESTS },
      to: { path: '^packages/core/src/([^/]+\\.ts$|seed/|testing/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-inward',
      severity: 'error',
      from: { path: '^packages/api/src' },
      to: { path: '^(packages/(client|widgets)|apps)/' },
    },
    {
      name: 'widgets-only-domain-and-api-client',
      comment: 'Widgets run on foreign pages: the domain, and of the API only its browser client and types.',
      severity: 'error',
      from: { path: '^packages/widgets/src', pathNot: TESTS },
      to: { path: '^(packages/(core|postgres)|apps|tooling)/' },
    },
    {
      name: 'widgets-no-api',
      comment: 'Widgets reach the API through @polcenter/client only.',
      severity: 'error',
      from: { path: '^packages/widgets/src', pathNot: TESTS },
      to: { path: '^packages/api/' },
    },
    {
      name: 'client-is-browser-safe',
      comment: 'The client is bundled into widgets and published alone: only the router type may come from the server.',
      severity: 'error',
      from: { path: '^packages/client/src', pathNot: TESTS },
      to: { path: '^packages/', pathNot: '^packages/client/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pages-use-widgets-only',
      severity: 'error',
      comment: 'Pages run in browsers: the widgets, the domain, and of the API only @polcenter/client.',
      from: { path: '^apps/(portal|console)/', pathNot: TESTS },
      to: { path: '^(packages/(core|postgres|api)|apps/server)/' },
    },
    {
      name: 'tooling-only-in-tests',
      comment: 'Test helpers and the bench harness are devDependencies: product code never imports them.',
      severity: 'error',
      from: { path: '^(packages|apps)/', pathNot: TESTS },
      to: { path: '^tooling/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import of a package the importer does not declare (pnpm hides it) is a broken import.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|\\.types)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // The workspace's packages as source (ADR 0017), as tsc, tsx and Vite read them.
      conditionNames: ['@polcenter/source', 'import', 'types', 'default', 'node'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
