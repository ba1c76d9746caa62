import type { Static, TSchema } from '@sinclair/typebox';
import type { Scope } from './effects.js';

/** A control-plane refusal: HTTP `status` with `{"error": message}`. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 409 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** What a control-plane route gets: its transaction, the emulated time and the request, never HTTP details. */
export interface ControlRequest<B = unknown> extends Scope {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The JSON body, checked against the route's schema. */
  body: B;
}

interface RouteShape<B> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under `/_wxlocal`, e.g. `/accounts/:appid/release`. */
  path: string;
  /** The HTTP status of a success; 200 unless said. */
  status?: 200 | 201;
  handle(request: ControlRequest<B>): Promise<unknown>;
}

/** A route of the control plane; each runs in one transaction, its pushes after the commit. */
export interface ControlRoute extends RouteShape<unknown> {
  /** The JSON body it takes; one that does not match is a 400 naming the first problem. */
  body?: TSchema;
}

/** Declares a route; with a `body` schema, the handler receives the body typed by it. */
export function controlRoute<S extends TSchema>(route: RouteShape<Static<S>> & { body: S }): ControlRoute;
export function controlRoute(route: RouteShape<unknown>): ControlRoute;
export function controlRoute(route: ControlRoute): ControlRoute {
  return route;
}
