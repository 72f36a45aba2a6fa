/**
 * Each boundary rule fails on a deliberate violation: a fixture tree laid out like the repository
 * (apps/, packages/) holds one breach per rule, and the check must name every one of them, pass
 * the allowed files beside them, and exit non-zero.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBoundaryViolations, findCycles } from "./check-boundaries";

const CLEAN: Record<string, string> = {
  "packages/core/package.json": manifest("@x/core"),
  "packages/core/src/index.ts": `export { add } from "./add";\n`,
  "packages/core/src/add.ts": "export const add = (a: bigint, b: bigint) => a + b;\n",
  "packages/db/package.json": manifest("@x/db"),
  "packages/db/src/index.ts": `export { db } from "./client";\n`,
  "packages/db/src/client.ts": "export const db = {};\n",
  "packages/contracts/package.json": manifest("@x/contracts", ["@x/core"]),
  "packages/contracts/src/order.ts": `import { add } from "../../core/src/index";\nexport const one = add(1n, 0n);\n`,
  "packages/domains/package.json": manifest("@x/domains", ["@x/db", "@x/core"]),
  "packages/domains/src/trading/orders-repository.ts": `import { db } from "../../../db/src/index";\nexport const orders = db;\n`,
  "packages/domains/src/trading/orders.ts": `import { orders } from "./orders-repository";\nexport const list = () => orders;\n`,
  "packages/domains/src/services.ts": `import { db } from "../../db/src/index";\nexport const services = db;\n`,
  "packages/api/package.json": manifest("@x/api", ["@x/domains"]),
  "packages/api/src/router.ts": `import { list } from "../../domains/src/trading/orders";\nexport const router = list;\n`,
  "apps/web/package.json": manifest("@x/web", ["@x/api"]),
  "apps/web/src/page.ts": `import { router } from "../../../packages/api/src/router";\nexport const page = router;\n`,
  "apps/engine/package.json": manifest("@x/engine", ["@x/core"]),
  "packages/journal/package.json": manifest("@x/journal"),
  "packages/journal/src/index.ts": "export const journal = [];\n",
  "packages/chain/package.json": manifest("@x/chain"),
  "packages/chain/src/signer.ts": `export const sign = (tx: string) => tx;\n`,
  "apps/signer/package.json": manifest("@x/signer", ["@x/chain"]),
  "apps/signer/src/main.ts": `import { sign } from "../../../packages/chain/src/signer";\nexport const main = sign;\n`,
  "node_modules/left-pad/package.json": JSON.stringify({ name: "left-pad", main: "index.js" }),
  "node_modules/left-pad/index.js": "module.exports = (s) => s;\n",
  "apps/engine/src/main.ts": `import { add } from "../../../packages/core/src/index";\nexport const main = add;\n`,
};

/** One breach per rule, each in a file of its own. */
const BREACHES: Record<string, { files: Record<string, string>; expected: string[] }> = {
  core: {
    files: {
      "packages/core/src/clock.ts": `import { hrtime } from "node:process";\nexport const t = hrtime;\n`,
    },
    expected: ["core-is-pure: packages/core/src/clock.ts → process"],
  },
  coreWorkspace: {
    files: {
      "packages/core/src/journaled.ts": `import { journal } from "../../journal/src/index";\nexport const j = journal;\n`,
    },
    expected: ["core-is-pure: packages/core/src/journaled.ts → packages/journal/src/index.ts"],
  },
  coreNpm: {
    files: {
      "packages/core/src/padded.ts": `import pad from "left-pad";\nexport const p = pad;\n`,
    },
    expected: ["core-is-pure: packages/core/src/padded.ts → node_modules/left-pad/index.js"],
  },
  appImportsApp: {
    files: {
      "apps/web/src/engine-peek.ts": `import { main } from "../../engine/src/main";\nexport const m = main;\n`,
    },
    expected: ["no-app-imports-another-app: apps/web/src/engine-peek.ts → apps/engine/src/main.ts"],
  },
  packageImportsApp: {
    files: {
      "packages/api/src/spawn.ts": `import { main } from "../../../apps/engine/src/main";\nexport const m = main;\n`,
    },
    expected: ["no-package-imports-an-app: packages/api/src/spawn.ts → apps/engine/src/main.ts"],
  },
  prismaOutsideRepository: {
    files: {
      "packages/domains/src/trading/quick-query.ts": `import { db } from "../../../db/src/index";\nexport const q = db;\n`,
    },
    expected: [
      "prisma-only-in-repositories: packages/domains/src/trading/quick-query.ts → packages/db/src/index.ts",
    ],
  },
  prismaInTransport: {
    files: {
      "packages/api/src/raw.ts": `import type { db } from "../../db/src/client";\nexport type Raw = typeof db;\n`,
    },
    expected: ["prisma-only-in-repositories: packages/api/src/raw.ts → packages/db/src/client.ts"],
  },
  contracts: {
    files: {
      "packages/contracts/src/file.ts": `import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n`,
    },
    expected: ["contracts-import-only-zod-and-core: packages/contracts/src/file.ts → fs"],
  },
  domainsImportTransport: {
    files: {
      "packages/domains/src/trading/routed.ts": `import { router } from "../../../api/src/router";\nexport const r = router;\n`,
    },
    expected: [
      "domains-know-no-transport: packages/domains/src/trading/routed.ts → packages/api/src/router.ts",
      "no-package-cycle (imports): packages/api → packages/domains → packages/api",
    ],
  },
  keysOutsideSigner: {
    files: {
      "packages/api/src/withdraw.ts": `import { sign } from "../../chain/src/signer";\nexport const w = sign;\n`,
    },
    expected: [
      "keys-only-in-the-signer: packages/api/src/withdraw.ts → packages/chain/src/signer.ts",
    ],
  },
  importCycle: {
    files: {
      "packages/db/src/seed.ts": `import { services } from "../../domains/src/services";\nexport const s = services;\n`,
    },
    expected: ["no-package-cycle (imports): packages/domains → packages/db → packages/domains"],
  },
  declaredCycle: {
    files: { "packages/core/package.json": manifest("@x/core", [], ["@x/contracts"]) },
    expected: [
      "no-package-cycle (package.json): packages/core → packages/contracts → packages/core",
    ],
  },
  declaredApp: {
    files: { "packages/api/package.json": manifest("@x/api", ["@x/domains"], ["@x/engine"]) },
    expected: ["no-dependency-on-an-app: packages/api/package.json → apps/engine"],
  },
};

function manifest(
  name: string,
  dependencies: string[] = [],
  devDependencies: string[] = [],
): string {
  const listed = (names: string[]) => Object.fromEntries(names.map((n) => [n, "*"]));
  return JSON.stringify({
    name,
    dependencies: listed(dependencies),
    devDependencies: listed(devDependencies),
  });
}

function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "boundaries-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("the boundary check", () => {
  const trees: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = writeTree(files);
    trees.push(root);
    return root;
  };
  // Every tree is checked at once: each check is a dependency-cruiser process of its own.
  let found: Map<string, Promise<string[]>>;
  beforeAll(() => {
    found = new Map([
      ["clean", findBoundaryViolations(tree(CLEAN))],
      ...Object.entries(BREACHES).map(
        ([name, breach]) =>
          [name, findBoundaryViolations(tree({ ...CLEAN, ...breach.files }))] as const,
      ),
    ]);
  });
  afterAll(() => {
    for (const root of trees) rmSync(root, { recursive: true, force: true });
  });

  it("passes a tree that keeps every rule (repositories and the composition root use Prisma)", async () => {
    expect(await found.get("clean")).toEqual([]);
  }, 120_000);

  it.each(Object.entries(BREACHES))(
    "reports the breach %s, and only it",
    async (name, breach) => {
      const violations = (await found.get(name)) ?? [];
      expect(violations.sort()).toEqual([...breach.expected].sort());
    },
    120_000,
  );

  it("exits non-zero on a violation, zero without", async () => {
    const script = join(import.meta.dirname, "check-boundaries.ts");
    const tsx = join(import.meta.dirname, "../node_modules/.bin/tsx");
    const run = (cwd: string) => spawnSync(tsx, [script], { cwd, encoding: "utf8" });
    const failing = run(tree({ ...CLEAN, ...BREACHES.appImportsApp?.files }));
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain("no-app-imports-another-app");
    expect(run(tree(CLEAN)).status).toBe(0);
  }, 120_000);

  it("finds a cycle through any number of packages", () => {
    const edges = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(findCycles(edges)).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(new Map([["a", new Set(["b"])]]))).toEqual([]);
  });

  it("finds no cycle in a graph whose edges all point forward, and one once an edge points back", () => {
    const forwardEdges = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(forwardEdges, (pairs) => {
        const edges = new Map<string, Set<string>>();
        const add = (from: number, to: number) =>
          edges.set(`p${from}`, (edges.get(`p${from}`) ?? new Set()).add(`p${to}`));
        for (const [a, b] of pairs) if (a < b) add(a, b);
        expect(findCycles(edges)).toEqual([]);
        const forward = pairs.find(([a, b]) => a < b);
        if (forward) {
          add(forward[1], forward[0]);
          const cycles = findCycles(edges);
          expect(cycles.length).toBeGreaterThan(0);
          for (const cycle of cycles) expect(cycle[0]).toBe(cycle.at(-1));
        }
      }),
    );
  });
});
