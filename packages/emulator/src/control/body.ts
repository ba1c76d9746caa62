import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { ControlError } from '../core/index.js';
import { asRawBody, MAX_BODY_BYTES, parseJson } from '../http/body.js';

/** Checks a control-plane body against its schema; the first problem becomes a 400 message. */
export function parseBody<S extends TSchema>(schema: S, value: unknown): Static<S> {
  if (Value.Check(schema, value)) return value;
  const first = Value.Errors(schema, value).First();
  const where = first?.path ? `${first.path}: ` : '';
  throw new ControlError(400, `invalid body: ${where}${first?.message ?? 'does not match the schema'}`);
}

/** Control-plane bodies are JSON; an empty body reads as `{}`. */
export function readJson(request: FastifyRequest): unknown {
  const raw = asRawBody(request.body);
  if (raw.bytes === null) throw new ControlError(413, `body too large: at most ${MAX_BODY_BYTES} bytes`);
  try {
    return parseJson(raw) ?? {};
  } catch {
    throw new ControlError(400, 'invalid body: not JSON');
  }
}
