// Builds the console into dist/: index.html, app.js and app.css, nothing fetched from elsewhere at run time.
// The emulator's bundle script copies dist/ to packages/emulator/dist/ui/, which wxlocal serves at /_wxlocal/ui/.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The most JavaScript, gzipped, the console may weigh. */
const BUDGET_BYTES = 150 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** The licence texts of the npm packages whose code app.js holds, as their licences ask. */
function thirdPartyLicenses(metafile) {
  const packages = new Map();
  const inputs = metafile.outputs['dist/app.js'].inputs;
  for (const input of Object.keys(inputs).filter((name) => inputs[name].bytesInOutput > 0)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match) packages.set(match[2], join(root, match[1]));
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
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(metafile));
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
