import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
  await pool('set', 'a.example.com;b.example.com;c.example.com', true);
});
afterEach(() => h.close());

const KINDS = [
  'requestdomain',
  'wsrequestdomain',
  'uploaddomain',
  'downloaddomain',
  'udpdomain',
  'tcpdomain',
];
type Domains = Record<string, string[]>;
const NONE: Domains = Object.fromEntries(KINDS.map((kind) => [kind, []]));
const NOTHING_REJECTED = {
  invalid_requestdomain: [],
  invalid_wsrequestdomain: [],
  invalid_uploaddomain: [],
  invalid_downloaddomain: [],
  invalid_udpdomain: [],
  invalid_tcpdomain: [],
  no_icp_domain: [],
};
const OK = { errcode: 0, errmsg: 'ok' };

const pool = (action: string, hosts: string, together = false) =>
  h.post(`/cgi-bin/component/modify_wxa_server_domain?access_token=${w.componentToken}`, {
    action,
    wxa_server_domain: hosts,
    is_modify_published_together: together,
  });
const modifyDomain = (body: unknown, token = w.mpToken) =>
  h.post(`/wxa/modify_domain?access_token=${token}`, body);
const direct = (body: unknown, token = w.mpToken) =>
  h.post(`/wxa/modify_domain_directly?access_token=${token}`, body);
const effective = async (token = w.mpToken) =>
  (await h.post(`/wxa/get_effective_domain?access_token=${token}`, {})).json;
const release = () => h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
/** The MP admin sets the Mini Program's own server domains on the WeChat console. */
const setMpDomains = (mp_domain: Record<string, string[]>) =>
  h.call('PUT', `/_wxlocal/accounts/${w.miniProgram.appid}/server-domains`, { mp_domain });
const setTestAccounts = (appids: string[]) =>
  h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, { test_accounts: appids });

describe('modify_domain: the pool filter', () => {
  it('get answers the six kinds of the third-party set, all present', async () => {
    expect((await modifyDomain({ action: 'get' })).text).toBe(
      '{"errcode":0,"errmsg":"ok","requestdomain":[],"wsrequestdomain":[],"uploaddomain":[],"downloaddomain":[],"udpdomain":[],"tcpdomain":[]}',
    );
  });

  it('the official example: duplicates removed, missing kinds empty, every field in the answer', async () => {
    const response = await modifyDomain({
      action: 'add',
      requestdomain: ['https://a.example.com', 'https://a.example.com'],
      wsrequestdomain: ['wss://a.example.com', 'wss://a.example.com'],
      uploaddomain: ['https://b.example.com', 'https://b.example.com'],
      downloaddomain: ['https://c.example.com', 'https://c.example.com'],
    });
    expect(response.text).toBe(
      '{"errcode":0,"errmsg":"ok","requestdomain":["https://a.example.com"],"wsrequestdomain":["wss://a.example.com"],"uploaddomain":["https://b.example.com"],"downloaddomain":["https://c.example.com"],"udpdomain":[],"tcpdomain":[],"invalid_requestdomain":[],"invalid_wsrequestdomain":[],"invalid_uploaddomain":[],"invalid_downloaddomain":[],"invalid_udpdomain":[],"invalid_tcpdomain":[],"no_icp_domain":[]}',
    );
  });

  it('entries outside the pool, malformed or api.weixin.qq.com are filtered out and listed (errcode 0)', async () => {
    await pool('add', 'api.weixin.qq.com', true);
    const response = await modifyDomain({
      action: 'add',
      requestdomain: [
        'https://a.example.com:8443/',
        'https://other.example.com',
        'a.example.com',
        'https://api.weixin.qq.com',
      ],
      wsrequestdomain: ['https://b.example.com'],
      udpdomain: ['unp://c.example.com', 'udp://c.example.com'],
      tcpdomain: ['tcp://x.a.example.com', 'tcp://1.2.3.4'],
    });
    expect(response.json).toEqual({
      ...OK,
      ...NONE,
      requestdomain: ['https://a.example.com:8443'],
      udpdomain: ['udp://c.example.com'],
      invalid_requestdomain: [
        'https://other.example.com',
        'https://a.example.com',
        'https://api.weixin.qq.com',
      ],
      invalid_wsrequestdomain: ['wss://https://b.example.com'],
      invalid_uploaddomain: [],
      invalid_downloaddomain: [],
      invalid_udpdomain: ['udp://unp://c.example.com'],
      // Sub-domains of a pool host do not match.
      invalid_tcpdomain: ['tcp://x.a.example.com', 'tcp://1.2.3.4'],
      no_icp_domain: [],
    });
  });

  it('85301 when nothing is left and some entries were rejected: the kinds empty, the rejected listed', async () => {
    const response = await modifyDomain({
      action: 'add',
      requestdomain: ['https://outside.example.com'],
      wsrequestdomain: ['https://a.example.com'],
    });
    expect(Object.keys(response.json)).toEqual([
      'errcode',
      'errmsg',
      ...KINDS,
      ...Object.keys(NOTHING_REJECTED),
    ]);
    expect(response.json).toEqual({
      errcode: 85301,
      errmsg: expect.stringMatching(
        /^no domain to modify after filtered, please confirm the domain has been set in miniprogram or open, and follows the rule of domains rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/,
      ),
      ...NONE,
      ...NOTHING_REJECTED,
      invalid_requestdomain: ['https://outside.example.com'],
      invalid_wsrequestdomain: ['wss://https://a.example.com'],
    });
    expect((await modifyDomain({ action: 'get' })).json).toEqual({ ...OK, ...NONE });
  });

  it('85017 (errcode and errmsg only) when nothing is left and nothing was rejected', async () => {
    await modifyDomain({ action: 'add', requestdomain: ['https://a.example.com'] });
    const cases = [
      { action: 'add', requestdomain: ['HTTPS://A.EXAMPLE.COM/'] },
      { action: 'add' },
      { action: 'delete', requestdomain: ['https://b.example.com'] },
      { action: 'set', requestdomain: ['https://a.example.com'] },
    ];
    for (const body of cases) {
      const response = await modifyDomain(body);
      expect(Object.keys(response.json), JSON.stringify(body)).toEqual(['errcode', 'errmsg']);
      expect(wxError(response.json)).toEqual({
        errcode: 85017,
        base: 'no domain to modify after filtered, please confirm the domain has been set in miniprogram or open',
      });
    }
  });

  it('85302 for entries without an ICP filing only, 85303 with invalid ones as well', async () => {
    await h.call('PATCH', '/_wxlocal/hosts/b.example.com', { icp_filed: false });
    const noIcp = await modifyDomain({ action: 'add', uploaddomain: ['https://B.example.com'] });
    expect(noIcp.json).toEqual({
      errcode: 85302,
      errmsg: expect.stringMatching(
        /^no domain to modify after filtered, please confirm all domains have ICP licenses rid: /,
      ),
      ...NONE,
      ...NOTHING_REJECTED,
      no_icp_domain: ['https://B.example.com'],
    });
    const both = await modifyDomain({
      action: 'add',
      uploaddomain: ['https://b.example.com'],
      downloaddomain: ['ftp://a.example.com'],
    });
    expect(wxError(both.json)).toEqual({
      errcode: 85303,
      base: 'no domain to modify after filtered, please confirm the domain has been set in miniprogram or open, and follows the rule of domains. Besides, please confirm all domains have ICP licenses',
    });
    expect(both.json.invalid_downloaddomain).toEqual(['https://ftp://a.example.com']);
    expect(both.json.no_icp_domain).toEqual(['https://b.example.com']);
    // With something applied, the no-ICP entry is reported on an errcode 0.
    const partial = await modifyDomain({
      action: 'add',
      uploaddomain: ['https://b.example.com', 'https://c.example.com'],
    });
    expect(partial.json).toMatchObject({
      errcode: 0,
      uploaddomain: ['https://c.example.com'],
      no_icp_domain: ['https://b.example.com'],
    });
  });

  it('set replaces every kind (missing kinds become empty); delete removes entries even outside the pool', async () => {
    await modifyDomain({
      action: 'add',
      requestdomain: ['https://a.example.com', 'https://b.example.com'],
      tcpdomain: ['tcp://c.example.com'],
    });
    const replaced = await modifyDomain({
      action: 'set',
      requestdomain: ['https://c.example.com', 'https://a.example.com'],
    });
    expect(replaced.json).toEqual({
      ...OK,
      ...NONE,
      requestdomain: ['https://c.example.com', 'https://a.example.com'],
      ...NOTHING_REJECTED,
    });
    await pool('delete', 'a.example.com', true);
    const deleted = await modifyDomain({
      action: 'delete',
      requestdomain: ['https://a.example.com', 'https://gone.example.com'],
    });
    expect(deleted.json).toEqual({
      ...OK,
      ...NONE,
      requestdomain: ['https://c.example.com'],
      ...NOTHING_REJECTED,
    });
  });

  it('the pool that applies: testing for accounts on the test list, published for everyone else', async () => {
    await pool('set', 'testing-only.example.com');
    const body = {
      action: 'add',
      requestdomain: ['https://testing-only.example.com', 'https://a.example.com'],
    };
    const offList = await modifyDomain(body);
    expect(offList.json).toMatchObject({
      errcode: 0,
      requestdomain: ['https://a.example.com'],
      invalid_requestdomain: ['https://testing-only.example.com'],
    });
    await setTestAccounts([w.miniProgram.appid]);
    const onList = await modifyDomain({ ...body, action: 'set' });
    expect(onList.json).toMatchObject({
      errcode: 0,
      requestdomain: ['https://testing-only.example.com'],
      invalid_requestdomain: ['https://a.example.com'],
    });
  });

  it('a platform never published: only accounts on its test list can use its pool', async () => {
    const platform = (await h.post('/_wxlocal/platforms', {})).json;
    const miniProgram = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    await h.call('DELETE', `/_wxlocal/authorizations/${w.platform.appid}/${w.miniProgram.appid}`);
    const token = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: platform.appid,
        authorizer_appid: miniProgram.appid,
        func_info: [18],
      })
    ).json.authorizer_access_token;
    const ticket = (await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json.verify_ticket;
    const componentToken = (
      await h.post('/cgi-bin/component/api_component_token', {
        component_appid: platform.appid,
        component_appsecret: platform.secret,
        component_verify_ticket: ticket,
      })
    ).json.component_access_token;
    await h.post(`/cgi-bin/component/modify_wxa_server_domain?access_token=${componentToken}`, {
      action: 'add',
      wxa_server_domain: 'new.example.com',
    });
    const body = { action: 'add', requestdomain: ['https://new.example.com'] };
    expect(wxError((await modifyDomain(body, token)).json).errcode).toBe(85301);
    await h.call('PATCH', `/_wxlocal/platforms/${platform.appid}`, { test_accounts: [miniProgram.appid] });
    expect((await modifyDomain(body, token)).json.requestdomain).toEqual(['https://new.example.com']);
  });

  it('limits: 200 entries per kind (85016), 40052 for an unknown action, 47001 for a kind that is not a list of strings', async () => {
    const hosts = Array.from({ length: 201 }, (_, i) => `d${i}.example.com`);
    await pool('add', hosts.join(';'), true);
    const entries = hosts.map((host) => `https://${host}`);
    expect((await modifyDomain({ action: 'set', downloaddomain: entries.slice(0, 200) })).json.errcode).toBe(
      0,
    );
    const refused = await modifyDomain({ action: 'add', downloaddomain: entries.slice(200) });
    expect(wxError(refused.json)).toEqual({ errcode: 85016, base: 'exceed valid domain count' });
    expect(Object.keys(refused.json)).toEqual(['errcode', 'errmsg']);
    expect((await modifyDomain({ action: 'get' })).json.downloaddomain).toHaveLength(200);

    for (const action of [undefined, 'Add', 'list']) {
      expect(wxError((await modifyDomain({ action, requestdomain: [] })).json)).toEqual({
        errcode: 40052,
        base: 'invalid action name',
      });
    }
    expect(
      wxError((await modifyDomain({ action: 'add', requestdomain: [{ host: 'a' }] })).json).errcode,
    ).toBe(47001);
    // A single string is read as a one-entry list.
    expect(
      (await modifyDomain({ action: 'add', requestdomain: 'https://a.example.com' })).json.requestdomain,
    ).toEqual(['https://a.example.com']);
  });

  it('token rules: component and OA tokens 48001, no set 18 61007, the MP own token 40014', async () => {
    for (const path of ['modify_domain', 'modify_domain_directly', 'get_effective_domain']) {
      const call = (token: string) => h.post(`/wxa/${path}?access_token=${token}`, { action: 'get' });
      expect(wxError((await call(w.componentToken)).json), path).toEqual({
        errcode: 48001,
        base: 'api unauthorized',
      });
      expect(wxError((await call(w.oaToken)).json).errcode).toBe(48001);
      const { appid, secret } = w.miniProgram;
      const own = (await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`))
        .json;
      expect(wxError((await call(own.access_token)).json).errcode).toBe(40014);
    }
    const other = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const without18 = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: other.appid,
        func_info: [17],
      })
    ).json.authorizer_access_token;
    expect(wxError((await modifyDomain({ action: 'get' }, without18)).json)).toEqual({
      errcode: 61007,
      base: 'api is unauthorized to component',
    });
  });
});

describe('modify_domain_directly', () => {
  it('takes any well-formed, ICP-filed host without the pool; answers the direct set', async () => {
    const response = await direct({
      action: 'add',
      requestdomain: ['https://anywhere.example.org', 'https://anywhere.example.org/'],
      wsrequestdomain: ['wss://ws.example.org:8080'],
    });
    expect(response.text).toBe(
      '{"errcode":0,"errmsg":"ok","requestdomain":["https://anywhere.example.org"],"wsrequestdomain":["wss://ws.example.org:8080"],"uploaddomain":[],"downloaddomain":[],"udpdomain":[],"tcpdomain":[]}',
    );
    expect((await direct({ action: 'get' })).json).toEqual(response.json);
    expect((await modifyDomain({ action: 'get' })).json).toEqual({ ...OK, ...NONE });
    // A call that changes nothing succeeds.
    expect((await direct({ action: 'delete', requestdomain: ['https://absent.example.org'] })).json).toEqual(
      response.json,
    );
    expect((await direct({ action: 'set' })).json).toEqual({ ...OK, ...NONE });
  });

  it('any failing entry fails the whole call: 86100, 86101, 45082, 85016; nothing is applied', async () => {
    await h.call('PATCH', '/_wxlocal/hosts/noicp.example.org', { icp_filed: false });
    const cases: [unknown, number][] = [
      [
        {
          action: 'add',
          requestdomain: ['https://ok.example.org'],
          wsrequestdomain: ['https://ws.example.org'],
        },
        86100,
      ],
      [{ action: 'add', requestdomain: ['ok.example.org'] }, 86100],
      [{ action: 'add', requestdomain: ['https://ok.example.org/path'] }, 86100],
      [{ action: 'add', requestdomain: ['https://ok.example.org', 'https://api.weixin.qq.com'] }, 86101],
      [{ action: 'set', requestdomain: ['https://ok.example.org', 'https://noicp.example.org'] }, 45082],
      [
        { action: 'set', requestdomain: Array.from({ length: 201 }, (_, i) => `https://x${i}.example.org`) },
        85016,
      ],
      [{ action: 'unknown' }, 40052],
    ];
    for (const [body, errcode] of cases) {
      expect(wxError((await direct(body)).json).errcode, JSON.stringify(body).slice(0, 80)).toBe(errcode);
    }
    expect(
      wxError((await direct({ action: 'add', requestdomain: ['https://api.weixin.qq.com'] })).json),
    ).toEqual({
      errcode: 86101,
      base: '',
    });
    expect(
      wxError((await direct({ action: 'add', requestdomain: ['https://noicp.example.org'] })).json).base,
    ).toBe('need icp license for the url domain');
    expect((await direct({ action: 'get' })).json).toEqual({ ...OK, ...NONE });
    // Deleting needs no ICP filing.
    expect(
      (await direct({ action: 'delete', requestdomain: ['https://noicp.example.org'] })).json.errcode,
    ).toBe(0);
  });

  it('both modify endpoints share one counter: the 51st modification of the month answers 86102', async () => {
    for (let i = 0; i < 25; i++) {
      expect(
        (await direct({ action: 'add', requestdomain: [`https://d${i}.example.org`] })).json.errcode,
      ).toBe(0);
      const host = ['a', 'b', 'c'][i % 3];
      expect(
        (await modifyDomain({ action: 'set', requestdomain: [`https://${host}.example.com`] })).json.errcode,
      ).toBe(0);
      // Reads and refused calls do not count.
      await modifyDomain({ action: 'get' });
      await modifyDomain({ action: 'add', requestdomain: ['https://outside.example.com'] });
    }
    const refused = await direct({ action: 'add', requestdomain: ['https://late.example.org'] });
    expect(refused.json).toEqual({ errcode: 86102, errmsg: expect.stringMatching(/^ rid: [0-9a-f]{8}-/) });
    // The quota comes after the filter: an unchanged list is still 85017.
    expect(
      wxError((await modifyDomain({ action: 'set', requestdomain: ['https://a.example.com'] })).json).errcode,
    ).toBe(85017);
    expect(
      wxError((await modifyDomain({ action: 'set', requestdomain: ['https://b.example.com'] })).json).errcode,
    ).toBe(86102);
    expect((await direct({ action: 'get' })).json.requestdomain).toHaveLength(25);
  });
});

describe('get_effective_domain and the release', () => {
  const all = (domains: Partial<Domains>) => ({ ...NONE, ...domains });

  it('four objects with six kinds each; before the first release effective is the mp set', async () => {
    const empty = await h.post(`/wxa/get_effective_domain?access_token=${w.mpToken}`, {});
    expect(empty.json).toEqual({
      ...OK,
      mp_domain: NONE,
      third_domain: NONE,
      direct_domain: NONE,
      effective_domain: NONE,
    });
    expect(
      wxError((await h.post(`/wxa/get_effective_domain?access_token=${w.mpToken}`, '')).json).errcode,
    ).toBe(44002);

    const console = await setMpDomains({
      requestdomain: ['https://own.example.net'],
      udpdomain: ['udp://own.example.net'],
    });
    expect(console.status).toBe(200);
    const mp = all({ requestdomain: ['https://own.example.net'], udpdomain: ['udp://own.example.net'] });
    expect(await effective()).toEqual({
      ...OK,
      mp_domain: mp,
      third_domain: NONE,
      direct_domain: NONE,
      effective_domain: mp,
    });
    await modifyDomain({ action: 'add', requestdomain: ['https://a.example.com'] });
    expect((await effective()).effective_domain).toEqual(mp);
  });

  it('at release: third (less hosts gone from the pool) plus direct is in force, and becomes the mp set', async () => {
    await setMpDomains({ requestdomain: ['https://own.example.net'] });
    await modifyDomain({
      action: 'add',
      requestdomain: ['https://a.example.com', 'https://b.example.com'],
      tcpdomain: ['tcp://c.example.com'],
    });
    await direct({ action: 'add', requestdomain: ['https://a.example.com', 'https://direct.example.org'] });
    await pool('delete', 'b.example.com', true);
    await release();
    const inForce = all({
      requestdomain: ['https://a.example.com', 'https://direct.example.org'],
      tcpdomain: ['tcp://c.example.com'],
    });
    expect(await effective()).toEqual({
      ...OK,
      mp_domain: inForce,
      third_domain: all({
        requestdomain: ['https://a.example.com', 'https://b.example.com'],
        tcpdomain: ['tcp://c.example.com'],
      }),
      direct_domain: all({ requestdomain: ['https://a.example.com', 'https://direct.example.org'] }),
      effective_domain: inForce,
    });
  });

  it('with no third-party set, the mp set stays in force, plus direct', async () => {
    await setMpDomains({ downloaddomain: ['https://own.example.net'] });
    await direct({ action: 'add', downloaddomain: ['https://direct.example.org'] });
    await release();
    const inForce = all({ downloaddomain: ['https://own.example.net', 'https://direct.example.org'] });
    expect((await effective()).effective_domain).toEqual(inForce);
    expect((await effective()).mp_domain).toEqual(inForce);
  });
});

describe('control plane: a Mini Program server domains', () => {
  it('shows the four sets and refuses malformed console entries, unknown accounts and Official Accounts', async () => {
    const path = `/_wxlocal/accounts/${w.miniProgram.appid}/server-domains`;
    expect((await h.get(path)).json).toEqual({
      mp_domain: NONE,
      third_domain: NONE,
      direct_domain: NONE,
      effective_domain: NONE,
    });
    const bad = await setMpDomains({ wsrequestdomain: ['https://a.example.net'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('wsrequestdomain');
    expect((await setMpDomains({ pingdomain: [] })).status).toBe(400);
    expect((await h.call('PUT', path, { requestdomain: [] })).status).toBe(400);
    const api = await setMpDomains({ requestdomain: ['https://api.weixin.qq.com'] });
    expect(api.status).toBe(400);
    expect((await h.get(path)).json.mp_domain).toEqual(NONE);
    expect((await h.get('/_wxlocal/accounts/wx0000000000000000/server-domains')).status).toBe(404);
    expect((await h.get(`/_wxlocal/accounts/${w.officialAccount.appid}/server-domains`)).status).toBe(400);
  });
});
