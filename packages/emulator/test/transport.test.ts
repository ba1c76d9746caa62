import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/app.js';
import { type Harness, startEmulator } from './helpers.js';

let h: Harness | undefined;
let emulator: Emulator | undefined;
afterEach(async () => {
  await h?.close();
  await emulator?.close();
  h = undefined;
  emulator = undefined;
});

const MB = 1024 * 1024;

/**
 * Sends a chunked upload of `total` bytes, pausing after `pauseAfter` bytes until the server answers. Resolves
 * with the bytes written before the answer came and whether the server then closed the connection.
 */
function upload(base: string, path: string, total: number, pauseAfter: number) {
  const url = new URL(base);
  return new Promise<{ answer: string; writtenBeforeAnswer: number; closed: boolean }>((resolve, reject) => {
    const socket: Socket = connect(Number(url.port), url.hostname);
    let written = 0;
    let answer = '';
    let writtenBeforeAnswer = -1;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    socket.on('error', () => {});
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (writtenBeforeAnswer < 0) writtenBeforeAnswer = written;
    });
    socket.on('close', () => resolve({ answer, writtenBeforeAnswer, closed: true }));
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const pump = () => {
      while (written < total && !socket.destroyed) {
        if (written >= pauseAfter && writtenBeforeAnswer < 0) return setTimeout(pump, 20);
        written += chunk.length;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (!socket.write('\r\n')) return socket.once('drain', pump);
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n');
    };
    pump();
    setTimeout(
      () => reject(new Error(`no close after ${written} bytes; answer: ${answer.slice(0, 200)}`)),
      10_000,
    );
  });
}

describe('transport limits', () => {
  it('a 20 MB upload is answered and its connection closed once the 2 MB cap is passed', async () => {
    h = await startEmulator();
    const result = await upload(h.baseUrl, '/wxa/changewxasearchstatus?access_token=x', 20 * MB, 2.2 * MB);
    expect(result.writtenBeforeAnswer).toBeLessThan(3 * MB);
    expect(result.answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(result.answer.toLowerCase()).toContain('connection: close');
    expect(result.answer).toContain('"errcode":40001');
    expect(result.closed).toBe(true);
  });

  it('an oversized control-plane body answers 413 and closes too', async () => {
    h = await startEmulator();
    const result = await upload(h.baseUrl, '/_wxlocal/accounts', 20 * MB, 2.2 * MB);
    expect(result.writtenBeforeAnswer).toBeLessThan(3 * MB);
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.answer).toContain('{"error":"body too large: at most 2097152 bytes"}');
  });

  it('one client address holds at most its share of connections; a slow client is cut off', async () => {
    emulator = await createEmulator({
      memory: true,
      transport: { maxConnectionsPerClient: 5, headersTimeoutMs: 1500, requestTimeoutMs: 3000 },
    });
    const url = new URL(await emulator.listen(0, '127.0.0.1'));
    const open = (): Promise<Socket> =>
      new Promise((resolve) => {
        const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
        socket.on('error', () => {});
        socket.resume();
      });
    const closed = (socket: Socket, withinMs: number) =>
      new Promise<boolean>((resolve) => {
        if (socket.destroyed) return resolve(true);
        socket.once('close', () => resolve(true));
        setTimeout(() => resolve(false), withinMs);
      });
    const idle = await Promise.all(Array.from({ length: 5 }, open));
    const sixth = await open();
    expect(await closed(sixth, 1000)).toBe(true);
    // A connection that sends nothing is ended once the headers are overdue.
    expect(await closed(idle[4] as Socket, 3000)).toBe(true);
    // Sending headers slowly does not keep a connection either.
    const slow = await open();
    slow.write('GET /_wxlocal/health HTTP/1.1\r\n');
    expect(await closed(slow, 4000)).toBe(true);
    for (const socket of idle) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${url.origin}/_wxlocal/health`)).status).toBe(200);
  });
});
