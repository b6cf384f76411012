import { defineConfig } from 'tsup';

// Dual ESM/CJS build with declarations (.d.ts for ESM, .d.cts for CJS) and source maps.
// p-retry 7 is ESM-only: it is bundled (noExternal) so that the CJS build works on every Node >= 20.19
// without depending on require(esm). undici and zod stay external (they ship CJS).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    mock: 'src/mock/index.ts',
    msw: 'src/msw/index.ts',
    cli: 'src/cli/mock.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
  target: 'node20',
  platform: 'node',
  noExternal: ['p-retry', 'is-network-error'],
  external: ['msw', 'undici', 'zod'],
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
});
