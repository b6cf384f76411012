#!/usr/bin/env node
/**
 * Generates TypeScript types from every `openapi/*.yaml` into `src/generated/<basename>.ts` with
 * openapi-typescript 7 (programmatic API, `defaultNonNullable: false`, i.e. the CLI's
 * `--default-non-nullable=false`: a field with a default stays optional).
 *
 *   node scripts/generate.mjs          write src/generated/*.ts
 *   node scripts/generate.mjs --check  generate into a temp folder and exit 1 when src/generated differs
 *                                      (changed, missing or extra files), listing the files
 *   --spec-dir <dir>, --out-dir <dir>  other folders than openapi/ and src/generated/ (tests)
 *
 * Project extensions handled here:
 * - a string schema carrying `x-known-values: [...]` becomes the union of those literals widened to string
 *   (`'A' | 'B' | (string & {})`), so editors suggest the known values while any string is still accepted;
 * - an object with documented `properties` and `additionalProperties: true` is typed with its documented fields
 *   only (no `[key: string]: unknown`), so a misspelled field is a compile error; the SDK still keeps unknown fields
 *   at run time. `x-open-map: true` keeps the index signature where other keys are part of the contract (free-form
 *   maps such as connection settings). An object without properties stays a free-form map.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `--spec-dir <dir>` / `--out-dir <dir>` override the folders (used by the script's own tests). */
function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}
const specDir = option('--spec-dir', path.join(root, 'openapi'));
const outDir = option('--out-dir', path.join(root, 'src', 'generated'));
/** A generated file as shown in messages, relative to the repository root. */
const shown = (file) => path.relative(root, path.join(outDir, file));

const HEADER = (specFile) =>
  `/**\n * generated, do not edit: produced by scripts/generate.mjs (openapi-typescript) from openapi/${specFile}.\n` +
  ' * Change the spec and run `npm run generate`.\n */\n\n';

/** `'A' | 'B' | (string & {})` for `x-known-values`. */
function knownValuesType(values) {
  const literals = values.map((v) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(String(v))));
  const widened = ts.factory.createParenthesizedType(
    ts.factory.createIntersectionTypeNode([
      ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      ts.factory.createTypeLiteralNode([]),
    ]),
  );
  return ts.factory.createUnionTypeNode([...literals, widened]);
}

async function generateOne(specPath) {
  const ast = await openapiTS(pathToFileURL(specPath), {
    defaultNonNullable: false,
    silent: true,
    transform(schemaObject) {
      const known = schemaObject?.['x-known-values'];
      if (Array.isArray(known) && known.length > 0) return knownValuesType(known);
      // Documented fields only: the default transform then emits no index signature.
      if (
        schemaObject?.additionalProperties === true &&
        schemaObject.properties &&
        Object.keys(schemaObject.properties).length > 0 &&
        schemaObject['x-open-map'] !== true
      ) {
        delete schemaObject.additionalProperties;
      }
      return undefined;
    },
  });
  return HEADER(path.basename(specPath)) + astToString(ast);
}

async function listSpecs() {
  const entries = await readdir(specDir).catch(() => []);
  return entries.filter((f) => f.endsWith('.yaml')).sort();
}

async function generateAll(targetDir) {
  await mkdir(targetDir, { recursive: true });
  const specs = await listSpecs();
  const written = [];
  const failed = [];
  for (const spec of specs) {
    const out = `${path.basename(spec, '.yaml')}.ts`;
    try {
      await writeFile(path.join(targetDir, out), await generateOne(path.join(specDir, spec)));
      written.push(out);
    } catch (err) {
      // Keep going so that one broken spec does not block the others; the run still fails.
      failed.push(`openapi/${spec}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failed.length > 0) throw new Error(`could not generate from:\n  ${failed.join('\n  ')}`);
  return written;
}

async function check() {
  const tmp = await mkdtemp(path.join(tmpdir(), 'metacollect-generate-'));
  try {
    const expected = await generateAll(tmp);
    const actual = (await readdir(outDir).catch(() => [])).filter((f) => !f.startsWith('.')).sort();
    const problems = [];
    for (const file of expected) {
      if (!actual.includes(file)) {
        problems.push(`missing: ${shown(file)}`);
        continue;
      }
      const [want, have] = await Promise.all([
        readFile(path.join(tmp, file), 'utf8'),
        readFile(path.join(outDir, file), 'utf8'),
      ]);
      if (want !== have) problems.push(`out of date: ${shown(file)}`);
    }
    for (const file of actual) {
      if (!expected.includes(file)) problems.push(`extra (no .yaml source): ${shown(file)}`);
    }
    if (problems.length > 0) {
      console.error(`Generated types differ from the specs (run \`npm run generate\`):\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(`src/generated is up to date (${expected.length} file(s)).`);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

try {
  if (process.argv.includes('--check')) {
    await check();
  } else {
    const written = await generateAll(outDir);
    console.log(`generated ${written.map(shown).join(', ') || 'nothing (no .yaml spec)'}`);
  }
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
}
