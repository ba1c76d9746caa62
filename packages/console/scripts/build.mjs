// Builds the console into dist/: index.html, app.js and app.css, nothing fetched from elsewhere at run time.
// The emulator's bundle script copies dist/ to packages/emulator/dist/ui/, which wxlocal serves at /_wxlocal/ui/.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { thirdPartyLicenses } from '../../../scripts/third-party-licenses.mjs';

/** The most JavaScript, gzipped, the console may weigh. */
const BUDGET_BYTES = 150 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/main.tsx', out: 'app' },
    { in: 'src/app.css', out: 'app' },
  ],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // The catalogue's sources, not its build: the console needs only the control routes, tree-shaken.
  alias: { '@wxlocal/api': '../api/src/index.ts' },
  // Modules of the catalogue that only Node uses (the push crypto) are dropped by tree-shaking.
  external: ['node:*'],
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const inputs = metafile.outputs['dist/app.js'].inputs;
const used = Object.keys(inputs).filter((name) => inputs[name].bytesInOutput > 0);
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(root, used));
copyFileSync(join(root, 'src/index.html'), join(dist, 'index.html'));

const script = readFileSync(join(dist, 'app.js'));
if (/\bfrom\s*"node:|import\(\s*"node:/.test(script.toString()))
  throw new Error('dist/app.js imports a Node module');
const gzipped = gzipSync(script, { level: 9 }).length;
console.log(
  `built dist/app.js: ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`,
);
if (gzipped > BUDGET_BYTES) {
  console.error(`dist/app.js is over the budget of ${BUDGET_BYTES / 1024} KB gzipped`);
  process.exit(1);
}
