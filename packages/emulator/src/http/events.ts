import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { EmulatorEvent, Events } from '../events.js';

/** Subscribers at once: one more is refused with 503. */
const MAX_SUBSCRIBERS = 32;
/** Bytes not yet sent to a subscriber past which it is disconnected: a slow reader never holds the server. */
const MAX_UNSENT_BYTES = 256 * 1024;
/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
const PING_MS = 15_000;

/**
 * `GET /_wxlocal/events`: the emulator's events as Server-Sent Events (README "Control plane"). It listens to
 * the hub only while someone is subscribed, and writes each event once, as text, to every subscriber.
 */
export function registerEventStream(app: FastifyInstance, events: Events, path: string): void {
  const subscribers = new Set<ServerResponse>();
  let stopListening: (() => void) | undefined;
  const broadcast = (event: EmulatorEvent) => {
    const text = `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
    for (const response of subscribers) send(response, text);
  };

  // No HEAD: it would hold a subscriber that is never sent anything.
  app.get(path, { exposeHeadRoute: false }, (_request, reply) => {
    if (subscribers.size >= MAX_SUBSCRIBERS) {
      return reply.code(503).send({ error: 'too many event subscribers' });
    }
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    response.flushHeaders();
    subscribers.add(response);
    stopListening ??= events.subscribe(broadcast);
    const ping = setInterval(() => send(response, ': ping\n\n'), PING_MS);
    ping.unref();
    response.once('close', () => {
      clearInterval(ping);
      subscribers.delete(response);
      if (subscribers.size > 0) return;
      stopListening?.();
      stopListening = undefined;
    });
  });

  // A stream never ends by itself: the server could not close while one is open.
  app.addHook('preClose', (done) => {
    for (const response of subscribers) response.destroy();
    done();
  });
}

/** Writes to one subscriber; one that has fallen too far behind is dropped (it reconnects). */
function send(response: ServerResponse, text: string): void {
  response.write(text);
  const unsent = response.writableLength + (response.socket?.writableLength ?? 0);
  if (unsent > MAX_UNSENT_BYTES) response.destroy();
}
