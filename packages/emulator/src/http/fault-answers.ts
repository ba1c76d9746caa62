import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { EndpointDef } from '@wxlocal/api';
import type { FaultEffect } from './faults.js';
import { wechatAnswer, writeBytes } from './respond.js';

/** An effect sent on the wire instead of a WeChat envelope: a gateway's status, a reset, a cut body, a hang. */
export type WireFault = Exclude<FaultEffect, { errcode: unknown }>;

/** Calls a fault holds (a latency, a hang), each on a timer: let go at once when the emulator closes. */
export class HeldCalls {
  private readonly releases = new Set<() => void>();

  /** Resolves after `ms`, or as soon as the emulator closes. */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => this.hold(ms, resolve));
  }

  /** Keeps the connection open without a byte of answer for `ms`, then closes it. */
  hang(socket: Socket, ms: number): void {
    const release = this.hold(ms, () => socket.destroy());
    socket.once('close', release);
  }

  releaseAll(): void {
    for (const release of [...this.releases]) release();
  }

  private hold(ms: number, then: () => void): () => void {
    const release = () => {
      if (!this.releases.delete(release)) return;
      clearTimeout(timer);
      then();
    };
    const timer = setTimeout(release, ms);
    this.releases.add(release);
    return release;
  }
}

/**
 * Sends `fault` instead of the answer `body` (docs/faults.md §3): a gateway's short text page, a connection
 * reset without a byte, HTTP 200 with the JSON cut in the middle (its length matching the cut), or nothing until
 * the hang ends. `close`: the connection goes once the answer is out, as in writeWeChat.
 */
export function writeFault(
  response: ServerResponse,
  endpoint: EndpointDef,
  fault: WireFault,
  body: object,
  close: boolean,
  held: HeldCalls,
): void {
  if ('status' in fault) {
    const text = Buffer.from(`${fault.status} ${STATUS_CODES[fault.status] ?? 'Server Error'}`);
    writeBytes(response, fault.status, { 'content-type': 'text/plain; charset=utf-8' }, text, close);
    return;
  }
  const { socket } = response;
  // The caller has gone already: there is no one to fail.
  if (!socket) return;
  if (fault.network === 'reset') {
    reset(socket);
  } else if (fault.network === 'hang') {
    held.hang(socket, fault.hangMs);
  } else {
    const { headers, bytes } = wechatAnswer(endpoint, body);
    writeBytes(response, 200, headers, bytes.subarray(0, Math.max(1, bytes.length >> 1)), close);
  }
}

/** Closes the connection with a TCP RST, as a dropped link or a crashed gateway does. */
function reset(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    // Not a TCP socket (a pipe): it can only be closed.
    socket.destroy();
  }
}
