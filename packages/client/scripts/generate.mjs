// Writes src/catalogue.generated.ts from the @wxlocal/api catalogue: the endpoint table the client needs at
// run time (no schema library), and the request, response and errcode types with the catalogue's words as
// their documentation. `npm run generate -w @wxlocal/client` after a catalogue change; a test fails until then.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endpointList, errors } from '@wxlocal/api';

export const GENERATED_FILE = new URL('../src/catalogue.generated.ts', import.meta.url);

/** Fields the client fills in from its own options when a caller leaves them out. */
const FILLED = new Set(['component_appid']);

const GROUPS = [
  [
    'TokenlessMethods',
    'The token endpoints: their requests carry the credentials.',
    (e) => e.token === 'none',
  ],
  [
    'ComponentMethods',
    'Called with the component_access_token.',
    (e) => e.token === 'component' || e.componentTokenAccepted === true,
  ],
  [
    'MiniProgramMethods',
    "Called with a Mini Program's authorizer_access_token.",
    (e) => e.token === 'authorizer' && e.accountTypes?.includes('miniprogram'),
  ],
  [
    'OfficialAccountMethods',
    "Called with an Official Account's authorizer_access_token.",
    (e) => e.token === 'authorizer' && e.accountTypes?.includes('official_account'),
  ],
  [
    'AccountMethods',
    "Called with an account's own access token (its stable token).",
    (e) => e.ownTokenAccepted === true,
  ],
];

const pascal = (name) => name[0].toUpperCase() + name.slice(1);
const doc = (text) => String(text).replaceAll('*/', '*\\/');

/** `/** text *\/` at `indent`, or nothing. */
function comment(lines, indent) {
  const kept = lines.filter((line) => line !== undefined);
  if (kept.length === 0) return '';
  if (kept.length === 1) return `${indent}/** ${doc(kept[0])} */\n`;
  return `${indent}/**\n${kept.map((line) => (line ? `${indent} * ${doc(line)}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}

function renderType(schema, indent, options = {}) {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map((s) => renderType(s, indent)).join(' | ');
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'Uint8Array':
      return 'Uint8Array';
    case 'array': {
      const item = renderType(schema.items, indent);
      return /[ |]/.test(item) && !item.startsWith('{') ? `Array<${item}>` : `${item}[]`;
    }
    case 'object':
      if (schema.patternProperties) {
        const [value] = Object.values(schema.patternProperties);
        return `Record<string, ${renderType(value, indent)}>`;
      }
      return renderObject(schema, indent, options);
    default:
      return 'unknown';
  }
}

function renderObject(schema, indent, { optional = new Set() } = {}) {
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return 'Record<string, never>';
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const fields = entries.map(([name, field]) => {
    const mark = required.has(name) && !optional.has(name) ? '' : '?';
    return `${comment([field.description], inner)}${inner}${name}${mark}: ${renderType(field, inner)};\n`;
  });
  return `{\n${fields.join('')}${indent}}`;
}

function declare(name, schema, options) {
  const body = renderType(schema, '', options);
  return body.startsWith('{') ? `export interface ${name} ${body}\n` : `export type ${name} = ${body};\n`;
}

/** Any endpoint may answer -1 (system busy), and 45009 once its daily call quota is used up. */
const errcodesOf = (endpoint) => [...new Set([-1, 45009, ...endpoint.errcodes])];
const hasFields = (endpoint) => Object.keys(endpoint.request.properties).length > 0;
const mustSend = (endpoint) => (endpoint.request.required ?? []).some((name) => !FILLED.has(name));

function callerText(endpoint) {
  if (endpoint.token === 'none') return 'no token: the request carries the credentials';
  if (endpoint.token === 'component') {
    const authorizer = endpoint.authorizerTokenAccepted ? ' (an authorizer_access_token too)' : '';
    return `the component_access_token${authorizer}`;
  }
  const sets = endpoint.permissionSets?.length
    ? ` (permission set ${endpoint.permissionSets.join(' or ')})`
    : endpoint.anyPermissionSet
      ? ' (any permission set)'
      : '';
  const own = endpoint.ownTokenAccepted ? "; the account's own token too" : '';
  const component = endpoint.componentTokenAccepted
    ? '; the component_access_token too, as `access_token=`'
    : '';
  return `an authorizer_access_token of a ${endpoint.accountTypes.join(' or ')}${sets}${own}${component}`;
}

function methodDoc(endpoint, indent) {
  const codes = errcodesOf(endpoint).map(
    (code) => `@throws {WeChatError} ${code} ${errors[code]?.meaning ?? ''}`,
  );
  return comment(
    [
      endpoint.summary,
      '',
      `WeChat's ${endpoint.name}: \`${endpoint.method} ${endpoint.path}\`, with ${callerText(endpoint)}.`,
      ...codes,
    ],
    indent,
  );
}

function method(endpoint) {
  const type = pascal(endpoint.name);
  const request = hasFields(endpoint) ? `${type}Request` : 'Record<string, never>';
  const param = mustSend(endpoint) ? `request: ${request}` : `request?: ${request}`;
  return `${methodDoc(endpoint, '  ')}  ${endpoint.name}(${param}, options?: CallOptions): Promise<${type}Response>;\n`;
}

function tableEntry(endpoint) {
  const entry = {
    name: endpoint.name,
    method: endpoint.method,
    path: endpoint.path,
    token: endpoint.token,
    accountTypes: endpoint.accountTypes ?? [],
    ownTokenAccepted: endpoint.ownTokenAccepted === true,
    componentTokenAccepted: endpoint.componentTokenAccepted === true,
    envelope: endpoint.envelope,
    fillsComponentAppid: 'component_appid' in endpoint.request.properties,
    idempotent: endpoint.idempotent ?? false,
  };
  const literal = (value) =>
    Array.isArray(value)
      ? `[${value.map(literal).join(', ')}]`
      : typeof value === 'string'
        ? `'${value}'`
        : value;
  const fields = Object.entries(entry).map(([key, value]) => `${key}: ${literal(value)}`);
  return `  ${endpoint.name}: { ${fields.join(', ')} },\n`;
}

export function renderCatalogue() {
  const out = [
    '// Generated from the @wxlocal/api catalogue by scripts/generate.mjs (`npm run generate -w @wxlocal/client`):\n',
    '// do not edit.\n',
    "import type { CallOptions } from './call-options.js';\n",
    "import type { EndpointEntry } from './endpoint-entry.js';\n\n",
    '/** What the client needs of each endpoint at run time. */\n',
    'export const endpointTable = {\n',
    ...endpointList.map(tableEntry),
    '} as const satisfies Record<string, EndpointEntry>;\n\n',
    'export type EndpointName = keyof typeof endpointTable;\n',
  ];
  for (const endpoint of endpointList) {
    const type = pascal(endpoint.name);
    out.push('\n');
    if (hasFields(endpoint)) {
      out.push(
        `/** The request of ${endpoint.name}. */\n`,
        declare(`${type}Request`, endpoint.request, { optional: FILLED }),
      );
    }
    out.push(`/** What ${endpoint.name} resolves to (errcode and errmsg left out). */\n`);
    out.push(declare(`${type}Response`, endpoint.response));
    out.push(
      `/** The errcodes ${endpoint.name} may answer, -1 (system busy) and 45009 (daily quota used up) included. */\n`,
    );
    out.push(`export type ${type}ErrCode = ${errcodesOf(endpoint).join(' | ')};\n`);
  }
  for (const [name, what] of [
    ['Requests', 'request'],
    ['Responses', 'response'],
    ['ErrCodes', 'errcodes'],
  ]) {
    out.push(`\n/** Each endpoint's ${what} type, by interface name. */\nexport interface ${name} {\n`);
    for (const endpoint of endpointList) {
      const type = pascal(endpoint.name);
      const value =
        name === 'Requests'
          ? hasFields(endpoint)
            ? `${type}Request`
            : 'Record<string, never>'
          : name === 'Responses'
            ? `${type}Response`
            : `${type}ErrCode`;
      out.push(`  ${endpoint.name}: ${value};\n`);
    }
    out.push('}\n');
  }
  for (const [name, what, select] of GROUPS) {
    out.push(`\n/** ${what} */\nexport interface ${name} {\n`);
    out.push(...endpointList.filter(select).map(method));
    out.push('}\n');
  }
  return out.join('');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  writeFileSync(GENERATED_FILE, renderCatalogue());
  console.log(`wrote ${GENERATED_FILE.pathname}`);
}
