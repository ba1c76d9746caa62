// Bundles the emulator and the libraries it runs on into dist/index.js and dist/cli.js. Node loads one file
// much faster than the hundreds of modules Fastify, Kysely and TypeBox are made of (README "Performance").
// tsc writes only the declarations (tsconfig.json); better-sqlite3, a native addon, stays a dependency.
// The web console, built beforehand by packages/console, is copied to dist/ui/, which wxlocal serves.
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { thirdPartyLicenses } from '../../../scripts/third-party-licenses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const consoleDist = join(root, '../console/dist');

/** JavaScript left in dist/ by an earlier build, so that only the bundle is packed. */
function removeOldJavaScript(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeOldJavaScript(path);
    else if (/\.js(\.map)?$/.test(entry.name)) rmSync(path);
  }
}

removeOldJavaScript(dist);
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts', 'src/cli.ts'],
  outdir: 'dist',
  // Shared code goes to chunks next to the entries: src/app.ts finds ../package.json from any of them.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Fastify requires its schema compilers and its inject() helper only when used: wxlocal sets compilers of
  // its own and never injects, so these stay out of the bundle, which Node then parses faster at start.
  external: [
    'better-sqlite3',
    '@fastify/ajv-compiler',
    '@fastify/fast-json-stringify-compiler',
    'light-my-request',
  ],
  // Fastify and its plugins are CommonJS and require() Node's modules.
  banner: {
    js: "import { createRequire as __wxlocalCreateRequire } from 'node:module'; const require = __wxlocalCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(root, Object.keys(metafile.inputs)));
console.log('bundled dist/index.js and dist/cli.js');

if (!existsSync(join(consoleDist, 'index.html')))
  throw new Error('packages/console/dist is missing: run npm run build -w @wxlocal/console first');
rmSync(join(dist, 'ui'), { recursive: true, force: true });
cpSync(consoleDist, join(dist, 'ui'), { recursive: true });
console.log('copied the console to dist/ui/');
