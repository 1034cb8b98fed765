import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The layout rules (docs/adr/0003-layout.md) are enforced by the linter; these deliberate
// violations, written into the real tree for the length of the test, must be refused by it.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const tag = `layout-probe-${process.pid}`;
const written: string[] = [];

function write(relative: string, text: string): string {
  const path = join(ROOT, relative);
  writeFileSync(path, text);
  written.push(path);
  return relative;
}

function lint(files: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIOME, 'lint', '--max-diagnostics=50', ...files], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), output: `${stdout}${stderr}` });
    });
  });
}

afterEach(() => {
  for (const path of written.splice(0)) rmSync(path, { force: true });
});

describe('layout rules are enforced by the linter', () => {
  it('refuses an import of another folder’s internals', async () => {
    const file = write(
      `src/brief/${tag}-private.ts`,
      "import { splitSentences } from '../pipeline/clean/sentences.ts';\nexport const probe = splitSentences;\n",
    );
    const result = await lint([file]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('noPrivateImports');
  });

  it('accepts the same name through the folder’s index.ts', async () => {
    const file = write(`src/brief/${tag}-public.ts`, "import { splitSentences } from '../pipeline/index.ts';\nexport const probe = splitSentences;\n");
    const result = await lint([file]);
    expect(result.output).not.toContain('noPrivateImports');
    expect(result.code).toBe(0);
  });

  it('refuses an import cycle', async () => {
    const first = write(`src/jobs/${tag}-a.ts`, `import { b } from './${tag}-b.ts';\nexport const a = (): number => b() + 1;\n`);
    const second = write(`src/jobs/${tag}-b.ts`, `import { a } from './${tag}-a.ts';\nexport const b = (): number => a() - 1;\n`);
    const result = await lint([first, second]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('noImportCycles');
  });

  it('keeps commands/ to the index.ts of a src/ feature', async () => {
    const file = write(`commands/${tag}.ts`, "import { splitSentences } from '../src/pipeline/clean/sentences.ts';\nexport const probe = splitSentences;\n");
    const result = await lint([file]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('noRestrictedImports');
  });

  it('passes on the tree as it is', async () => {
    const result = await lint(['src', 'commands', 'prompts']);
    expect(result.output).not.toMatch(/noPrivateImports|noImportCycles|noRestrictedImports/);
  });
});
