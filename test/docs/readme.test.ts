/**
 * Every ```ts block of the README is compiled with the project's compiler options, so that no documented call drifts
 * from the API. Blocks import the package by name, which the tsconfig `paths` map to the sources.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function readmeBlocks(): { line: number; code: string }[] {
  const text = readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks: { line: number; code: string }[] = [];
  const re = /^```ts\n([\s\S]*?)^```/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ line: text.slice(0, m.index).split('\n').length, code: m[1]! });
  }
  return blocks;
}

describe('README code blocks', () => {
  const blocks = readmeBlocks();

  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it('all compile against the current API', () => {
    const dir = path.join(root, '.tmp', 'readme-blocks');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = blocks.map((b, i) => {
      const file = path.join(dir, `block-${i}-line-${b.line}.ts`);
      writeFileSync(file, `${b.code}\nexport {};\n`);
      return file;
    });
    const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
    const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
    const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)));
    const messages = diagnostics.map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${path.basename(d.file!.fileName)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(messages).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
