import type { LiveWeb } from '../../core/index.js';

const FETCH_TIMEOUT_MS = 5000;

/**
 * `--verify-http`: domain verification fetches the URL for real, through `hostMap` when a local server stands
 * in for a host (docs/web.md §3).
 */
export function liveWeb(hostMap: Record<string, string> = {}): LiveWeb {
  const mapped = (url: string) => {
    const parsed = new URL(url);
    const base = hostMap[parsed.hostname];
    return base ? `${base.replace(/\/$/, '')}${parsed.pathname}${parsed.search}` : url;
  };
  return {
    async served(url) {
      try {
        const response = await fetch(mapped(url), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        return response.status === 200 ? await response.text() : null;
      } catch {
        return null;
      }
    },
  };
}
