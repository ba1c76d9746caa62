import { readFileSync } from 'node:fs';
import { controlRouteList, endpointList } from '@wxlocal/api';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every endpoint of the catalogue with its method and path', () => {
    for (const endpoint of endpointList) {
      expect(readme, endpoint.name).toContain(
        `| ${endpoint.name} | \`${endpoint.method} ${endpoint.path}\` |`,
      );
    }
  });

  it("lists the control plane's routes exactly as the control-plane catalogue describes them", () => {
    const section = readme.slice(
      readme.indexOf('## Control plane'),
      readme.indexOf('`func_info` is taken as given'),
    );
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) =>
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => cell.trim()),
      );
    const described = controlRouteList.map(([, def]) => [
      `\`${def.method} /_wxlocal${def.path}${def.doc.query ?? ''}\``,
      def.doc.body ?? '',
      def.doc.returns,
    ]);
    expect(rows).toEqual(described);
  });

  it('names the two set-up commands and the test command', () => {
    for (const command of ['npm install', 'npm start', 'npm test']) expect(readme).toContain(command);
  });
});
