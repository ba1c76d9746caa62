import { type Harness, startEmulator } from '../../emulator/test/helpers.js';
import { type ClientOptions, createClient, type WeChatClient } from '../src/index.js';

export type { Harness };
export { startEmulator };

export interface Account {
  appid: string;
  secret: string;
}

/** A published platform with a Mini Program (sets 18) and a verified service account (1, 3, 33) authorized. */
export interface Platform {
  component: Account & { verify_ticket: string };
  miniProgram: Account & { refreshToken: string };
  officialAccount: Account & { refreshToken: string };
}

export async function createPlatform(
  h: Harness,
  platformFields: Record<string, unknown> = {},
): Promise<Platform> {
  const component = (await h.post('/_wxlocal/platforms', { published: true, ...platformFields })).json;
  const miniProgram = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
  const officialAccount = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json;
  const authorize = async (authorizer_appid: string, func_info: number[]) =>
    (
      await h.post('/_wxlocal/authorizations', {
        component_appid: component.appid,
        authorizer_appid,
        func_info,
      })
    ).json.authorizer_refresh_token as string;
  return {
    component,
    miniProgram: { ...miniProgram, refreshToken: await authorize(miniProgram.appid, [18]) },
    officialAccount: { ...officialAccount, refreshToken: await authorize(officialAccount.appid, [1, 3, 33]) },
  };
}

/** A client of the platform pointed at the emulator; without `cold`, it knows the ticket and refresh tokens. */
export async function clientOf(
  h: Harness,
  platform: Platform,
  options: Partial<ClientOptions> & { cold?: boolean } = {},
): Promise<WeChatClient> {
  const { cold, ...rest } = options;
  const client = createClient({
    componentAppid: platform.component.appid,
    componentSecret: platform.component.secret,
    baseUrl: h.baseUrl,
    ...rest,
  });
  if (!cold) await storeCredentials(client, platform);
  return client;
}

export async function storeCredentials(client: WeChatClient, platform: Platform): Promise<void> {
  await client.tokens.setVerifyTicket(platform.component.verify_ticket);
  await client.tokens.setRefreshToken(platform.miniProgram.appid, platform.miniProgram.refreshToken);
  await client.tokens.setRefreshToken(platform.officialAccount.appid, platform.officialAccount.refreshToken);
}

export interface JournalEntry {
  method: string;
  path: string;
  endpoint: string;
  appid: string | null;
  errcode: number;
  rid: string;
  /** The fault rule that fired on the call, and what the caller got. */
  fault?: {
    id: string;
    after_commit: boolean;
    latency_ms?: number;
    errcode?: number;
    status?: number;
    network?: 'reset' | 'malformed' | 'hang';
  };
}

/** The emulator's request journal, oldest first. */
export async function journal(h: Harness): Promise<JournalEntry[]> {
  return ((await h.get('/_wxlocal/requests?limit=1000')).json.requests as JournalEntry[]).reverse();
}

/** How many calls each endpoint got. */
export async function callCounts(h: Harness): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entry of await journal(h)) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
  return counts;
}

export async function advanceClock(h: Harness, seconds: number): Promise<void> {
  await h.post('/_wxlocal/clock', { advance: seconds });
}
