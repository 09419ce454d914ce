import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The benchmark corpus (tests/bench/node_modules, tests/bench/typed) is third-party code.
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
