// The licence texts of the npm packages a bundle holds code of, as their licences ask: written next to the
// emulator's bundle and the web console's build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `inputs`: the bundled files, as esbuild's metafile names them relative to `root`. */
export function thirdPartyLicenses(root, inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match && !packages.has(match[2])) packages.set(match[2], join(root, match[1]));
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
