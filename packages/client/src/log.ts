/** What the client tells an optional logger. Tokens, tickets and secrets never appear in it. */
export type LogEvent =
  | {
      type: 'request';
      endpoint: string;
      /** 0 on success. */
      errcode: number;
      rid?: string;
      ms: number;
      /** 0 for the first try; more after errcode -1. */
      attempt: number;
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
