import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // Examples and tests import the package by name, as users do; inside the repo that name maps to the sources.
  resolve: {
    alias: [
      { find: /^metacollect\/mock$/, replacement: src('mock/index.ts') },
      { find: /^metacollect\/msw$/, replacement: src('msw/index.ts') },
      { find: /^metacollect$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/conformance.ts'],
    // Builds dist/ once when it is missing or stale (the package and CLI tests run the built files).
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
