import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Code that forgets the Training Centre's time zone must fail loudly, so tests run far from both
// UTC and Moscow.
process.env.TZ = "America/Los_Angeles";

export default defineConfig({
  resolve: {
    // Node (and so Pothos and Yoga, which vitest leaves external) loads graphql's CommonJS entry;
    // Vite would pick its ESM one for our own files. Two copies break `instanceof`, so pin one.
    // "~/…" is the app's own import root (tsconfig paths, as the Remix build resolves it).
    alias: [
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") },
      { find: /^~\//, replacement: `${fileURLToPath(new URL("./app/", import.meta.url))}` },
    ],
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
