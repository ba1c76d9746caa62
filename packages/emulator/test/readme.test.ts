import { readFileSync } from 'node:fs';
import { endpointList } from '@wxlocal/api';
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

  it('names the two set-up commands and the test command', () => {
    for (const command of ['npm install', 'npm start', 'npm test']) expect(readme).toContain(command);
  });
});
