import { baseErrmsg, type EndpointDef, successMessages } from '@wxlocal/api';
import type { FastifyReply } from 'fastify';
import type { WxError } from '../core/index.js';

/** The envelope of docs/wire-protocol.md §3: business endpoints wrap the payload, token endpoints send it alone. */
export function successBody(endpoint: EndpointDef, payload: object, message?: string): object {
  if (endpoint.envelope === 'payload') return payload;
  if (endpoint.envelope === 'image') return Buffer.from((payload as { image: Uint8Array }).image);
  const status = { errcode: 0, errmsg: message ?? successMessages.ok };
  return endpoint.payloadFirst ? { ...payload, ...status } : { ...status, ...payload };
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
 * WeChat answers HTTP 200 with this exact Content-Type, errors included (docs/wire-protocol.md §2). The body goes out as bytes so
 * that the framework leaves the header as written. An image endpoint sends its JPEG, and its errors as
 * `text/plain` (docs/code-management.md §4.3).
 */
export function sendWeChat(reply: FastifyReply, endpoint: EndpointDef, body: object): FastifyReply {
  reply.code(200);
  if (Buffer.isBuffer(body)) {
    return reply
      .header('content-type', 'image/jpeg')
      .header('content-disposition', 'attachment; filename="QRCode.jpg"')
      .header('cache-control', 'no-cache, must-revalidate')
      .send(body);
  }
  const type = endpoint.envelope === 'image' ? 'text/plain' : 'application/json; encoding=utf-8';
  return reply.header('content-type', type).send(Buffer.from(JSON.stringify(body)));
}
