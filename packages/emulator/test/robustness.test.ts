import http from 'node:http';
import type { TSchema } from '@sinclair/typebox';
import { type EndpointDef, type Envelope, endpointList } from '@wxlocal/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type Harness, RID, splitErrmsg, startEmulator, type World } from './helpers.js';

/*
 * Malformed input against every endpoint of the catalogue, unknown paths and the control plane. Whatever
 * comes in, the emulator answers with its documented shapes (docs/wire-protocol.md §1–§4, the README control plane),
 * never a 5xx or a stack trace, and none of these calls changes state.
 */

/** A fixed seed replays the same inputs on every run; the run counts keep the file to a few seconds. */
const SEED = 42;
const WECHAT_CONTENT_TYPE = 'application/json; encoding=utf-8';
/** What a leaked stack trace looks like: "at fn (file:1:2)" frames, file positions, "TypeError:". */
const STACK_TRACE = /\bat \S+ \(|\bat (?:file|node):|\.[cm]?[jt]s:\d+:\d+|\w*Error:/;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

// ---------------------------------------------------------------------------------------------------------
// Requests and how they are sent

/** A request body; fast-check prints its label, so a failing case stays readable. */
class Body {
  readonly bytes: Uint8Array;
  constructor(
    readonly label: string,
    content: string | Uint8Array,
  ) {
    this.bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  }
  [fc.toStringMethod](): string {
    return `Body(${this.label.length > 200 ? `${this.label.slice(0, 200)}…` : this.label})`;
  }
}

interface Exchange {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Body;
}

interface Reply {
  status: number;
  contentType: string | null;
  text: string;
  json: unknown;
}

/** Headers fetch refuses to send; requests that carry one go through node:http. */
const FETCH_REFUSES = new Set(['connection', 'expect', 'transfer-encoding']);

/** fetch cannot send a body with GET or HEAD, refuses some headers, and would normalise dot segments. */
function needsRawHttp({ method, path, headers, body }: Exchange): boolean {
  return (
    (body !== undefined && (method === 'GET' || method === 'HEAD')) ||
    Object.keys(headers).some((name) => FETCH_REFUSES.has(name)) ||
    /(^|\/)\.{1,2}(\/|\?|$)/.test(path)
  );
}

async function send(h: Harness, exchange: Exchange): Promise<Reply> {
  if (needsRawHttp(exchange)) return sendRaw(h.baseUrl, exchange);
  const { method, path, body, headers } = exchange;
  const result = await h.call(method, path, body?.bytes, headers);
  return {
    status: result.status,
    contentType: result.headers.get('content-type'),
    text: result.text,
    json: result.json,
  };
}

function sendRaw(baseUrl: string, { method, path, body, headers }: Exchange): Promise<Reply> {
  const { hostname, port } = new URL(baseUrl);
  const framed = { ...headers };
  // Without a length node:http sends a GET body unframed, and the server reads it as the next request.
  if (body && !('transfer-encoding' in framed)) framed['content-length'] = String(body.bytes.byteLength);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname, port, method, path, headers: framed, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'] ?? null,
            text,
            json: parseOrUndefined(text),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body?.bytes);
  });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// What every answer must look like

/**
 * Data plane, known path: HTTP 200, WeChat's Content-Type, `{errcode, errmsg}` with a rid on errors. An image
 * endpoint answers its JPEG, or its errors as text/plain (docs/code-management.md §4.3).
 */
function expectWeChatEnvelope(reply: Reply, method: string, envelope: Envelope = 'business'): void {
  expect(reply.status).toBe(200);
  if (method === 'HEAD') return;
  if (envelope === 'image' && reply.contentType === 'image/jpeg') return;
  expect(reply.contentType).toBe(envelope === 'image' ? 'text/plain' : WECHAT_CONTENT_TYPE);
  expect(reply.text).not.toMatch(STACK_TRACE);
  const body = reply.json as { errcode?: unknown; errmsg?: unknown } | undefined;
  expect(typeof body?.errcode).toBe('number');
  expect(typeof body?.errmsg).toBe('string');
  // -1 is the emulator's "unexpected failure"; WxJava would retry it for half a minute.
  expect(body?.errcode).not.toBe(-1);
  if (body?.errcode !== 0) expect(splitErrmsg(String(body?.errmsg)).rid).toMatch(RID);
}

/** Unknown path: 404 with a JSON body and no WeChat envelope (docs/wire-protocol.md §1). */
function expectNotFound(reply: Reply, method: string): void {
  expect(reply.status).toBe(404);
  if (method === 'HEAD') return;
  expect(reply.json).toBeTypeOf('object');
  expect(reply.text).not.toMatch(STACK_TRACE);
}

/** Control plane: 2xx, or 4xx with exactly `{"error": "<message>"}`. */
function expectControlAnswer(reply: Reply, method: string): void {
  expect([2, 4], `HTTP ${reply.status}`).toContain(Math.floor(reply.status / 100));
  if (method === 'HEAD') return;
  expect(reply.text).not.toMatch(STACK_TRACE);
  if (reply.status >= 400) {
    expect(reply.json).toEqual({ error: expect.any(String) });
  } else {
    expect(reply.json).toBeDefined();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bodies

const json = (value: unknown): string => JSON.stringify(value);

/** An object's JSON text built pair by pair, so that keys such as `__proto__` reach the server verbatim. */
const objectText = (pairs: readonly (readonly [string, string])[]): string =>
  `{${pairs.map(([key, valueText]) => `${json(key)}:${valueText}`).join(',')}}`;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Whether the server could read the bytes as an object: `{…}`, or `null` / `[]`, which read as `{}`. */
function readsAsObject(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return value === null || (typeof value === 'object' && (!Array.isArray(value) || value.length === 0));
  } catch {
    return false;
  }
}

/** Blank as the server sees it (String.prototype.trim): the control plane reads a blank body as `{}`. */
function isBlank(bytes: Uint8Array): boolean {
  return new TextDecoder('utf-8').decode(bytes).trim() === '';
}

const oddKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
  fc.string({ maxLength: 12 }),
);

/** Wrong types for most fields: objects, arrays, floats, huge numbers, booleans, null, odd strings. */
const wrongTypeText = fc.oneof(
  fc.constantFrom('{}', '[]', 'null', 'true', 'false', '1.5', '1e308', '-1e400', '18446744073709551616'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(json),
  fc.dictionary(oddKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }).map(json),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 }).map(json),
  fc.string({ unit: 'binary', maxLength: 12 }).map(json),
);

const deepArrayText = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObjectText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** 10 000 levels: deeper than any recursive parser or validator should be trusted with. */
const depth = fc.constantFrom(64, 1000, 10_000);

const emptyBody = fc.constant(new Body('empty', ''));
const whitespaceBody = fc.stringMatching(/^[ \t\r\n]{1,16}$/).map((text) => new Body(json(text), text));
const truncatedJsonBody = fc
  .oneof(
    fc.dictionary(oddKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1 }),
  )
  .map(json)
  // Any strict prefix of an object or array text lacks its closing bracket.
  .chain((text) => fc.integer({ min: 1, max: text.length - 1 }).map((cut) => text.slice(0, cut)))
  .map((text) => new Body(`truncated ${text}`, text));

const BAD_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xe2, 0x28, 0xa1],
  [0xed, 0xa0, 0x80],
];
const invalidUtf8Body = fc
  .tuple(fc.constantFrom(...BAD_UTF8), fc.constantFrom(['', ''], ['{"status":"', '"}'], ['{"', '":1}']))
  .map(([bad, [before, after]]) => {
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
    return new Body(`${before}<bytes ${bad.map((b) => b.toString(16)).join(' ')}>${after}`, bytes);
  });

const textBody = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 40 })
  .map((text) => new Body(json(text), text));
const formBody = fc
  .array(fc.tuple(oddKey, fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 4 })
  .map((pairs) => new URLSearchParams(pairs).toString())
  .map((text) => new Body(`form ${text}`, text));
const multipartBody = fc
  .string({ maxLength: 20 })
  .map((value) => `--xyz\r\nContent-Disposition: form-data; name="status"\r\n\r\n${value}\r\n--xyz--`)
  .map((text) => new Body(`multipart ${json(text)}`, text));
const scalarBody = fc
  .oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
  )
  .map(json)
  .map((text) => new Body(text, text));
const nonEmptyArrayBody = fc
  .array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 })
  .map(json)
  .map((text) => new Body(text, text));
const deepArrayBody = depth.map((d) => new Body(`[ nested ${d} deep ]`, deepArrayText(d)));
const deepObjectBody = depth.map((d) => new Body(`{"a": nested ${d} deep}`, deepObjectText(d)));

/** Bodies no endpoint can read as a JSON object: a POST that gets this far ends in 44002 or 47001. */
const unreadableBody = fc
  .oneof(
    emptyBody,
    whitespaceBody,
    truncatedJsonBody,
    invalidUtf8Body,
    textBody,
    formBody,
    multipartBody,
    scalarBody,
    nonEmptyArrayBody,
    deepArrayBody,
  )
  .filter((body) => !readsAsObject(body.bytes));

/** JSON objects with odd keys and wrong-typed values, plus the bodies that read as `{}`. */
const oddObjectBody = fc.oneof(
  fc
    .array(fc.tuple(oddKey, wrongTypeText), { maxLength: 5 })
    .map(objectText)
    .map((text) => new Body(text, text)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => new Body(json(value), json(value))),
  fc.constantFrom('null', '[]', '{}').map((text) => new Body(text, text)),
  deepObjectBody,
);

/** Values the coercion table (docs/wire-protocol.md §6.1) refuses for a field of this schema; undefined: none is sure. */
function uncoercibleText(schema: TSchema): fc.Arbitrary<string> | undefined {
  const objects = fc.oneof(
    fc.constantFrom('{}', '{"__proto__":{"status":1}}', '{"constructor":{"prototype":1}}'),
    depth.map(deepObjectText),
  );
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.oneof(
        objects,
        fc.constantFrom(...'1.5 -0.25 1e21 9007199254740993 1e400 "1.5" "0x1" "abc" [] [1]'.split(' ')),
        fc
          .double({ noNaN: true, noDefaultInfinity: true })
          .filter((x) => !Number.isInteger(x))
          .map(json),
      );
    case 'boolean':
      return fc.oneof(objects, fc.constantFrom('2', '-1', '0.5', '"yes"', '"TRUE"', '[]', '[true]'));
    case 'string':
      return fc.oneof(objects, fc.constantFrom('true', 'false', '[]', '["a"]'));
    case 'array': {
      const item = uncoercibleText(schema.items as TSchema);
      return (
        item &&
        fc.oneof(
          item,
          item.map((text) => `[${text}]`),
        )
      );
    }
    case 'object':
      return fc.constantFrom('1', '"x"', 'true', '[]');
    default:
      return undefined;
  }
}

/** A JSON object in which one declared field cannot be coerced to its type: 47001 once the token passes. */
function uncoercibleBody(endpoint: EndpointDef): fc.Arbitrary<Body> | undefined {
  const fields = Object.entries(endpoint.request.properties).flatMap(([name, schema]) => {
    // A field taken as sent is judged by its endpoint, which may accept anything.
    const value = schema.asSent === true ? undefined : uncoercibleText(schema);
    return value ? [value.map((text) => [name, text] as const)] : [];
  });
  if (fields.length === 0) return undefined;
  return (
    fc
      .tuple(fc.array(fc.tuple(oddKey, wrongTypeText), { maxLength: 3 }), fc.oneof(...fields))
      // The bad field comes last: JSON.parse keeps the last of repeated keys.
      .map(([others, field]) => objectText([...others, field]))
      .map((text) => new Body(text, text))
  );
}

// ---------------------------------------------------------------------------------------------------------
// Query strings, content types, headers

/** Characters outside the token alphabet `A–Z a–z 0–9 _ -`, one code point each. */
const ODD_CHARS = [...' +/=&%.~!*\'()"中😀\u0000\n'];
const PERCENT_GARBAGE = ['%zz', '%', '%2', '%E0%A4%A', '%ff%fe', '%00', '%%', '%u0041', '%C0%AF'];
const PARAM_NAMES = [
  ...'access_token component_access_token ACCESS_TOKEN access_token[] appid secret grant_type'.split(' '),
  ...['__proto__', 'constructor', ''],
];

interface TokenSet {
  /** Tokens that pass the token checks of the endpoint. */
  right: readonly string[];
  /** Valid tokens of another kind. */
  wrong: readonly string[];
}

/** Well formed, never issued. Built once: a regex-based arbitrary takes milliseconds to construct. */
const unissuedToken = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

function tokenValue({ right, wrong }: TokenSet): fc.Arbitrary<string> {
  const valid = (tokens: readonly string[], weight: number) =>
    tokens.length > 0 ? [{ arbitrary: fc.constantFrom(...tokens), weight }] : [];
  return fc.oneof(
    { arbitrary: fc.constant(''), weight: 1 },
    { arbitrary: unissuedToken, weight: 1 },
    { arbitrary: fc.string({ unit: fc.constantFrom(...ODD_CHARS), minLength: 1, maxLength: 20 }), weight: 1 },
    { arbitrary: fc.integer({ min: 1000, max: 3000 }).map((n) => 'A'.repeat(n)), weight: 1 },
    {
      arbitrary: fc
        .array(fc.constantFrom(...PERCENT_GARBAGE), { minLength: 1, maxLength: 4 })
        .map((parts) => parts.join('')),
      weight: 1,
    },
    ...valid(wrong, 2),
    // Often enough that the body checks behind the token checks get their share of the runs.
    ...valid(right, 4),
  );
}

type Encoding = 'component' | 'every-byte' | 'raw';

/** `raw` leaves percent garbage as it is; characters a request line cannot carry are encoded anyway. */
function encode(value: string, encoding: Encoding): string {
  if (encoding === 'raw' && /^[!-~]*$/.test(value) && !value.includes('#')) return value;
  if (encoding === 'every-byte') {
    return [...Buffer.from(value)]
      .map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)
      .join('');
  }
  return encodeURIComponent(value);
}

interface QueryParam {
  name: string;
  value: string;
  encoding: Encoding;
}

function queryParams(tokens: TokenSet): fc.Arbitrary<QueryParam[]> {
  const param = (name: fc.Arbitrary<string>) =>
    fc.record({
      name,
      value: tokenValue(tokens),
      encoding: fc.constantFrom<Encoding>('component', 'every-byte', 'raw'),
    });
  // Usually a token under its usual name, then maybe more parameters; a repeated name reads its first
  // value (docs/wire-protocol.md §5.1).
  return fc
    .tuple(
      fc.option(param(fc.constantFrom('access_token', 'component_access_token')), { nil: undefined }),
      fc.array(param(fc.constantFrom(...PARAM_NAMES)), { maxLength: 2 }),
    )
    .map(([token, more]) => (token ? [token, ...more] : more));
}

function queryString(params: readonly QueryParam[], tail: string): string {
  const text =
    params.map((p) => `${encodeURIComponent(p.name)}=${encode(p.value, p.encoding)}`).join('&') + tail;
  return text === '' ? '' : `?${text}`;
}

const queryTail = fc.constantFrom('', '', '&', '&&', '=', '%', '%zz', '&=&');

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=GBK',
  'APPLICATION/JSON',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  '*/*',
  'application/json; charset',
  '',
  ';;;',
);

const ODD_HEADERS: [string, string][] = [
  ['x-forwarded-for', 'not-an-ip, ::1, 999.1.1.1'],
  ['accept', 'application/xml;q=0'],
  ['accept-encoding', 'gzip, br, zstd'],
  ['content-encoding', 'gzip'],
  ['cookie', '__proto__=1; constructor=prototype'],
  ['x-http-method-override', 'DELETE'],
  ['authorization', 'Bearer not-a-token'],
  ['origin', 'null'],
  ['x-long', 'x'.repeat(4000)],
  ['x-latin1', 'caf\u00e9 \u00ff'],
  ['transfer-encoding', 'chunked'],
  ['expect', '100-continue'],
  ['connection', 'close'],
];

function headersOf(odd: readonly [string, string][], type: string | undefined): Record<string, string> {
  return { ...Object.fromEntries(odd), ...(type === undefined ? {} : { 'content-type': type }) };
}

const oddHeaders = fc.subarray(ODD_HEADERS, { maxLength: 3 });
const method = fc.constantFrom(...METHODS);
/** Node's parser refuses request heads above 16 KB with a 431, which is not what these tests are about. */
const fitsRequestLine = (exchange: Exchange) => exchange.path.length <= 10_000;

// ---------------------------------------------------------------------------------------------------------

describe('robustness against malformed input', () => {
  let h: Harness;
  let world: World;
  let ownToken: string;
  let before: unknown;

  /** Everything the malformed calls must leave alone. */
  async function snapshot(): Promise<unknown> {
    const read = async (path: string) => (await h.get(path)).json;
    return {
      platforms: await read('/_wxlocal/platforms'),
      accounts: await read('/_wxlocal/accounts'),
      authorizations: await read('/_wxlocal/authorizations'),
      searchStatus: await read(`/wxa/getwxasearchstatus?access_token=${world.mpToken}`),
      drafts: await read(`/wxa/gettemplatedraftlist?access_token=${world.componentToken}`),
      templates: await read(`/wxa/gettemplatelist?access_token=${world.componentToken}`),
      code: await read(`/_wxlocal/accounts/${world.miniProgram.appid}/code`),
      auditQuota: await read(`/wxa/queryquota?access_token=${world.mpToken}`),
    };
  }

  /** A template and a trial version, so that the code APIs reach their own rules. */
  async function commitCode(): Promise<void> {
    const { appid } = world.platform;
    await h.post(`/_wxlocal/platforms/${appid}/drafts`, { user_version: '1.0.0', pages: ['pages/index'] });
    await h.post(`/wxa/addtotemplate?access_token=${world.componentToken}`, { draft_id: 0 });
    const commit = { template_id: 1, ext_json: '{}', user_version: '1.0.0', user_desc: '' };
    expect((await h.post(`/wxa/commit?access_token=${world.mpToken}`, commit)).json.errcode).toBe(0);
  }

  /** Emulated minus real time, in seconds: moves only when the clock is set or advanced. */
  async function clockOffset(): Promise<number> {
    return (await h.get('/_wxlocal/clock')).json.now - Date.now() / 1000;
  }

  let offsetBefore: number;

  beforeAll(async () => {
    h = await startEmulator();
    world = await createWorld(h);
    const { appid, secret } = world.miniProgram;
    ownToken = (await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`))
      .json.access_token;
    await commitCode();
    before = await snapshot();
    offsetBefore = await clockOffset();
  });

  afterAll(async () => {
    await h?.close();
  });

  function tokensFor(endpoint: EndpointDef): TokenSet {
    const all = [world.mpToken, world.oaToken, world.componentToken, ownToken];
    const types = endpoint.accountTypes ?? [];
    const right =
      endpoint.token === 'component'
        ? [world.componentToken]
        : endpoint.token === 'authorizer'
          ? [
              ...(types.includes('miniprogram') ? [world.mpToken] : []),
              ...(types.includes('official_account') ? [world.oaToken] : []),
            ]
          : [];
    return { right, wrong: all.filter((token) => !right.includes(token)) };
  }

  function dataPlaneCall(endpoint: EndpointDef): fc.Arbitrary<Exchange> {
    const tokens = tokensFor(endpoint);
    const uncoercible = uncoercibleBody(endpoint);
    const methods = fc.oneof(
      { arbitrary: fc.constant(endpoint.method), weight: 2 },
      { arbitrary: method, weight: 3 },
    );
    return fc
      .record({
        method: methods,
        params: queryParams(tokens),
        tail: queryTail,
        type: contentType,
        odd: oddHeaders,
      })
      .chain(({ method, params, tail, type, odd }) => {
        // A token that passes lets the body through to the handler. Then only bodies that cannot be read, or
        // that carry a field that cannot be coerced, are sent: anything else may succeed for real (`{}` sets
        // the search status to 0, `{"status":true}` to 1) and change the state this test watches.
        const reachesHandler = params.some((p) => tokens.right.includes(p.value));
        const body = reachesHandler
          ? uncoercible
            ? fc.oneof(unreadableBody, uncoercible)
            : unreadableBody
          : fc.oneof(unreadableBody, oddObjectBody, ...(uncoercible ? [uncoercible] : []));
        return fc.option(body, { nil: undefined }).map(
          (body): Exchange => ({
            method,
            path: endpoint.path + queryString(params, tail),
            headers: headersOf(odd, type),
            ...(body ? { body } : {}),
          }),
        );
      })
      .filter(fitsRequestLine);
  }

  // 2,500 calls: on PostgreSQL, under the load of a whole test run, more than the default 20 s.
  it('answers every catalogue endpoint with the WeChat envelope, whatever the request', async () => {
    const calls = endpointList.map((endpoint) =>
      dataPlaneCall(endpoint).map((exchange) => ({ exchange, envelope: endpoint.envelope })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(...calls), async ({ exchange, envelope }) => {
        expectWeChatEnvelope(await send(h, exchange), exchange.method, envelope);
      }),
      { seed: SEED, numRuns: 2500 },
    );
  }, 60_000);

  it('answers paths near the catalogue ones with 404', async () => {
    const known = new Set(endpointList.map((endpoint) => endpoint.path));
    const segment = fc.webSegment();
    const variant = (path: string): fc.Arbitrary<string> => {
      const cut = path.lastIndexOf('/');
      return fc.oneof(
        fc.constant(`${path}/`),
        fc.constant(`/${path}`),
        fc.constant(`${path.slice(0, cut)}/${path.slice(cut)}`),
        fc.mixedCase(fc.constant(path)),
        segment.map((extra) => `${path}/${extra}`),
        fc
          .constantFrom('%00', '%20', '%2F', '%zz', '%E0%A4%A', '%C0%AF', '%FF')
          .map((suffix) => path + suffix),
        fc.constant(`${path.slice(0, cut)}%2F${path.slice(cut + 1)}`),
        fc.constant(`${path.slice(0, cut)}/.${path.slice(cut)}`),
        fc.constant(`${path.slice(0, cut)}/x/..${path.slice(cut)}`),
        fc.integer({ min: 1000, max: 6000 }).map((n) => `${path}/${'x'.repeat(n)}`),
      );
    };
    const randomPath = fc
      .array(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 4 })
      .map((segments) => `/${segments.join('/')}`);
    const unknownPath = fc
      .oneof(randomPath, ...[...known].map(variant))
      .filter((path) => !known.has(path) && !path.startsWith('/_wxlocal'));
    const call = fc
      .record({
        method,
        path: unknownPath,
        params: queryParams({ right: [], wrong: [] }),
        type: contentType,
        odd: oddHeaders,
        body: fc.option(fc.oneof(unreadableBody, oddObjectBody), { nil: undefined }),
      })
      .map(
        ({ method, path, params, type, odd, body }): Exchange => ({
          method,
          path: path + queryString(params, ''),
          headers: headersOf(odd, type),
          ...(body ? { body } : {}),
        }),
      )
      .filter(fitsRequestLine);
    await fc.assert(
      fc.asyncProperty(call, async (exchange) => {
        expectNotFound(await send(h, exchange), exchange.method);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('answers the control plane with 2xx or a 4xx {"error"}, never a 5xx', async () => {
    const taken = new Set([world.platform.appid, world.miniProgram.appid, world.officialAccount.appid]);
    // Real appids are left out so that a DELETE, PATCH or release on a path never meets a real record.
    const id = fc
      .oneof(
        unissuedToken,
        fc
          .string({ unit: fc.constantFrom(...ODD_CHARS), minLength: 1, maxLength: 12 })
          .map(encodeURIComponent),
        // Past the router's 100-character limit for a path parameter.
        fc.integer({ min: 101, max: 4000 }).map((n) => 'w'.repeat(n)),
        fc.constantFrom('%zz', '%00', '%2F', '%20', '%E0%A4%A'),
      )
      .filter((segment) => !taken.has(segment));
    /** The control routes and their methods, `:id` standing for a path parameter; `-`: no such route. */
    const routes = [
      'GET /health',
      'POST /reset',
      'GET,POST /platforms',
      'GET,PATCH /platforms/:id',
      'GET /platforms/:id/ticket',
      'GET,POST /accounts',
      'GET,PATCH /accounts/:id',
      'POST /accounts/:id/release',
      'GET,PUT /accounts/:id/webviewdomain',
      'GET,PUT /accounts/:id/server-domains',
      'GET,POST /authorizations',
      'DELETE /authorizations/:id/:id',
      'GET,POST /clock',
      'GET /requests',
      'GET /pushes',
      'GET,POST,DELETE /faults',
      'DELETE /faults/:id',
      'GET /links',
      'POST /links/respond',
      'POST /links/console',
      'GET,POST,DELETE /confirm-files',
      'GET /hosts',
      'PATCH /hosts/:id',
      'GET,POST,DELETE /qrcode/blacklist',
      'GET /qrcode/resolve',
      '- ',
      '- /',
      '- /nope',
      '- /health/',
      '- //health',
      '- /Platforms',
      '- /platforms/:id/ticket/x',
      '- /authorizations/:id',
    ].map((line) => {
      const [methods = '', path = ''] = line.split(' ');
      return { path, methods: methods === '-' ? [] : methods.split(',') };
    });
    const schemaKeys = [
      ...['appid', 'secret', 'name', 'published', 'test_accounts', 'type', 'nickname', 'banned'],
      ...['advance', 'set', 'component_appid', 'authorizer_appid', 'func_info', 'official_account'],
      ...['miniprogram', 'admin', 'accept', 'url', 'content', 'icp_filed', 'mp_webviewdomain'],
      ...['mp_domain', 'entry', 'viewer', 'ip_whitelist', 'secret_frozen', 'show_profile'],
      ...['auth_event_url', 'message_token', 'encoding_aes_key', 'endpoint', 'errcode', 'count'],
    ];
    const unknownKey = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'APPID', ' appid'),
      fc.stringMatching(/^x_[a-z]{1,8}$/),
    );
    const valueText = fc.oneof(wrongTypeText, fc.jsonValue({ maxDepth: 2 }).map(json));
    /** Plausible fields plus one that no control schema has: every schema is closed, so this is a 400. */
    const unknownKeyBody = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...schemaKeys), valueText), { maxLength: 4 }),
        fc.tuple(unknownKey, valueText),
        fc.nat(),
      )
      .map(([pairs, extra, at]) => {
        const all = [...pairs];
        all.splice(at % (all.length + 1), 0, extra);
        return objectText(all);
      })
      .map((text) => new Body(text, text));
    /** Bodies no control route accepts; blank bodies and `null` read as `{}`, which may be enough. */
    const invalidControlBody = fc.oneof(
      unreadableBody.filter((body) => !isBlank(body.bytes)),
      unknownKeyBody,
      deepObjectBody,
    );
    const anyControlBody = fc.oneof(invalidControlBody, emptyBody, whitespaceBody, oddObjectBody);
    const queryValue = fc.oneof(
      fc.integer({ min: -5, max: 2_000_000 }).map(String),
      fc.constantFrom('', 'abc', '1.5', '%zz', '1e3', '0x10', '%205', '1&limit=x', 'https://a.example/x.txt'),
    );
    const query = fc.option(fc.tuple(fc.constantFrom('limit', 'url'), queryValue), { nil: undefined });

    const controlCall = (route: { path: string; methods: string[] }): fc.Arbitrary<Exchange> => {
      const methods =
        route.methods.length > 0
          ? fc.oneof(
              { arbitrary: fc.constantFrom(...route.methods), weight: 3 },
              { arbitrary: method, weight: 2 },
            )
          : method;
      const canWrite = route.methods.some((m) => m !== 'GET');
      return (
        fc
          .record({ method: methods, ids: fc.tuple(id, id), query, type: contentType, odd: oddHeaders })
          // POST /reset needs no body to succeed: it wipes the state that this file checks at the end.
          .filter(({ method }) => !(method === 'POST' && route.path === '/reset'))
          .chain(({ method, ids, query, type, odd }) => {
            // A well-formed or blank body might create or change something on a route that can write.
            const body =
              canWrite && method !== 'GET' && method !== 'HEAD'
                ? invalidControlBody
                : fc.option(anyControlBody, { nil: undefined });
            let n = 0;
            const path = route.path.replace(/:id/g, () => ids[n++ % 2] ?? '');
            return body.map(
              (body): Exchange => ({
                method,
                path: `/_wxlocal${path}${query ? `?${query[0]}=${query[1]}` : ''}`,
                headers: headersOf(odd, type),
                ...(body ? { body } : {}),
              }),
            );
          })
          .filter(fitsRequestLine)
      );
    };

    await fc.assert(
      fc.asyncProperty(fc.oneof(...routes.map(controlCall)), async (exchange) => {
        expectControlAnswer(await send(h, exchange), exchange.method);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('reads a body of a few MB as a format error, not a crash', async () => {
    const huge = 3 * 1024 * 1024;
    const bigJson = new Body('{"status":[0,0,…]} of 3 MB', `{"status":[${'0,'.repeat(huge / 2)}0]}`);
    const bigJunk = new Body('3 MB of junk', Buffer.alloc(huge, 0x7b));
    const json = { 'content-type': 'application/json' };

    const search = await send(h, {
      method: 'POST',
      path: `/wxa/changewxasearchstatus?access_token=${world.mpToken}`,
      headers: json,
      body: bigJson,
    });
    expectWeChatEnvelope(search, 'POST');
    expect((search.json as { errcode: number }).errcode).toBe(47001);

    const token = await send(h, {
      method: 'POST',
      path: '/cgi-bin/component/api_component_token',
      headers: {},
      body: bigJunk,
    });
    expectWeChatEnvelope(token, 'POST');

    const account = await send(h, {
      method: 'POST',
      path: '/_wxlocal/accounts',
      headers: json,
      body: bigJson,
    });
    expectControlAnswer(account, 'POST');
    expect(account.status).toBeGreaterThanOrEqual(400);
  });

  it('leaves the state as it was and stays healthy', async () => {
    expect(await snapshot()).toEqual(before);
    expect(Math.abs((await clockOffset()) - offsetBefore)).toBeLessThan(2);
    const health = await h.get('/_wxlocal/health');
    expect(health.status).toBe(200);
    expect(health.json.status).toBe('ok');
  });
});
