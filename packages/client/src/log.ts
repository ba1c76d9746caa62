/** What the client tells an optional logger. Tokens, tickets and secrets never appear in it. */
export type LogEvent =
  | {
      type: 'request';
      endpoint: string;
      /** 0 on success. */
      errcode: number;
      rid?: string;
      ms: number;
      /** 0 for the first try; more on retries. */
      attempt: number;
    }
  | {
      /** A failed attempt is tried again after `delayMs`; `attempt` is the number of the next one. */
      type: 'retry';
      endpoint: string;
      attempt: number;
      delayMs: number;
      /** `errcode -1`, `HTTP 502`, `timeout`, `network`. */
      reason: string;
    }
  | {
      /** A push handler (or the cache) failed; the push was answered `success` all the same. */
      type: 'push';
      action: 'failed';
      infoType: string;
      error: unknown;
    }
  | {
      type: 'token';
      action: 'fetched' | 'expired';
      kind: TokenKindName;
      appid: string;
    };

export type TokenKindName = 'component_access_token' | 'authorizer_access_token' | 'access_token';

export type Logger = (event: LogEvent) => void;
