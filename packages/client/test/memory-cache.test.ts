import { describe } from 'vitest';
import { MemoryCache } from '../src/index.js';
import { cacheContract } from './cache-contract.js';

describe('MemoryCache', () => {
  const cache = new MemoryCache();
  cacheContract(() => cache);
});
