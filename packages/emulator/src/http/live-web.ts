import type { LiveWeb } from '../core/index.js';

const FETCH_TIMEOUT_MS = 5000;

/**
 * `--verify-http`: domain verification fetches the URL for real, through `hostMap` when a local server stands
 * in for a host (docs/web.md §3).
 */
export class WebFetcher {
  constructor(private readonly hostMap: Record<string, string> = {}) {}

  /** The body `url` answers with HTTP 200, or null for any other answer or none within the timeout. */
  async fetch(url: string): Promise<string | null> {
    try {
      const response = await fetch(this.mapped(url), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      return response.status === 200 ? await response.text() : null;
    } catch {
      return null;
    }
  }

  private mapped(url: string): string {
    const parsed = new URL(url);
    const base = this.hostMap[parsed.hostname];
    return base ? `${base.replace(/\/$/, '')}${parsed.pathname}${parsed.search}` : url;
  }
}

/**
 * What one call has read of the web. A URL not fetched yet is taken to serve what is expected and noted;
 * the call is then rolled back, the noted URLs fetched outside any transaction, and the call run again with
 * the real answers. A slow host so delays only its own call.
 */
export class WebReads implements LiveWeb {
  private readonly answers = new Map<string, string | null>();
  private readonly unread = new Set<string>();

  constructor(private readonly fetcher: WebFetcher) {}

  serves(url: string, content: string): boolean {
    if (!this.answers.has(url)) {
      this.unread.add(url);
      return true;
    }
    return this.answers.get(url) === content;
  }

  /** Whether the call used a URL it has not read yet. */
  get incomplete(): boolean {
    return this.unread.size > 0;
  }

  async readUnread(): Promise<void> {
    const urls = [...this.unread];
    this.unread.clear();
    const bodies = await Promise.all(urls.map((url) => this.fetcher.fetch(url)));
    for (const [index, url] of urls.entries()) this.answers.set(url, bodies[index] ?? null);
  }
}
