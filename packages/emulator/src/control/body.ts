import type { Static, TSchema, TUnion } from '@sinclair/typebox';
import { Value, type ValueError, ValueErrorType } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { ControlError } from '../core/index.js';
import { asRawBody, MAX_BODY_BYTES, parseJson } from '../http/body.js';

/** Checks a control-plane body against its schema; the first problem becomes a 400 message. */
export function parseBody<S extends TSchema>(schema: S, value: unknown): Static<S> {
  if (Value.Check(schema, value)) return value;
  const first = Value.Errors(schema, value).First();
  throw new ControlError(400, `invalid body: ${first ? explain(first) : 'does not match the schema'}`);
}

/** One error as a sentence naming the field and what it takes. */
function explain(error: ValueError): string {
  const field = fieldName(error.path);
  if (error.type === ValueErrorType.Union) return explainUnion(error, field);
  if (error.type === ValueErrorType.ObjectAdditionalProperties) {
    const allowed = Object.keys((error.schema as { properties?: object }).properties ?? {});
    return `unknown field ${field} (allowed: ${allowed.join(', ') || 'none'})`;
  }
  // The schema of a required property is the property's own: say what it takes.
  if (error.type === ValueErrorType.ObjectRequiredProperty)
    return `missing ${field}: expected ${describe(error.schema)}`;
  const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return field ? `${field}: ${message}` : message;
}

/**
 * TypeBox says only "Expected union value". When one member fits the value best (the same JSON type, the
 * most keys in common), its own error is the useful one; otherwise list what the members take.
 */
function explainUnion(error: ValueError, field: string): string {
  const members = (error.schema as TUnion).anyOf;
  const scores = members.map((member) => fit(member, error.value));
  const best = Math.max(...scores);
  const index = scores.indexOf(best);
  const nested = best > 0 && scores.lastIndexOf(best) === index ? error.errors[index]?.First() : undefined;
  if (nested) return explain(nested);
  const expected = `expected ${members.map((member) => describe(member)).join(' or ')}`;
  return field ? `${field}: ${expected}` : expected;
}

/** How well a value fits a union member: 1 for the same JSON type, plus 1 for each key the member knows. */
function fit(schema: TSchema, value: unknown): number {
  const type = schema.type === 'integer' ? 'number' : schema.type;
  if (type !== jsonType(value)) return 0;
  if (schema.type !== 'object') return 1;
  const known = Object.keys(schema.properties ?? {});
  return 1 + Object.keys(value as object).filter((key) => known.includes(key)).length;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A schema in a few words: `"a" or "b"`, `integer`, `{advance: number}`. */
function describe(schema: TSchema, depth = 0): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return (schema.anyOf as TSchema[]).map((member) => describe(member, depth)).join(' or ');
  if (schema.type === 'object' && schema.properties && depth === 0) {
    const required: string[] = schema.required ?? [];
    const fields = Object.entries(schema.properties as Record<string, TSchema>).map(
      ([key, value]) => `${key}${required.includes(key) ? '' : '?'}: ${describe(value, depth + 1)}`,
    );
    return `{${fields.join(', ')}}`;
  }
  if (schema.type === 'array') return 'an array';
  return typeof schema.type === 'string' ? schema.type : 'a value';
}

/** `/accounts/0/type` → `accounts[0].type`: the JSON pointer as a caller would write the field. */
function fieldName(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
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
