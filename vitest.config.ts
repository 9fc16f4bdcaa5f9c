import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Code that forgets the Training Centre's time zone must fail loudly, so tests run far from both
// UTC and Moscow.
process.env.TZ = "America/Los_Angeles";

export default defineConfig({
  resolve: {
    // Node (and so Pothos and Yoga, which vitest leaves external) loads graphql's CommonJS entry;
    // Vite would pick its ESM one for our own files. Two copies break `instanceof`, so pin one.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
