import { Ring } from '../ring.js';
import type { RawBody } from './body.js';
import type { FaultMark } from './faults.js';

/** One data-plane call as the request log shows it. */
export interface JournalEntry {
  time: number;
  method: string;
  path: string;
  endpoint: string;
  appid: string | null;
  /** The errcode of WeChat's side: the call's own, or the one of a fault that stopped it (docs/faults.md §4). */
  errcode: number;
  rid: string;
  /** Only on a call a fault rule fired on. */
  fault?: FaultMark;
}

/** What a call carried and got: kept as they were (references), read and masked only when asked for. */
export interface JournalRecord {
  entry: JournalEntry;
  query: Record<string, string>;
  body: RawBody;
  /** The JSON answer; null for an image, which is not kept. */
  answer: object | null;
}

/** The filters of `GET /_wxlocal/requests`: exact appid, endpoint and errcode, part of the rid. */
export interface JournalFilter {
  appid?: string;
  endpoint?: string;
  errcode?: number;
  rid?: string;
}

/** The call as `GET /_wxlocal/requests/:rid` shows it. */
export interface JournalCall extends JournalEntry {
  request: { query: Record<string, string>; body: string | null };
  answer: Record<string, unknown> | null;
}

/** Bytes of a request body kept: a longer one is cut, so that the log stays bounded. */
export const KEPT_BODY_BYTES = 16 * 1024;

/** What a secret's value keeps: its first characters, so that two tokens can still be told apart. */
const SHOWN_CHARACTERS = 6;
const SECRET_NAME = /token|secret|ticket|authorization_code/i;

/** Where the journal's records are: a ring in this process, or a shared store's table (journal-table.ts). */
export interface JournalRecords {
  add(record: JournalRecord): void;
  /** The `limit` most recent records that pass the filter, newest first. */
  recent(limit: number, filter: JournalFilter): Promise<JournalRecord[]>;
  byRid(rid: string): Promise<JournalRecord | undefined>;
  clear(): Promise<void>;
  /** Makes what was added readable by every instance. */
  flush(): Promise<void>;
}

/** Bounded log of recent data-plane calls, with what each carried and got. */
export class Journal {
  constructor(private readonly records: JournalRecords) {}

  record(entry: JournalEntry, query: Record<string, string>, body: RawBody, answer: object): void {
    const kept = body.bytes && body.bytes.length > KEPT_BODY_BYTES ? cut(body.bytes) : body;
    this.records.add({ entry, query, body: kept, answer: Buffer.isBuffer(answer) ? null : answer });
  }

  /** The `limit` most recent calls that pass the filter, newest first. */
  async recent(limit: number, filter: JournalFilter = {}): Promise<JournalEntry[]> {
    return (await this.records.recent(limit, filter)).map((record) => record.entry);
  }

  /** The call with that rid, its secrets masked; undefined once it has left the log. */
  async find(rid: string): Promise<JournalCall | undefined> {
    const record = await this.records.byRid(rid);
    if (!record) return undefined;
    const bytes = record.body.size === 0 ? null : record.body.bytes;
    return {
      ...record.entry,
      request: {
        query: masked(record.query) as Record<string, string>,
        body: bytes && maskJsonText(bytes.toString('utf8')),
      },
      answer: masked(record.answer) as Record<string, unknown> | null,
    };
  }

  clear(): Promise<void> {
    return this.records.clear();
  }

  flush(): Promise<void> {
    return this.records.flush();
  }
}

/** The records of one process. */
export class RingRecords implements JournalRecords {
  private readonly ring: Ring<JournalRecord>;

  constructor(capacity: number) {
    this.ring = new Ring(capacity);
  }

  add(record: JournalRecord): void {
    this.ring.record(record);
  }

  async recent(limit: number, { appid, endpoint, errcode, rid }: JournalFilter): Promise<JournalRecord[]> {
    return this.ring.recent(
      limit,
      ({ entry }) =>
        (appid === undefined || entry.appid === appid) &&
        (endpoint === undefined || entry.endpoint === endpoint) &&
        (errcode === undefined || entry.errcode === errcode) &&
        (rid === undefined || entry.rid.includes(rid)),
    );
  }

  async byRid(rid: string): Promise<JournalRecord | undefined> {
    return this.ring.recent(1, ({ entry }) => entry.rid === rid)[0];
  }

  async clear(): Promise<void> {
    this.ring.clear();
  }

  async flush(): Promise<void> {}
}

/** The first KEPT_BODY_BYTES of a body, copied: a slice would keep the whole buffer alive. */
function cut(bytes: Buffer): RawBody {
  return { bytes: Buffer.from(bytes.subarray(0, KEPT_BODY_BYTES)), size: KEPT_BODY_BYTES };
}

function mask(value: string): string {
  return `${value.slice(0, SHOWN_CHARACTERS)}…`;
}

/** A copy of a JSON value with the string and number values of secret-named fields masked, at any depth. */
function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    const secret = SECRET_NAME.test(name) && (typeof field === 'string' || typeof field === 'number');
    out[name] = secret ? mask(String(field)) : masked(field);
  }
  return out;
}

/**
 * A JSON string token (its end optional: a cut body may end inside one), then, when it is a field's name, the
 * field's string or number value.
 */
const JSON_FIELD =
  /("(?:[^"\\]|\\[\s\S])*(?:"|$))(?:(\s*:\s*)("(?:[^"\\]|\\[\s\S])*(?:"|$)|-?\d[\d.eE+-]*))?/g;

/**
 * A request body as sent, but the values of secret-named fields masked. It is masked as text, not parsed and
 * written again, so that it shows exactly what the caller sent, even when it is not JSON or was cut.
 */
function maskJsonText(text: string): string {
  return text.replace(JSON_FIELD, (token, name: string, colon?: string, value?: string) => {
    if (value === undefined || !SECRET_NAME.test(decoded(name))) return token;
    const plain = value.startsWith('"') ? decoded(value) : value;
    return `${name}${colon}${JSON.stringify(mask(plain))}`;
  });
}

/** The text of a JSON string token; as written, less its quotes, when it does not parse (a cut one). */
function decoded(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.replace(/^"|"$/g, '');
  }
}
