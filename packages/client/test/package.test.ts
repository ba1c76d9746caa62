import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the generator is plain JavaScript
import { GENERATED_FILE, renderCatalogue } from '../scripts/generate.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'wxlocal-client-install-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A package as npm installs it: its package.json and its built files, nothing of the workspace. */
function install(name: string, from: string): void {
  const target = join(project, 'node_modules', name);
  mkdirSync(target, { recursive: true });
  cpSync(join(root, from, 'package.json'), join(target, 'package.json'));
  cpSync(join(root, from, 'dist'), join(target, 'dist'), { recursive: true });
}

function link(name: string): void {
  const target = join(project, 'node_modules', name);
  mkdirSync(join(target, '..'), { recursive: true });
  symlinkSync(join(root, 'node_modules', name), target, 'dir');
}

describe('the generated catalogue', () => {
  it('is up to date with @wxlocal/api (npm run generate -w @wxlocal/client)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderCatalogue());
  });

  it("puts the catalogue's words in the declarations an editor shows", () => {
    const declarations = readFileSync(join(root, 'packages/client/dist/catalogue.generated.d.ts'), 'utf8');
    const method = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*setSearchStatus\(request: SetSearchStatusRequest/.exec(
      declarations,
    );
    expect(method?.[1]).toContain('Makes the Mini Program searchable (0) or hidden from search (1).');
    expect(method?.[1]).toContain("WeChat's setSearchStatus: `POST /wxa/changewxasearchstatus`");
    expect(method?.[1]).toContain('@throws {WeChatError} 85083');
    expect(declarations).toMatch(/\/\*\* 0 searchable, 1 not searchable \*\/\s*status: 0 \| 1;/);
  });
});

describe('a fresh TypeScript project', () => {
  it('compiles with skipLibCheck false and the memory cache, with no ioredis installed, and runs', () => {
    install('@wxlocal/client', 'packages/client');
    install('@wxlocal/api', 'packages/api');
    link('@sinclair/typebox');
    link('@types/node');
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'fresh', type: 'module', private: true }),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'out',
        },
        include: ['main.ts'],
      }),
    );
    writeFileSync(
      join(project, 'main.ts'),
      [
        "import { createClient, isWeChatError, MemoryCache } from '@wxlocal/client';",
        "const client = createClient({ componentAppid: 'wx0000000000000001', componentSecret: 's', cache: new MemoryCache() });",
        "const url = client.authorizationUrl({ preAuthCode: 'preauthcode@@@x', redirectUri: 'https://sp.example.com/' });",
        'export async function hide(): Promise<void> {',
        "  await client.miniProgram('wx0000000000000002').setSearchStatus({ status: 1 }).catch((error: unknown) => {",
        '    if (isWeChatError(error, 85083)) console.log(error.errcode);',
        '  });',
        '}',
        'console.log(url.split("?")[0]);',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
    const printed = execFileSync(process.execPath, [join(project, 'out/main.js')], {
      encoding: 'utf8',
      cwd: project,
    });
    expect(printed).toBe('https://mp.weixin.qq.com/cgi-bin/componentloginpage\n');
  });
});
