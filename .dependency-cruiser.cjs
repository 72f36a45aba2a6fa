/**
 * The house's boundaries (CONVENTIONS.md, "The shape of the house"), checked on every import of
 * apps/ and packages/ by `npm run check:boundaries` (scripts/check-boundaries.ts), which also
 * fails on a cycle between packages. Paths are relative to the directory the check runs in, so
 * the rules' own test (scripts/check-boundaries.integration.test.ts) runs them on a fixture tree.
 *
 * A rule here is exact: when code breaks it, move the code, do not widen the rule.
 */

/** Where the Prisma client and its types come from: the db package's entry, client, generated code. */
const PRISMA = [
  "^packages/db/src/(index|client)\\.ts$",
  "^packages/db/src/generated/",
  "(^|/)node_modules/@prisma/",
  "^@prisma/",
];

/** Tests may use the test runner and property testing, nothing else outside their package. */
const TEST_FILE = "\\.(test|bench)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "packages/core is pure and deterministic: it imports nothing outside itself (no workspace " +
        "package, no node: module, no npm package). Its tests may use vitest and fast-check.",
      severity: "error",
      from: { path: "^packages/core/src/", pathNot: TEST_FILE },
      to: { pathNot: "^packages/core/src/" },
    },
    {
      name: "core-tests-use-only-test-tools",
      comment: "packages/core's tests import core, vitest and fast-check only.",
      severity: "error",
      from: { path: `^packages/core/src/.*${TEST_FILE}` },
      to: { pathNot: ["^packages/core/src/", "(^|/)node_modules/(vitest|fast-check|@vitest)/"] },
    },
    {
      name: "chain-imports-only-chain-clients",
      comment:
        "packages/chain talks to blockchains and nothing else: it imports viem, @scure and Node's " +
        "own modules. Its tests may also use the test runner, property testing and the run's variables.",
      severity: "error",
      from: { path: "^packages/chain/src/", pathNot: TEST_FILE },
      to: {
        dependencyTypesNot: ["core"],
        pathNot: ["^packages/chain/src/", "(^|/)node_modules/(viem|@scure)/"],
      },
    },
    {
      name: "chain-tests-use-only-test-tools",
      comment: "packages/chain's tests add vitest, fast-check and @exchange/protocol/testing only.",
      severity: "error",
      from: { path: `^packages/chain/src/.*${TEST_FILE}` },
      to: {
        dependencyTypesNot: ["core"],
        pathNot: [
          "^packages/chain/src/",
          "(^|/)node_modules/(viem|@scure|vitest|fast-check|@vitest)/",
          "^packages/protocol/src/testing/",
        ],
      },
    },
    {
      name: "no-app-imports-another-app",
      comment:
        "An app is a process: another app spawns it (packages/testkit), never imports it. " +
        "Shared code belongs in a package.",
      severity: "error",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
    {
      name: "no-package-imports-an-app",
      comment: "Dependencies point from apps to packages, never back.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "prisma-only-in-repositories",
      comment:
        "Only a domain's repository (packages/domains/src/**/*-repository.ts), the composition root " +
        "(packages/domains/src/services.ts), test kits (testing/) and packages/db itself use the " +
        "Prisma client or its types. Everything else calls a repository or a service.",
      severity: "error",
      from: {
        pathNot: [
          "^packages/domains/src/.+-repository\\.ts$",
          "^packages/domains/src/services\\.ts$",
          "(^|/)testing/",
          "^packages/db/",
        ],
      },
      to: { path: PRISMA },
    },
    {
      name: "contracts-import-only-zod-and-core",
      comment:
        "packages/contracts is browser-safe public shapes: it imports zod and core and nothing else.",
      severity: "error",
      from: { path: "^packages/contracts/src/", pathNot: TEST_FILE },
      to: {
        pathNot: ["^packages/contracts/src/", "^packages/core/src/", "(^|/)node_modules/zod/"],
      },
    },
    {
      name: "domains-know-no-transport",
      comment:
        "Domains serve every transport (tRPC, the Binance REST): they never import the API package, tRPC or the HTTP server.",
      severity: "error",
      from: { path: "^packages/domains/" },
      to: { path: ["^packages/api/", "(^|/)node_modules/(@trpc|fastify)/"] },
    },
    {
      name: "transports-stand-apart",
      comment:
        "The Binance REST transport and the tRPC transports share the domains, not each other: a REST route never goes through a tRPC procedure, nor the reverse.",
      severity: "error",
      from: { path: "^packages/api/src/rest/" },
      to: { path: ["^packages/api/src/trpc/", "(^|/)node_modules/@trpc/"] },
    },
    {
      name: "keys-only-in-the-signer",
      comment:
        "Private keys never reach web, admin, the API, the domains or the worker: only the signer " +
        "module of packages/chain holds the mnemonic, and only a signer process (apps/signer) " +
        "imports it (and the test kit, which makes each test's wallet). Everything else derives " +
        "deposit addresses from WALLET_XPUB (hd-wallet.ts).",
      severity: "error",
      from: { pathNot: ["^packages/chain/src/", "^apps/signer/", "^packages/testkit/"] },
      to: { path: "^packages/chain/src/signer" },
    },
    {
      name: "no-unresolvable-import",
      comment:
        "An import the check cannot resolve would hide a boundary from every rule above. The " +
        "Next.js apps' `@/…` alias names their own src/ (their tsconfig), so it never crosses one.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, pathNot: "^@/" },
    },
  ],
  options: {
    // Type-only imports count: a Prisma type in a service is a Prisma dependency.
    tsPreCompilationDeps: true,
    doNotFollow: { path: ["node_modules", "^packages/db/src/generated/"] },
    exclude: { path: ["(^|/)\\.next/", "(^|/)dist/", "next-env\\.d\\.ts$"] },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types"],
    },
  },
};
