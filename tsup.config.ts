import { defineConfig, type Options } from 'tsup';

// Dual ESM/CJS build with declarations (.d.ts for ESM, .d.cts for CJS) and source maps.
// p-retry 7 is ESM-only: it is bundled (noExternal) so that the CJS build works on every Node >= 20.19 without
// depending on require(esm). undici, zod and msw stay external (dependencies / optional peer).
const common: Options = {
  sourcemap: true,
  splitting: false,
  treeshake: true,
  target: 'node20',
  platform: 'node',
  noExternal: ['p-retry', 'is-network-error'],
  external: ['msw', 'undici', 'zod'],
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
};

export default defineConfig([
  {
    ...common,
    entry: { index: 'src/index.ts', mock: 'src/mock/index.ts', msw: 'src/msw/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
  },
  // The `metacollect-mock` command: ESM only, no declarations. (`npm run build` empties dist/ first.)
  { ...common, entry: { cli: 'src/cli/mock.ts' }, format: ['esm'], dts: false, clean: false },
]);
