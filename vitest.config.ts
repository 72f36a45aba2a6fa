import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (pure logic, `*.test.ts`) and `integration` (`*.integration.test.ts`,
 * against real PostgreSQL and Redis in a database and key prefix made fresh for this run).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages}/*/src/**/*.integration.test.ts"],
          globalSetup: ["./scripts/test-services.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
