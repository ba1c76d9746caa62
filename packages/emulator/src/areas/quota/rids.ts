import type { AnsweredCall, ErrorAnswer } from '../../core/index.js';
import type { Db, RidRow, Store } from '../../store/index.js';
import { findAccount, findPlatform } from '../accounts/store.js';
import { tokenHolder } from '../tokens/index.js';
import { findRid, insertRid, pruneRidRows } from './store.js';

/**
 * The rid store (docs/quota.md §4): every error answer, with what rid/get returns and whose call it was, kept
 * 7 emulated days and at most `RID_ROWS` rows; bodies are cut at `RID_BODY_CHARS`.
 */
export const RID_KEPT_MS = 7 * 24 * 3600 * 1000;
export const RID_ROWS = 100_000;
export const RID_BODY_CHARS = 64 * 1024;

/** How long an error answer waits in this process before it is written, with those that came meanwhile. */
const WRITE_AFTER_MS = 100;

interface Waiting {
  answer: ErrorAnswer;
  call: AnsweredCall;
}

/**
 * The error answers of this process, written to the store in batches a moment after they were sent: a storm
 * of refusals (44990, 45009) costs one transaction per batch, not one per call. rid/get finds an answer
 * still waiting here too. A killed process loses the answers of its last moment (docs/quota.md §4).
 */
export class RidStore {
  private waiting = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store) {}

  keep(answer: ErrorAnswer, call: AnsweredCall): void {
    this.waiting.set(answer.rid, { answer, call });
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush().catch(() => {}), WRITE_AFTER_MS);
    this.timer.unref();
  }

  /** The answer kept under `rid`, waiting or stored. */
  async find(db: Db, rid: string): Promise<RidRow | undefined> {
    const waiting = this.waiting.get(rid);
    return waiting ? ridRow(db, waiting) : findRid(db, rid);
  }

  /** Writes what waits, after any write under way; answers stay findable here until they are stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.waiting.values()];
    const written = this.writing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    this.writing = written.catch(() => {});
    return written;
  }

  /** Drops what waits: the store's answers were emptied (a reset). */
  forget(): void {
    this.waiting.clear();
  }

  private async write(batch: Waiting[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      for (const waiting of batch) await insertRid(tx, await ridRow(tx, waiting));
    });
    for (const { answer } of batch) this.waiting.delete(answer.rid);
  }
}

/** An answer as stored: whose it was, its bodies cut to size (and without NUL, which PostgreSQL refuses). */
async function ridRow(db: Db, { answer, call }: Waiting): Promise<RidRow> {
  const text = (value: string) => value.slice(0, RID_BODY_CHARS).replaceAll('\0', '');
  return {
    rid: answer.rid,
    owner: await ownerOf(db, call),
    invoke_time: answer.invokeTime,
    cost_in_ms: answer.costMs,
    request_url: text(answer.requestUrl),
    request_body: text(answer.requestBody),
    response_body: text(answer.responseBody),
    client_ip: answer.clientIp,
  };
}

/**
 * Whose call it was: the holder of its token, or the account a tokenless call names; nobody when neither
 * is known (an unknown token or appid).
 */
async function ownerOf(db: Db, { endpoint, query, fields }: AnsweredCall): Promise<string | null> {
  if (endpoint.token !== 'none') return tokenHolder(db, endpoint, query);
  const named = { ...fields, ...query };
  const appid = endpoint.path.startsWith('/cgi-bin/component/') ? named.component_appid : named.appid;
  if (typeof appid !== 'string' || appid === '') return null;
  const known = (await findPlatform(db, appid)) ?? (await findAccount(db, appid));
  return known ? appid : null;
}

/** Drops up to `limit` rids older than 7 days or beyond the newest `RID_ROWS`; how many went. */
export function pruneRids(db: Db, now: number, limit: number): Promise<number> {
  return pruneRidRows(db, Math.floor((now - RID_KEPT_MS) / 1000), RID_ROWS, limit);
}
