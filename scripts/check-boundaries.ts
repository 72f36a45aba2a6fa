/**
 * `npm run check:boundaries`: the house's boundaries, in CI before the types.
 * - every import of apps/ and packages/ against the rules of .dependency-cruiser.cjs (core is
 *   pure, no app imports another, only repositories use Prisma, contracts import zod and core,
 *   domains know no transport);
 * - no cycle between packages, neither in what their files import nor in what their
 *   package.json files declare, and no package or app declares an app as a dependency.
 * Exits 1 and prints each violation when one is found.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const ROOT = join(import.meta.dirname, "..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const WORKSPACES = ["apps", "packages"] as const;

interface CruiseResult {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
  summary: {
    violations: Array<{ rule: { name: string }; from: string; to: string }>;
  };
}

/** Every boundary violation under `root` (a checkout, or a fixture tree laid out like one). */
export async function findBoundaryViolations(root: string): Promise<string[]> {
  const cruise = await cruiseImports(root);
  const violations = cruise.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  for (const cycle of findCycles(packageImportGraph(cruise))) {
    violations.push(`no-package-cycle (imports): ${cycle.join(" → ")}`);
  }
  const declared = declaredPackageGraph(root);
  for (const cycle of findCycles(declared.edges)) {
    violations.push(`no-package-cycle (package.json): ${cycle.join(" → ")}`);
  }
  for (const [from, tos] of declared.edges) {
    for (const to of tos) {
      if (to.startsWith("apps/"))
        violations.push(`no-dependency-on-an-app: ${from}/package.json → ${to}`);
    }
  }
  return violations;
}

async function cruiseImports(root: string): Promise<CruiseResult> {
  const roots = WORKSPACES.filter((dir) => existsSync(join(root, dir)));
  const args = [DEPCRUISE, ...roots, "--config", CONFIG, "--output-type", "json", "--no-progress"];
  // depcruise exits with the number of violations: a report on stdout is an answer, not a crash.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? "",
    stderr: error.stderr ?? String(error),
  }));
  if (!stdout.startsWith("{")) throw new Error(`dependency-cruiser failed:\n${stderr}`);
  return JSON.parse(stdout) as CruiseResult;
}

/** `apps/web/src/x.ts` → `apps/web`; undefined outside the workspaces. */
function packageOf(path: string): string | undefined {
  const match = /^(apps|packages)\/([^/]+)\//.exec(path);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

function packageImportGraph(cruise: CruiseResult): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const module of cruise.modules) {
    const from = packageOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = packageOf(dependency.resolved);
      if (to && to !== from) addEdge(edges, from, to);
    }
  }
  return edges;
}

/** Workspace → workspaces it lists in dependencies or devDependencies. */
function declaredPackageGraph(root: string): { edges: Map<string, Set<string>> } {
  const dirByName = new Map<string, string>();
  const manifests = new Map<string, Record<string, unknown>>();
  for (const workspace of WORKSPACES) {
    if (!existsSync(join(root, workspace))) continue;
    for (const name of readdirSync(join(root, workspace))) {
      const file = join(root, workspace, name, "package.json");
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      dirByName.set(manifest.name as string, `${workspace}/${name}`);
      manifests.set(`${workspace}/${name}`, manifest);
    }
  }
  const edges = new Map<string, Set<string>>();
  for (const [dir, manifest] of manifests) {
    const listed = {
      ...(manifest.dependencies as Record<string, string> | undefined),
      ...(manifest.devDependencies as Record<string, string> | undefined),
    };
    for (const name of Object.keys(listed)) {
      const to = dirByName.get(name);
      if (to) addEdge(edges, dir, to);
    }
  }
  return { edges };
}

function addEdge(edges: Map<string, Set<string>>, from: string, to: string): void {
  const tos = edges.get(from) ?? new Set<string>();
  tos.add(to);
  edges.set(from, tos);
}

/** One cycle per strongly connected group found by a depth-first walk, each as a closed path. */
export function findCycles(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const walk = (node: string): void => {
    const at = onPath.indexOf(node);
    if (at >= 0) {
      cycles.push([...onPath.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    onPath.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) walk(next);
    onPath.pop();
    done.add(node);
  };
  for (const node of [...edges.keys()].sort()) walk(node);
  return cycles;
}

if (process.argv[1] === import.meta.filename) {
  const violations = await findBoundaryViolations(process.cwd());
  for (const violation of violations) console.error(`✗ ${violation}`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} boundary violation(s); see .dependency-cruiser.cjs`);
    process.exit(1);
  }
  console.log("boundaries hold");
}
