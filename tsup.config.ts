import { defineConfig, type Options } from 'tsup';

// Dual ESM/CJS build with declarations (.d.ts for ESM, .d.cts for CJS) and source maps.
// p-retry 7 is ESM-only: it is bundled (noExternal) so that the CJS build works on every Node >= 20.19 without
// depending on require(esm). undici, zod and msw stay external (dependencies / optional peer).
const common: Options = {
  sourcemap: true,
  treeshake: true,
  target: 'node20',
  platform: 'node',
  noExternal: ['p-retry', 'is-network-error'],
  external: ['msw', 'undici', 'zod'],
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
};

const entry = { index: 'src/index.ts', mock: 'src/mock/index.ts', msw: 'src/msw/index.ts' };

export default defineConfig([
  // ESM: code splitting, so that each service's zod schemas (and zod) are a chunk the client entry imports on its
  // first call (`loadOnce(() => import('./schemas.js'))`), not when the package is imported.
  { ...common, entry, format: ['esm'], splitting: true, dts: true, clean: false },
  // CJS: one file per entry, bundled by esbuild alone (no Rollup tree-shaking pass, which would hoist every
  // require() to the top): the same dynamic imports become lazily run module initialisers whose require('zod') runs
  // on the first call. No import() is left in the CJS build, so CommonJS test runners without ESM support load it.
  { ...common, entry, format: ['cjs'], splitting: false, treeshake: false, dts: true, clean: false },
  // The `metacollect-mock` command: ESM only, no declarations. (`npm run build` empties dist/ first.)
  { ...common, entry: { cli: 'src/cli/mock.ts' }, format: ['esm'], dts: false, clean: false },
  // The `metacollect` command: ESM only, no declarations; commander stays external (a dependency).
  { ...common, entry: { metacollect: 'src/cli/metacollect.ts' }, format: ['esm'], dts: false, clean: false },
]);
