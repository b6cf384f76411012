import { defineConfig, type Options } from 'tsup';

// Dual ESM/CJS build with declarations (.d.ts for ESM, .d.cts for CJS). No source maps: the output is not minified,
// so stack frames already name readable functions and lines, and the maps were 60 % of the unpacked package.
// p-retry 7 is ESM-only: it is bundled (noExternal, and a devDependency only) so that the CJS build works without
// require(esm), which CommonJS runners such as jest do not offer. undici, zod and msw stay external.
const common: Options = {
  sourcemap: false,
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
  {
    ...common,
    entry,
    format: ['esm'],
    splitting: true,
    dts: true,
    clean: false,
    define: { __METACOLLECT_CJS__: 'false' },
  },
  // CJS: one file per entry, bundled by esbuild alone (no Rollup tree-shaking pass, which would hoist every
  // require() to the top): the same dynamic imports become lazily run module initialisers whose require('zod') runs
  // on the first call. No import() is left in the CJS build, so CommonJS test runners without ESM support load it.
  // undici, an external, is the exception: `import()` of it would stay as written, so `__METACOLLECT_CJS__` makes the
  // transport `require` it instead (see loadUndici in src/core/transport.ts).
  {
    ...common,
    entry,
    format: ['cjs'],
    splitting: false,
    treeshake: false,
    dts: true,
    clean: false,
    define: { __METACOLLECT_CJS__: 'true' },
  },
  // The `metacollect-mock` command: ESM only, no declarations. (`npm run build` empties dist/ first.)
  {
    ...common,
    entry: { cli: 'src/cli/mock.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    define: { __METACOLLECT_CJS__: 'false' },
  },
  // The `metacollect` command: ESM only, no declarations; commander stays external (a dependency).
  {
    ...common,
    entry: { metacollect: 'src/cli/metacollect.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    define: { __METACOLLECT_CJS__: 'false' },
  },
]);
