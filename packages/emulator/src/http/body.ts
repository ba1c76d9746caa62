import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Kind, OptionalKind, type TObject, type TSchema } from '@sinclair/typebox';
import type { EndpointDef } from '@wxlocal/api';
import type { FastifyInstance } from 'fastify';
import { fail } from '../core/index.js';

/**
 * Bodies above this are not read: the call answers 47001 like any other unreadable body (docs/wire-protocol.md
 * §6), and the connection is closed rather than drained.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface RawBody {
  /** null when the body passed the cap. */
  bytes: Buffer | null;
  size: number;
}

/** The body of a request without one, shared: nothing writes into a body read. */
const NO_BODY: RawBody = Object.freeze({ bytes: Buffer.alloc(0), size: 0 });

/**
 * WeChat reads every body as JSON whatever its Content-Type, so one catch-all parser keeps the raw bytes
 * and the endpoint decides what they mean.
 */
export function registerRawBodyParser(app: FastifyInstance): void {
  // A few GET endpoints take a field from a JSON body when the query lacks it (docs/code-management.md §3.3).
  app.addHttpMethod('GET', { hasBody: true, overrideExisting: true });
  app.removeAllContentTypeParsers();
  // Fastify answers a malformed Content-Type (empty, `;;;`) with its own 415 before any route runs. The
  // header chooses nothing here, so it is dropped and every body reaches the catch-all parser.
  app.addHook('onRequest', (request, _reply, done) => {
    delete request.headers['content-type'];
    done();
  });
  const oversized = new WeakSet<IncomingMessage>();
  app.addContentTypeParser('*', (request, payload, done) => {
    readRawBody(payload, request.headers, (error, body) => {
      if (body?.bytes === null) oversized.add(request.raw);
      done(error ?? null, body);
    });
  });
  // The rest of an oversized body is never read: the socket goes once the answer is out.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (oversized.has(request.raw)) {
      reply.header('connection', 'close');
      reply.raw.once('finish', () => request.raw.socket.destroy());
    }
    done(null, payload);
  });
}

/**
 * Reads a body up to MAX_BODY_BYTES; a request without one (no length, no chunks) has an empty body at once.
 * A longer one (declared or sent) is left unread: the stream is paused
 * and the body comes back with `bytes: null`.
 */
export function readRawBody(
  stream: Readable,
  { 'content-length': contentLength, 'transfer-encoding': transferEncoding }: IncomingHttpHeaders,
  done: (error: Error | undefined, body?: RawBody) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error: Error | undefined, body?: RawBody) => {
    if (finished) return;
    finished = true;
    done(error, body);
  };
  const tooLarge = () => {
    stream.removeAllListeners('data');
    stream.pause();
    finish(undefined, { bytes: null, size });
  };
  if (contentLength === undefined && transferEncoding === undefined) {
    finish(undefined, NO_BODY);
    return;
  }
  const declared = Number(contentLength);
  if (declared > MAX_BODY_BYTES) {
    size = declared;
    tooLarge();
    return;
  }
  stream.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return tooLarge();
    chunks.push(chunk);
  });
  stream.on('end', () => finish(undefined, { bytes: Buffer.concat(chunks), size }));
  stream.on('error', (error) => finish(error));
}

export function asRawBody(body: unknown): RawBody {
  if (body && typeof body === 'object' && 'size' in body) return body as RawBody;
  return NO_BODY;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a body as JSON: undefined when it is empty (or blank), throws when it is not JSON. */
export function parseJson(raw: RawBody): unknown {
  if (raw.bytes === null) throw new SyntaxError('body too large');
  const text = utf8.decode(raw.bytes);
  if (text.trim() === '') return undefined;
  return JSON.parse(text);
}

/**
 * Reads a POST body the way WeChat does (docs/wire-protocol.md §6): zero-length → 44002, not JSON → 47001, `null`
 * and `[]` → `{}`, then every declared field coerced to its type (a field that cannot be → 47001).
 */
export function readJsonBody(endpoint: EndpointDef, raw: RawBody): Record<string, unknown> {
  if (raw.size === 0) fail(44002);
  let value: unknown;
  try {
    value = parseJson(raw);
  } catch {
    if (endpoint.lenientBody) return coerceObject(endpoint.request, {});
    fail(47001);
  }
  if (value === undefined) fail(44002);
  if (value === null || (Array.isArray(value) && value.length === 0)) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    if (endpoint.lenientBody) return coerceObject(endpoint.request, {});
    fail(47001);
  }
  return coerceObject(endpoint.request, value as Record<string, unknown>);
}

/** Query parameters as WeChat reads them: decoded once, the first of a repeated name wins. */
export function firstValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query || typeof query !== 'object') return out;
  for (const [name, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[name] = first;
  }
  return out;
}

export function coerceObject(schema: TObject, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, fieldSchema] of Object.entries(schema.properties)) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined;
    out[name] = coerceValue(fieldSchema, value);
  }
  return out;
}

/**
 * Coercion table of docs/wire-protocol.md §6.1; a missing or null field takes its zero value (§6.2). A field the
 * catalogue marks `asSent` reaches the handler untouched: its endpoint judges it.
 */
function coerceValue(schema: TSchema, value: unknown): unknown {
  if (schema.asSent === true) return value;
  const kind = schema[Kind] as string;
  if (value === undefined || value === null) return zeroValue(schema);
  switch (kind) {
    case 'Integer':
    case 'Number':
      return toInteger(value);
    case 'Boolean':
      return toBoolean(value);
    case 'String':
      return toText(value);
    case 'Array':
      return (Array.isArray(value) ? value : [value]).map((item) =>
        coerceValue(schema.items as TSchema, item),
      );
    case 'Object':
      if (typeof value !== 'object' || Array.isArray(value)) fail(47001);
      return coerceObject(schema as TObject, value as Record<string, unknown>);
    default:
      return value;
  }
}

function zeroValue(schema: TSchema): unknown {
  if (schema[OptionalKind] === 'Optional' && schema[Kind] === 'Object') return undefined;
  switch (schema[Kind]) {
    case 'Integer':
    case 'Number':
      return 0;
    case 'Boolean':
      return false;
    case 'String':
      return '';
    case 'Array':
      return [];
    case 'Object':
      return coerceObject(schema as TObject, {});
    default:
      return undefined;
  }
}

function toInteger(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '' || text === 'false') return 0;
    if (text === 'true') return 1;
    if (/^[+-]?\d{1,15}$/.test(text)) return Number(text);
  }
  return fail(47001);
}

function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0' || text === '') return false;
  }
  return fail(47001);
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(47001);
}
