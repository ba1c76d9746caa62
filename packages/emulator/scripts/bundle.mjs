// Bundles the emulator and the libraries it runs on into dist/index.js and dist/cli.js. Node loads one file
// much faster than the hundreds of modules Fastify, Kysely and TypeBox are made of (README "Performance").
// tsc writes only the declarations (tsconfig.json); better-sqlite3, a native addon, stays a dependency.
// The web console, built beforehand by packages/console, is copied to dist/ui/, which wxlocal serves.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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

/** The directory and name of the npm package a bundled input file belongs to, if it is one. */
function packageOf(input) {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  return match ? { dir: join(root, match[1]), name: match[2] } : undefined;
}

/** The licence texts of every package the bundle holds code of, as their licences ask. */
function thirdPartyLicenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = packageOf(input);
    if (pkg && !packages.has(pkg.name)) packages.set(pkg.name, pkg.dir);
  }
  return [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)/i.test(entry));
      const text = file
        ? readFileSync(join(dir, file), 'utf8').trim()
        : `${license} (no licence file shipped)`;
      return `${name}@${version} (${license})\n\n${text}\n`;
    })
    .join(`\n${'-'.repeat(78)}\n\n`);
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
  external: ['better-sqlite3'],
  // Fastify and its plugins are CommonJS and require() Node's modules.
  banner: {
    js: "import { createRequire as __wxlocalCreateRequire } from 'node:module'; const require = __wxlocalCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(metafile));
console.log('bundled dist/index.js and dist/cli.js');

if (!existsSync(join(consoleDist, 'index.html')))
  throw new Error('packages/console/dist is missing: run npm run build -w @wxlocal/console first');
rmSync(join(dist, 'ui'), { recursive: true, force: true });
cpSync(consoleDist, join(dist, 'ui'), { recursive: true });
console.log('copied the console to dist/ui/');
