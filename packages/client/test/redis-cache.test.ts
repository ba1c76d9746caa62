import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisCache } from '../src/index.js';
import { cacheContract } from './cache-contract.js';
import {
  callCounts,
  clientOf,
  createPlatform,
  type Harness,
  type Platform,
  startEmulator,
} from './helpers.js';

const installed = spawnSync('redis-server', ['--version']).status === 0;
const skip = !installed && !process.env.CI;
if (skip)
  console.warn(
    'redis-server is not installed: the Redis cache tests are skipped (apt-get install redis-server)',
  );

let server: ChildProcess | undefined;
let port = 0;
const connections: Redis[] = [];

/** A connection of its own, as another process would have. */
function connect(): Redis {
  const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 3 });
  connections.push(redis);
  return redis;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Starts redis-server on a free port, without persistence, and waits until it accepts connections. */
async function startRedis(): Promise<void> {
  port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  server = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.resume();
        resolve();
      }
    });
    child.on('error', (error) => reject(new Error(`cannot start redis-server: ${error.message}`)));
    child.on('exit', (code) => reject(new Error(`redis-server exited with code ${code}: ${output}`)));
  });
}

describe.skipIf(skip)('RedisCache', () => {
  let redis: Redis;
  beforeAll(async () => {
    await startRedis();
    redis = connect();
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.quit()));
    server?.kill();
  });
  beforeEach(() => redis.flushall());

  describe('contract', () => {
    const cache = () => new RedisCache(redis);
    cacheContract(cache);
  });

  describe('against the emulator', () => {
    let h: Harness;
    let p: Platform;
    beforeEach(async () => {
      h = await startEmulator();
      p = await createPlatform(h);
    });
    afterEach(() => h.close());

    it('100 concurrent calls on a cold cache fetch one component token and one authorizer token', async () => {
      const client = await clientOf(h, p, { cache: new RedisCache(connect()) });
      const mp = client.authorizer(p.miniProgram.appid);
      await Promise.all(Array.from({ length: 100 }, () => mp.getSearchStatus()));
      expect(await callCounts(h)).toEqual({
        getComponentAccessToken: 1,
        getAuthorizerAccessToken: 1,
        getSearchStatus: 100,
      });
    });

    it('two clients on their own connections share the tokens through the lock', async () => {
      const clients = [
        await clientOf(h, p, { cache: new RedisCache(connect()) }),
        await clientOf(h, p, { cache: new RedisCache(connect()) }),
      ];
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          clients[i % 2]?.authorizer(p.miniProgram.appid).getSearchStatus(),
        ),
      );
      expect(await callCounts(h)).toEqual({
        getComponentAccessToken: 1,
        getAuthorizerAccessToken: 1,
        getSearchStatus: 100,
      });
      expect(await redis.keys('wxlocal:*')).toEqual(
        expect.arrayContaining([
          `wxlocal:component_token:${p.component.appid}`,
          `wxlocal:authorizer_token:${p.component.appid}:${p.miniProgram.appid}`,
        ]),
      );
    });
  });
});
