import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';

/** Limits that keep one client from holding the server (README "Security"). */
export interface TransportLimits {
  /** Time to receive a request's headers (slow clients are cut off). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request. */
  requestTimeoutMs?: number;
  /** Time an idle keep-alive connection stays open. */
  keepAliveTimeoutMs?: number;
  /** Connections one client address may hold at once; more are closed as they arrive. */
  maxConnectionsPerClient?: number;
}

export const TRANSPORT_DEFAULTS: Required<TransportLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerClient: 256,
};

/** Serves a request itself and answers true, or leaves it to Fastify. */
export type FirstListener = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * The node:http server under Fastify, with the limits applied; timeouts are checked every second. `first`
 * sees each request before Fastify does.
 */
export function limitedServer(limits: TransportLimits = {}, first: FirstListener = () => false) {
  const settings = { ...TRANSPORT_DEFAULTS, ...limits };
  return (handler: RequestListener): Server => {
    const server = createServer(
      {
        headersTimeout: settings.headersTimeoutMs,
        requestTimeout: settings.requestTimeoutMs,
        keepAliveTimeout: settings.keepAliveTimeoutMs,
        connectionsCheckingInterval: 1000,
      },
      (request, response) => {
        if (!first(request, response)) handler(request, response);
      },
    );
    limitPerClient(server, settings.maxConnectionsPerClient);
    // node:http times out slow headers, not a connection that sends nothing at all: that one goes here.
    server.on('connection', (socket) => {
      const silent = setTimeout(() => socket.bytesRead === 0 && socket.destroy(), settings.headersTimeoutMs);
      silent.unref();
      socket.once('close', () => clearTimeout(silent));
    });
    return server;
  };
}

function limitPerClient(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
