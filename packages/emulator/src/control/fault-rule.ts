import { randomInt } from 'node:crypto';
import { type ControlBodyOf, type ErrCode, endpointList, errors } from '@wxlocal/api';
import { ControlError } from '../core/index.js';
import { DEFAULT_HANG_MS, type FaultRuleSpec, type Latency, MAX_SEED } from '../http/faults.js';

/** The longest latency a rule may add (docs/faults.md §1). */
const MAX_LATENCY_MS = 60_000;
const MAX_HANG_MS = 600_000;
const MAX_COUNT = 1_000_000_000;

/** A rule from the body of `POST /_wxlocal/faults`, each range checked; a 400 names the field that is wrong. */
export function faultRuleOf(body: ControlBodyOf<'faults.inject'>): FaultRuleSpec {
  const effects = (['errcode', 'status', 'network'] as const).filter((field) => body[field] !== undefined);
  if (effects.length > 1) refuse(effects[1] ?? '', `only one of errcode, status and network may be given`);
  if (body.after_commit && effects.length === 0) {
    refuse('after_commit', 'needs an effect (errcode, status or network) to replace the answer with');
  }
  if (effects.length === 0 && body.latency_ms === undefined) {
    refuse('errcode', 'a rule needs an effect (errcode, status or network) or a latency_ms');
  }
  if (body.errcode !== undefined && !Object.hasOwn(errors, String(body.errcode))) {
    refuse('errcode', `${body.errcode} is not in the error catalogue`);
  }
  if (body.status !== undefined && !(body.status >= 500 && body.status <= 599)) {
    refuse('status', 'must be an HTTP status from 500 to 599');
  }
  if (body.hang_ms !== undefined && body.network !== 'hang') refuse('hang_ms', 'only with "network": "hang"');
  if (body.hang_ms !== undefined && !(body.hang_ms >= 0 && body.hang_ms <= MAX_HANG_MS)) {
    refuse('hang_ms', `must be from 0 to ${MAX_HANG_MS}`);
  }
  const probability = body.probability ?? 1;
  if (!(probability > 0 && probability <= 1)) refuse('probability', 'must be above 0 and at most 1');
  if (body.seed !== undefined && !(body.seed >= 0 && body.seed <= MAX_SEED)) {
    refuse('seed', `must be an integer from 0 to ${MAX_SEED}`);
  }
  const count = body.count === undefined ? 1 : body.count;
  if (count !== null && !(count >= 1 && count <= MAX_COUNT)) {
    refuse('count', 'must be an integer of at least 1, or null for no limit');
  }
  if (body.appid === '') refuse('appid', 'must not be empty');
  return {
    endpoint: body.endpoint === undefined || body.endpoint === '*' ? '*' : endpointNamed(body.endpoint),
    appid: body.appid ?? null,
    errcode: (body.errcode as ErrCode | undefined) ?? null,
    status: body.status ?? null,
    network: body.network ?? null,
    hang_ms: body.network === 'hang' ? (body.hang_ms ?? DEFAULT_HANG_MS) : null,
    latency_ms: body.latency_ms === undefined ? null : checkedLatency(body.latency_ms),
    after_commit: body.after_commit ?? false,
    probability,
    seed: body.seed ?? randomInt(0, MAX_SEED + 1),
    count,
  };
}

function checkedLatency(latency: Latency): Latency {
  const bounds = typeof latency === 'number' ? [latency] : [latency.min, latency.max];
  if (!bounds.every((ms) => ms >= 0 && ms <= MAX_LATENCY_MS)) {
    refuse('latency_ms', `must be from 0 to ${MAX_LATENCY_MS} ms`);
  }
  if (typeof latency !== 'number' && latency.min > latency.max) refuse('latency_ms', 'min is above max');
  return latency;
}

/**
 * An interface of the catalogue by its name, its path or the path's last part (`modify_domain`, as WeChat's
 * pages name them; no two paths end alike).
 */
export function endpointNamed(text: string): string {
  const endpoint = endpointList.find(
    ({ name, path }) => name === text || path === text || path.slice(path.lastIndexOf('/') + 1) === text,
  );
  if (!endpoint) {
    refuse('endpoint', `unknown interface ${JSON.stringify(text)} (an interface name, a path or "*")`);
  }
  return endpoint.name;
}

function refuse(field: string, problem: string): never {
  throw new ControlError(400, `${field}: ${problem}`);
}
