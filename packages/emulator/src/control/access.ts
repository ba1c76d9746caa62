import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_PATH } from '../http/console.js';

export const CONTROL_PREFIX = '/_wxlocal';

/**
 * Who may drive the control plane (README "Security"). Bound to loopback it is open to local programs;
 * bound to anything else it needs the admin token. Always: only its literal path reaches it, a browser page
 * of another origin cannot drive it, and a Host that is not ours is refused (DNS rebinding).
 */
export class ControlAccess {
  private host = '127.0.0.1';
  private tokenRequired = false;

  constructor(private token: string | undefined) {}

  /** Called when the server binds: a non-loopback address requires a token, generated if none was given. */
  bind(host: string): void {
    this.host = host.toLowerCase();
    this.tokenRequired = !isLoopback(this.host);
    if (this.tokenRequired) this.token ??= randomBytes(24).toString('base64url');
  }

  /** The token callers must send, when one is required. */
  get adminToken(): string | undefined {
    return this.tokenRequired ? this.token : undefined;
  }

  register(app: FastifyInstance): void {
    // A callback hook, not an async one: the data plane's calls pass through it without a promise.
    app.addHook('onRequest', (request, reply, done) => {
      const refusal = isControlRoute(request.routeOptions.url ?? '') ? this.refusal(request) : undefined;
      if (refusal) deny(reply, refusal);
      else done();
    });
  }

  private refusal(request: FastifyRequest): Refusal | undefined {
    const rawPath = (request.raw.url ?? '').split('?')[0] ?? '';
    const literal = rawPath === CONTROL_PREFIX || rawPath.startsWith(`${CONTROL_PREFIX}/`);
    if (rawPath.includes('%') || !literal) return NOT_FOUND;
    if (this.tokenRequired && !this.authorized(request.headers.authorization)) return UNAUTHORIZED;
    const host = request.headers.host ?? '';
    if (!this.tokenRequired && !this.knownHost(host)) return FOREIGN_HOST;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return CROSS_ORIGIN;
    if (request.method !== 'GET' && !jsonOrNone(request.headers['content-type'])) return NOT_JSON;
    return undefined;
  }

  private authorized(header: string | undefined): boolean {
    const sent = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '');
    const expected = Buffer.from(this.token ?? '');
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  }

  private knownHost(hostHeader: string): boolean {
    const name = hostHeader.replace(/:\d+$/, '').toLowerCase();
    return isLoopback(name) || name === this.host || name === `[${this.host}]`;
  }
}

/** Routes under the prefix but the console's, whose files hold nothing (its calls to the API are checked). */
function isControlRoute(route: string): boolean {
  const consoleFiles = route === CONSOLE_PATH.slice(0, -1) || route.startsWith(CONSOLE_PATH);
  return route.startsWith(CONTROL_PREFIX) && !consoleFiles;
}

interface Refusal {
  status: number;
  error: string;
}

const NOT_FOUND = { status: 404, error: 'not found' };
const UNAUTHORIZED = {
  status: 401,
  error: 'the control plane needs Authorization: Bearer <admin token> (printed at start, or --admin-token)',
};
const FOREIGN_HOST = { status: 403, error: 'the Host header names another server' };
const CROSS_ORIGIN = { status: 403, error: 'requests from another origin may not drive the control plane' };
const NOT_JSON = { status: 415, error: 'control-plane writes take Content-Type: application/json' };

function deny(reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (refusal === UNAUTHORIZED) reply.header('www-authenticate', 'Bearer');
  return reply.code(refusal.status).send({ error: refusal.error });
}

/** A write carries JSON or nothing: a browser's form or text/plain post always names its own type. */
function jsonOrNone(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  return /^application\/json\s*(;|$)/i.test(contentType.trim());
}

export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1');
  return (
    name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name)
  );
}
