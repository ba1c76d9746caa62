import type { ServerResponse } from 'node:http';
import { baseErrmsg, type EndpointDef, successMessages } from '@wxlocal/api';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { WxError } from '../core/index.js';

/** The envelope of docs/wire-protocol.md §3: business endpoints wrap the payload, token endpoints send it alone. */
export function successBody(endpoint: EndpointDef, payload: object, message?: string): object {
  if (endpoint.envelope === 'payload') return payload;
  if (endpoint.envelope === 'image') return Buffer.from((payload as { image: Uint8Array }).image);
  const status = { errcode: 0, errmsg: message ?? successMessages.ok };
  // Not `{ ...a, ...b }`: Node 20's V8 gives each object built so a map of its own (bench/README.md,
  // "Garbage per call").
  return endpoint.payloadFirst ? Object.assign({}, payload, status) : Object.assign({}, status, payload);
}

/**
 * `{"errcode":N,"errmsg":"<base> rid: <rid>"}`; an empty base leaves just " rid: <rid>" (docs/wire-protocol.md §4.1). The rare
 * error payload follows errcode and errmsg.
 */
export function errorBody(error: WxError, rid: string): { errcode: number; errmsg: string } {
  const errmsg = `${baseErrmsg(error.errcode, error.params)} rid: ${rid}`;
  return { errcode: error.errcode, errmsg, ...error.payload };
}

/**
 * WeChat answers HTTP 200 with this exact Content-Type, errors included (docs/wire-protocol.md §2). The body goes
 * out as bytes so that nothing rewrites the header. An image endpoint sends its JPEG, and its errors as
 * `text/plain` (docs/code-management.md §4.3).
 */
export function wechatAnswer(
  endpoint: EndpointDef,
  body: object,
): { headers: Record<string, string>; bytes: Buffer } {
  if (Buffer.isBuffer(body)) {
    return {
      headers: {
        'content-type': 'image/jpeg',
        'content-disposition': 'attachment; filename="QRCode.jpg"',
        'cache-control': 'no-cache, must-revalidate',
      },
      bytes: body,
    };
  }
  const type = endpoint.envelope === 'image' ? 'text/plain' : 'application/json; encoding=utf-8';
  return { headers: { 'content-type': type }, bytes: Buffer.from(JSON.stringify(body)) };
}

/** The answer through Fastify. */
export function sendWeChat(reply: FastifyReply, endpoint: EndpointDef, body: object): FastifyReply {
  const { headers, bytes } = wechatAnswer(endpoint, body);
  return reply.code(200).headers(headers).send(bytes);
}

/** The answer on node:http; `close`: the connection goes once it is out (a body left unread). */
export function writeWeChat(
  response: ServerResponse,
  endpoint: EndpointDef,
  body: object,
  close: boolean,
): void {
  const { headers, bytes } = wechatAnswer(endpoint, body);
  writeBytes(response, 200, headers, bytes, close);
}

/** An answer on node:http with its exact length; `close`: the connection goes once it is out. */
export function writeBytes(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  bytes: Buffer,
  close: boolean,
): void {
  const head = Object.assign({}, headers);
  if (close) head.connection = 'close';
  head['content-length'] = String(bytes.length);
  response.writeHead(status, head);
  response.end(bytes);
}

/** An unexpected failure: 503 when the data file went away (README "Data files"), else 500. */
export function failureAnswer(problem: string | null): { status: number; body: { error: string } } {
  return problem
    ? { status: 503, body: { error: problem } }
    : { status: 500, body: { error: 'internal error' } };
}

/** An unexpected failure on node:http, logged as Fastify's error handler logs it. */
export function writeFailure(
  response: ServerResponse,
  store: { problem(): string | null },
  error: unknown,
  log: FastifyBaseLogger,
): void {
  const { status, body } = failureAnswer(store.problem());
  if (status === 500) log.error({ err: error }, 'unexpected failure');
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(bytes.length),
  });
  response.end(bytes);
}
