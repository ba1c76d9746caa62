import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClock, type Harness, startEmulator } from './helpers.js';

/** The authorizer list and the authorizer options (docs/quota.md §5). */

const OK = { errcode: 0, errmsg: 'ok' };

/** A WeChat error body: the code, and its text followed by the call's rid. */
function wxErr(errcode: number, base: string) {
  const text = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    errcode,
    errmsg: expect.stringMatching(new RegExp(`^${text} rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$`)),
  };
}

const E41018 = wxErr(41018, 'missing component_appid');
const E40013 = wxErr(40013, 'invalid appid');
const E48001 = wxErr(48001, 'api unauthorized');
const E61003 = wxErr(61003, 'component is not authorized by this account');
const E61007 = wxErr(61007, 'api is unauthorized to component');
const E61012 = wxErr(61012, 'invalid option name');
const E61013 = wxErr(61013, 'invalid option value');

interface Component {
  appid: string;
  token: string;
}

interface Granted {
  authorization_code: string;
  authorizer_access_token: string;
  authorizer_refresh_token: string;
}

async function newComponent(h: Harness): Promise<Component> {
  const platform = (await h.post('/_wxlocal/platforms', { published: true })).json;
  const issued = await h.post('/cgi-bin/component/api_component_token', {
    component_appid: platform.appid,
    component_appsecret: platform.secret,
    component_verify_ticket: platform.verify_ticket,
  });
  return { appid: platform.appid, token: issued.json.component_access_token };
}

async function newAccount(h: Harness, type = 'official_account'): Promise<string> {
  return (await h.post('/_wxlocal/accounts', { type })).json.appid;
}

async function authorize(h: Harness, c: Component, appid: string, sets: number[]): Promise<Granted> {
  const granted = await h.post('/_wxlocal/authorizations', {
    component_appid: c.appid,
    authorizer_appid: appid,
    func_info: sets,
  });
  expect(granted.status).toBe(201);
  return granted.json;
}

async function revoke(h: Harness, c: Component, appid: string): Promise<void> {
  expect((await h.call('DELETE', `/_wxlocal/authorizations/${c.appid}/${appid}`)).status).toBe(200);
}

/** The component redeems an authorization code with api_query_auth. */
async function redeem(h: Harness, c: Component, code: string): Promise<void> {
  const answer = await h.post(`/cgi-bin/component/api_query_auth?component_access_token=${c.token}`, {
    component_appid: c.appid,
    authorization_code: code,
  });
  expect(Object.keys(answer.json)).toEqual(['authorization_info']);
}

describe('api_get_authorizer_list', () => {
  const T = 1_900_000_000;
  let h: Harness;
  let c: Component;
  /** Authorized in the same second (appid order), then one a minute later, then another. */
  let tied: string[];
  let later: string;
  let latest: string;
  const grants = new Map<string, Granted>();

  const list = (body: Record<string, unknown>, token = c.token) =>
    h.post(`/cgi-bin/component/api_get_authorizer_list?component_access_token=${token}`, {
      component_appid: c.appid,
      ...body,
    });
  const item = (appid: string, authTime: number, refreshToken?: string) => ({
    authorizer_appid: appid,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    auth_time: authTime,
  });

  async function authorizeNow(appid: string, sets: number[]): Promise<Granted> {
    const granted = await authorize(h, c, appid, sets);
    grants.set(appid, granted);
    return granted;
  }

  /** Authorizes at `time` exactly: the clock is set just before, so a slow run cannot spill into the next second. */
  async function authorizeAt(time: number, appid: string, sets: number[]): Promise<Granted> {
    await h.post('/_wxlocal/clock', { set: time });
    return authorizeNow(appid, sets);
  }

  beforeAll(async () => {
    h = await startEmulator();
    // The clock first: the component token is issued in emulated time.
    await h.post('/_wxlocal/clock', { set: T - 10 });
    c = await newComponent(h);
    const accounts = [];
    for (let i = 0; i < 5; i++)
      accounts.push(await newAccount(h, i % 2 ? 'miniprogram' : 'official_account'));
    tied = accounts.slice(0, 3).sort();
    // Within one second, in reverse appid order: the second ties them, the appid orders them.
    const [last, middle, first] = [...tied].reverse() as [string, string, string];
    await authorizeAt(T, last, [1]);
    await advanceClock(h, 0.3);
    await authorizeNow(middle, [1]);
    await advanceClock(h, 0.3);
    await authorizeNow(first, [1]);
    [later, latest] = accounts.slice(3) as [string, string];
    await authorizeAt(T + 60, later, [2]);
    await authorizeAt(T + 120, latest, [6]);
    // Another component's authorization is not this one's.
    await authorize(h, await newComponent(h), await newAccount(h), [1]);
  });
  afterAll(() => h.close());

  const everyone = () => [...tied.map((appid) => item(appid, T)), item(later, T + 60), item(latest, T + 120)];

  it('lists the authorizers by auth time, then appid, without refresh tokens never redeemed', async () => {
    const all = await list({ offset: 0, count: 10 });
    expect(all.status).toBe(200);
    expect(all.json).toEqual({ total_count: 5, list: everyone() });
    expect(Object.keys(all.json)).toEqual(['total_count', 'list']);
  });

  it('pages with offset and count', async () => {
    expect((await list({ offset: 1, count: 2 })).json).toEqual({
      total_count: 5,
      list: everyone().slice(1, 3),
    });
    expect((await list({ offset: 4, count: 2 })).json).toEqual({ total_count: 5, list: everyone().slice(4) });
    expect((await list({ offset: '3', count: '1' })).json).toEqual({
      total_count: 5,
      list: everyone().slice(3, 4),
    });
  });

  it('gives an empty page for a count of 0 or less and for an offset past the end', async () => {
    for (const body of [
      { offset: 0, count: 0 },
      { offset: 0, count: -3 },
      { offset: 5, count: 10 },
      { offset: 50, count: 10 },
      {},
    ]) {
      expect((await list(body)).json, JSON.stringify(body)).toEqual({ total_count: 5, list: [] });
    }
  });

  it('reads a negative offset as 0', async () => {
    expect((await list({ offset: -2, count: 2 })).json).toEqual({
      total_count: 5,
      list: everyone().slice(0, 2),
    });
  });

  it('shows the refresh token once api_query_auth redeemed the code, until the account authorizes again', async () => {
    const appid = tied[1] as string;
    const first = grants.get(appid) as Granted;
    await redeem(h, c, first.authorization_code);
    const redeemed = await list({ offset: 0, count: 10 });
    const expected = everyone();
    expected[1] = item(appid, T, first.authorizer_refresh_token);
    expect(redeemed.json).toEqual({ total_count: 5, list: expected });
    expect(Object.keys(redeemed.json.list[1])).toEqual(['authorizer_appid', 'refresh_token', 'auth_time']);

    // Authorizing again: a new code and refresh token, a new auth time; the list waits for the new redemption.
    const now = T + 180;
    const again = await authorizeAt(now, appid, [1, 2]);
    const reordered = everyone().filter((_, index) => index !== 1);
    expect((await list({ offset: 0, count: 10 })).json).toEqual({
      total_count: 5,
      list: [...reordered, item(appid, now)],
    });
    await redeem(h, c, again.authorization_code);
    expect((await list({ offset: 4, count: 1 })).json).toEqual({
      total_count: 5,
      list: [item(appid, now, again.authorizer_refresh_token)],
    });
    expect(again.authorizer_refresh_token).not.toBe(first.authorizer_refresh_token);
  });

  it('leaves revoked authorizations out', async () => {
    await revoke(h, c, later);
    const page = (await list({ offset: 0, count: 10 })).json;
    expect(page.total_count).toBe(4);
    expect(page.list.map((entry: { authorizer_appid: string }) => entry.authorizer_appid)).not.toContain(
      later,
    );
    await authorize(h, c, later, [2]);
    expect((await list({ offset: 0, count: 10 })).json.total_count).toBe(5);
  });

  it('checks component_appid: 41018 missing, 40013 not the token holder', async () => {
    expect((await list({ component_appid: '' })).json).toEqual(E41018);
    expect(
      (await h.post(`/cgi-bin/component/api_get_authorizer_list?access_token=${c.token}`, {})).json,
    ).toEqual(E41018);
    expect((await list({ component_appid: tied[0] })).json).toEqual(E40013);
    expect((await list({ component_appid: 'wx0000000000000000' })).json).toEqual(E40013);
  });

  it('takes no authorizer token', async () => {
    const token = (grants.get(latest) as Granted).authorizer_access_token;
    expect((await list({ offset: 0, count: 1 }, token)).json).toEqual(E48001);
  });
});

describe('api_get_authorizer_list with more than 500 authorizers', () => {
  let h: Harness;
  let c: Component;
  beforeAll(async () => {
    h = await startEmulator();
    c = await newComponent(h);
    // In batches, to keep the number of open connections small.
    for (let batch = 0; batch < 501; batch += 50) {
      const size = Math.min(50, 501 - batch);
      const appids = await Promise.all(Array.from({ length: size }, () => newAccount(h)));
      await Promise.all(appids.map((appid) => authorize(h, c, appid, [1])));
    }
  }, 60_000);
  afterAll(() => h.close());

  it('answers at most 500 a page', async () => {
    const url = `/cgi-bin/component/api_get_authorizer_list?component_access_token=${c.token}`;
    const all = (await h.post(url, { component_appid: c.appid, offset: 0, count: 1000 })).json;
    expect(all.total_count).toBe(501);
    expect(all.list).toHaveLength(500);
    const rest = (await h.post(url, { component_appid: c.appid, offset: 500, count: 501 })).json;
    expect(rest.total_count).toBe(501);
    expect(rest.list).toHaveLength(1);
    const seen = new Set([...all.list, ...rest.list].map((entry) => entry.authorizer_appid));
    expect(seen.size).toBe(501);
  });
});

describe('authorizer options', () => {
  const OPTIONS = [
    ['location_report', '2'],
    ['voice_recognize', '1'],
    ['customer_service', '1'],
  ] as const;
  const ALL_SETS = [1, 2, 6];
  /** The set each option needs, and another account's grant holding every set but that one. */
  const NEEDS: Record<string, number> = { location_report: 2, voice_recognize: 1, customer_service: 6 };

  let h: Harness;
  let c: Component;
  let other: Component;

  beforeAll(async () => {
    h = await startEmulator();
    c = await newComponent(h);
    other = await newComponent(h);
  });
  afterAll(() => h.close());

  /** An account authorized to the component with `sets`, and its authorizer token. */
  async function authorized(sets: number[] = ALL_SETS, type = 'official_account') {
    const appid = await newAccount(h, type);
    const granted = await authorize(h, c, appid, sets);
    return { appid, token: granted.authorizer_access_token };
  }

  const oldPath = (op: 'get' | 'set', token: string, parameter = 'component_access_token') =>
    `/cgi-bin/component/api_${op}_authorizer_option?${parameter}=${token}`;
  const newPath = (op: 'get' | 'set', token: string) =>
    `/cgi-bin/component/${op}_authorizer_option?access_token=${token}`;

  /** The old paths with the component token, the authorizer named in the body. */
  const byComponent = {
    get: (appid: string, option_name: unknown, body: Record<string, unknown> = {}) =>
      h.post(oldPath('get', c.token), {
        component_appid: c.appid,
        authorizer_appid: appid,
        option_name,
        ...body,
      }),
    set: (appid: string, option_name: unknown, option_value: unknown, body: Record<string, unknown> = {}) =>
      h.post(oldPath('set', c.token), {
        component_appid: c.appid,
        authorizer_appid: appid,
        option_name,
        option_value,
        ...body,
      }),
  };
  /** The old paths with an authorizer token and the new body. */
  const oldByAuthorizer = {
    get: (token: string, option_name: unknown, body: Record<string, unknown> = {}) =>
      h.post(oldPath('get', token, 'access_token'), { option_name, ...body }),
    set: (token: string, option_name: unknown, option_value: unknown, body: Record<string, unknown> = {}) =>
      h.post(oldPath('set', token, 'access_token'), { option_name, option_value, ...body }),
  };
  /** The new paths (authorizer token). */
  const byAuthorizer = {
    get: (token: string, option_name: unknown) => h.post(newPath('get', token), { option_name }),
    set: (token: string, option_name: unknown, option_value: unknown) =>
      h.post(newPath('set', token), { option_name, option_value }),
  };

  const valueSeenByComponent = async (appid: string, name: string) =>
    (await byComponent.get(appid, name)).json.option_value;

  it('sets and reads every option on the old paths with the component token', async () => {
    const { appid } = await authorized();
    for (const [name, value] of OPTIONS) {
      const before = await byComponent.get(appid, name);
      expect(before.status).toBe(200);
      expect(before.text).toBe(
        JSON.stringify({ authorizer_appid: appid, option_name: name, option_value: '0' }),
      );
      const set = await byComponent.set(appid, name, value);
      expect(set.text).toBe('{"errcode":0,"errmsg":"ok"}');
      expect((await byComponent.get(appid, name)).json).toEqual({
        authorizer_appid: appid,
        option_name: name,
        option_value: value,
      });
    }
    // Numbers are read as strings.
    expect((await byComponent.set(appid, 'location_report', 1)).json).toEqual(OK);
    expect(await valueSeenByComponent(appid, 'location_report')).toBe('1');
    expect((await byComponent.set(appid, 'location_report', 0)).json).toEqual(OK);
    expect(await valueSeenByComponent(appid, 'location_report')).toBe('0');
  });

  it('sets and reads every option on the old paths with an authorizer token, ignoring body appids', async () => {
    const { appid, token } = await authorized(ALL_SETS, 'miniprogram');
    const bystander = await authorized();
    const elsewhere = { component_appid: other.appid, authorizer_appid: bystander.appid };
    for (const [name, value] of OPTIONS) {
      expect((await oldByAuthorizer.get(token, name)).json).toEqual({
        authorizer_appid: appid,
        option_name: name,
        option_value: '0',
      });
      expect((await oldByAuthorizer.set(token, name, value, elsewhere)).json).toEqual(OK);
      expect((await oldByAuthorizer.get(token, name, elsewhere)).json).toEqual({
        authorizer_appid: appid,
        option_name: name,
        option_value: value,
      });
      expect(await valueSeenByComponent(appid, name)).toBe(value);
      expect(await valueSeenByComponent(bystander.appid, name)).toBe('0');
    }
  });

  it('sets and reads every option on the new paths', async () => {
    const { appid, token } = await authorized();
    for (const [name, value] of OPTIONS) {
      const before = await byAuthorizer.get(token, name);
      expect(before.text).toBe(JSON.stringify({ option_name: name, option_value: '0' }));
      const set = await byAuthorizer.set(token, name, value);
      expect(set.text).toBe('{"errcode":0,"errmsg":"ok"}');
      expect((await byAuthorizer.get(token, name)).json).toEqual({ option_name: name, option_value: value });
      expect(await valueSeenByComponent(appid, name)).toBe(value);
    }
    // What the component sets, the account reads.
    expect((await byComponent.set(appid, 'voice_recognize', '0')).json).toEqual(OK);
    expect((await byAuthorizer.get(token, 'voice_recognize')).json).toEqual({
      option_name: 'voice_recognize',
      option_value: '0',
    });
  });

  it('keeps the options with the account, whichever component reads them', async () => {
    const { appid } = await authorized();
    const granted = await authorize(h, other, appid, [1]);
    expect((await byComponent.set(appid, 'voice_recognize', '1')).json).toEqual(OK);
    expect((await byAuthorizer.get(granted.authorizer_access_token, 'voice_recognize')).json).toEqual({
      option_name: 'voice_recognize',
      option_value: '1',
    });
  });

  it('answers 61007 for an option whose permission set the authorization lacks', async () => {
    for (const [name, value] of OPTIONS) {
      const lacking = await authorized(ALL_SETS.filter((id) => id !== NEEDS[name]).concat(3));
      expect((await byComponent.get(lacking.appid, name)).json, name).toEqual(E61007);
      expect((await byComponent.set(lacking.appid, name, value)).json, name).toEqual(E61007);
      expect((await oldByAuthorizer.get(lacking.token, name)).json, name).toEqual(E61007);
      expect((await oldByAuthorizer.set(lacking.token, name, value)).json, name).toEqual(E61007);
      expect((await byAuthorizer.get(lacking.token, name)).json, name).toEqual(E61007);
      expect((await byAuthorizer.set(lacking.token, name, value)).json, name).toEqual(E61007);
      // Its other options work.
      const [otherName] = OPTIONS.find(([candidate]) => candidate !== name) ?? [];
      expect((await byAuthorizer.get(lacking.token, otherName)).json.option_value).toBe('0');
    }
  });

  it('answers 61012 for an unknown option name, before 61007 and 61013', async () => {
    const full = await authorized();
    const bare = await authorized([3]);
    for (const name of ['unknown', '', 'Voice_Recognize', ' voice_recognize', 1, 'toString', '__proto__']) {
      const label = JSON.stringify(name);
      expect((await byComponent.get(full.appid, name)).json, label).toEqual(E61012);
      expect((await byComponent.set(full.appid, name, '1')).json, label).toEqual(E61012);
      expect((await oldByAuthorizer.get(full.token, name)).json, label).toEqual(E61012);
      expect((await oldByAuthorizer.set(full.token, name, '9')).json, label).toEqual(E61012);
      expect((await byAuthorizer.get(full.token, name)).json, label).toEqual(E61012);
      expect((await byAuthorizer.set(full.token, name, '9')).json, label).toEqual(E61012);
      expect((await byComponent.get(bare.appid, name)).json, label).toEqual(E61012);
      expect((await byAuthorizer.set(bare.token, name, '9')).json, label).toEqual(E61012);
    }
    expect((await byComponent.get(full.appid, undefined)).json).toEqual(E61012);
  });

  it('answers 61013 for a value the option does not take, after 61007', async () => {
    const full = await authorized();
    const bare = await authorized([3]);
    const refused: [string, unknown][] = [
      ['location_report', '3'],
      ['location_report', '-1'],
      ['location_report', ''],
      ['location_report', ' 1'],
      ['location_report', '01'],
      ['location_report', 3],
      ['voice_recognize', '2'],
      ['voice_recognize', 'on'],
      ['voice_recognize', undefined],
      ['customer_service', '2'],
      ['customer_service', 1.5],
    ];
    for (const [name, value] of refused) {
      const label = `${name}=${JSON.stringify(value)}`;
      expect((await byComponent.set(full.appid, name, value)).json, label).toEqual(E61013);
      expect((await oldByAuthorizer.set(full.token, name, value)).json, label).toEqual(E61013);
      expect((await byAuthorizer.set(full.token, name, value)).json, label).toEqual(E61013);
      expect((await byComponent.set(bare.appid, name, value)).json, label).toEqual(E61007);
      expect(await valueSeenByComponent(full.appid, name)).toBe('0');
    }
  });

  it('answers 61003 for an account that has not authorized the component, before 61012', async () => {
    const stranger = await newAccount(h);
    const toOther = await newAccount(h);
    await authorize(h, other, toOther, ALL_SETS);
    const gone = await authorized();
    await revoke(h, c, gone.appid);
    for (const appid of [stranger, toOther, gone.appid, '', 'wx0000000000000000', c.appid]) {
      expect((await byComponent.get(appid, 'voice_recognize')).json, appid).toEqual(E61003);
      expect((await byComponent.set(appid, 'voice_recognize', '1')).json, appid).toEqual(E61003);
      expect((await byComponent.get(appid, 'nope')).json, appid).toEqual(E61003);
      expect((await byComponent.set(appid, 'voice_recognize', '7')).json, appid).toEqual(E61003);
    }
    // The revoked account's token is refused on every path.
    expect((await oldByAuthorizer.get(gone.token, 'voice_recognize')).json).toEqual(E61003);
    expect((await byAuthorizer.set(gone.token, 'voice_recognize', '1')).json).toEqual(E61003);
  });

  it('checks component_appid on the old paths with the component token: 41018, then 40013, before 61003', async () => {
    const { appid } = await authorized();
    const stranger = await newAccount(h);
    for (const target of [appid, stranger]) {
      expect((await byComponent.get(target, 'voice_recognize', { component_appid: '' })).json).toEqual(
        E41018,
      );
      expect((await byComponent.set(target, 'voice_recognize', '1', { component_appid: null })).json).toEqual(
        E41018,
      );
      expect(
        (await byComponent.get(target, 'voice_recognize', { component_appid: other.appid })).json,
      ).toEqual(E40013);
      expect((await byComponent.set(target, 'nope', '1', { component_appid: appid })).json).toEqual(E40013);
    }
    expect(await valueSeenByComponent(appid, 'voice_recognize')).toBe('0');
  });

  it('answers 48001 for a component token on the new paths', async () => {
    expect((await byAuthorizer.get(c.token, 'voice_recognize')).json).toEqual(E48001);
    expect((await byAuthorizer.set(c.token, 'voice_recognize', '1')).json).toEqual(E48001);
  });

  it('changes nothing when a set fails', async () => {
    const { appid, token } = await authorized();
    expect((await byComponent.set(appid, 'voice_recognize', '1')).json).toEqual(OK);
    expect((await byComponent.set(appid, 'voice_recognize', '5')).json).toEqual(E61013);
    expect((await byAuthorizer.set(token, 'voice_recognize', '')).json).toEqual(E61013);
    expect((await byAuthorizer.set(token, 'voice_recogniz', '0')).json).toEqual(E61012);
    expect(await valueSeenByComponent(appid, 'voice_recognize')).toBe('1');

    // Refused for lack of the set, then granted it: the refused value was never stored.
    const lacking = await authorized([2]);
    expect((await byAuthorizer.set(lacking.token, 'voice_recognize', '1')).json).toEqual(E61007);
    await authorize(h, c, lacking.appid, [1, 2]);
    expect(await valueSeenByComponent(lacking.appid, 'voice_recognize')).toBe('0');
  });
});
