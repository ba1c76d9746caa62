import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jumpDomainPoolFor, serverDomainPoolFor } from '../src/areas/server-domain/pools.js';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const SERVER_PATH = '/cgi-bin/component/modify_wxa_server_domain';
const JUMP_PATH = '/cgi-bin/component/modify_wxa_jump_domain';
const serverDomain = (body: unknown, token = w.componentToken) =>
  h.post(`${SERVER_PATH}?access_token=${token}`, body);
const jumpDomain = (body: unknown, token = w.componentToken) =>
  h.post(`${JUMP_PATH}?access_token=${token}`, body);
const set = (hosts: string, together = false) =>
  serverDomain({ action: 'set', wxa_server_domain: hosts, is_modify_published_together: together });
const add = (hosts: string, together = false) =>
  serverDomain({ action: 'add', wxa_server_domain: hosts, is_modify_published_together: together });
const getPool = async (token = w.componentToken) => (await serverDomain({ action: 'get' }, token)).json;
const ok = (fields: Record<string, string>) => ({ errcode: 0, errmsg: 'ok', ...fields });
const hosts = (count: number, prefix = 'h') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}.example.com`);

/** A platform that has never been published, with its component token. */
async function unpublishedPlatform() {
  const platform = (await h.post('/_wxlocal/platforms', {})).json;
  return { appid: platform.appid as string, token: await componentToken(platform) };
}

async function componentToken(platform: { appid: string; secret: string }): Promise<string> {
  const ticket = (await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json.verify_ticket;
  const response = await h.post('/cgi-bin/component/api_component_token', {
    component_appid: platform.appid,
    component_appsecret: platform.secret,
    component_verify_ticket: ticket,
  });
  return response.json.component_access_token;
}

describe('modify_wxa_server_domain: actions and the two values', () => {
  it('get on a published platform with an empty pool answers both values as ""', async () => {
    const response = await serverDomain({ action: 'get' });
    expect(response.text).toBe(
      '{"errcode":0,"errmsg":"ok","published_wxa_server_domain":"","testing_wxa_server_domain":""}',
    );
  });

  it('set, add and delete change the testing value only, unless is_modify_published_together', async () => {
    expect((await set('www.qq.com;wx.qq.com')).json).toEqual(
      ok({ published_wxa_server_domain: '', testing_wxa_server_domain: 'www.qq.com;wx.qq.com' }),
    );
    expect((await add('www.qq.com;wx.qq.com', true)).json).toEqual(
      ok({
        published_wxa_server_domain: 'www.qq.com;wx.qq.com',
        testing_wxa_server_domain: 'www.qq.com;wx.qq.com',
      }),
    );
    expect((await add('a.qq.com')).json).toEqual(
      ok({
        published_wxa_server_domain: 'www.qq.com;wx.qq.com',
        testing_wxa_server_domain: 'www.qq.com;wx.qq.com;a.qq.com',
      }),
    );
    const deleted = await serverDomain({
      action: 'delete',
      is_modify_published_together: false,
      wxa_server_domain: 'www.qq.com;wx.qq.com',
    });
    expect(deleted.json).toEqual(
      ok({ published_wxa_server_domain: 'www.qq.com;wx.qq.com', testing_wxa_server_domain: 'a.qq.com' }),
    );
    const both = await serverDomain({
      action: 'delete',
      is_modify_published_together: true,
      wxa_server_domain: 'wx.qq.com',
    });
    expect(both.json).toEqual(
      ok({ published_wxa_server_domain: 'www.qq.com', testing_wxa_server_domain: 'a.qq.com' }),
    );
    expect(await getPool()).toEqual(
      ok({ published_wxa_server_domain: 'www.qq.com', testing_wxa_server_domain: 'a.qq.com' }),
    );
  });

  it('set with is_modify_published_together replaces both values; set "" clears', async () => {
    await add('a.qq.com;b.qq.com', true);
    expect((await set('c.qq.com', true)).json).toEqual(
      ok({ published_wxa_server_domain: 'c.qq.com', testing_wxa_server_domain: 'c.qq.com' }),
    );
    expect((await set('')).text).toBe(
      '{"errcode":0,"errmsg":"ok","published_wxa_server_domain":"c.qq.com","testing_wxa_server_domain":""}',
    );
    expect((await serverDomain({ action: 'set', is_modify_published_together: true })).json).toEqual(
      ok({ published_wxa_server_domain: '', testing_wxa_server_domain: '' }),
    );
  });

  it('add keeps insertion order and skips hosts already there', async () => {
    await add('b.qq.com;a.qq.com');
    expect((await add('a.qq.com;c.qq.com;b.qq.com')).json.testing_wxa_server_domain).toBe(
      'b.qq.com;a.qq.com;c.qq.com',
    );
  });

  it('deleting a host that is not there succeeds (errcode 0) and changes nothing', async () => {
    await add('a.qq.com', true);
    const response = await serverDomain({ action: 'delete', wxa_server_domain: 'absent.qq.com' });
    expect(response.text).toBe(
      '{"errcode":0,"errmsg":"ok","published_wxa_server_domain":"a.qq.com","testing_wxa_server_domain":"a.qq.com"}',
    );
  });

  it('parses the list: `;` separator, trimmed, lower-cased, empty pieces and duplicates dropped', async () => {
    expect((await set(' WWW.QQ.com ;;wx.qq.com;www.qq.com; ')).json.testing_wxa_server_domain).toBe(
      'www.qq.com;wx.qq.com',
    );
  });

  it('get ignores the other fields', async () => {
    await add('a.qq.com');
    const response = await serverDomain({
      action: 'get',
      wxa_server_domain: 'b.qq.com;http://bad',
      is_modify_published_together: true,
    });
    expect(response.json).toEqual(
      ok({ published_wxa_server_domain: '', testing_wxa_server_domain: 'a.qq.com' }),
    );
  });

  it('takes the token as ?component_access_token= too, and the flag as 1 / "true"', async () => {
    const response = await h.post(`${SERVER_PATH}?component_access_token=${w.componentToken}`, {
      action: 'add',
      wxa_server_domain: 'a.qq.com',
      is_modify_published_together: 'true',
    });
    expect(response.json).toEqual(
      ok({ published_wxa_server_domain: 'a.qq.com', testing_wxa_server_domain: 'a.qq.com' }),
    );
    const numeric = await add('b.qq.com', 1 as unknown as boolean);
    expect(numeric.json.published_wxa_server_domain).toBe('a.qq.com;b.qq.com');
  });
});

describe('modify_wxa_server_domain: a platform never published', () => {
  it('has no published value; changing it answers 61028 and changes nothing', async () => {
    const platform = await unpublishedPlatform();
    expect((await serverDomain({ action: 'get' }, platform.token)).text).toBe(
      '{"errcode":0,"errmsg":"ok","testing_wxa_server_domain":""}',
    );
    const added = await serverDomain(
      { action: 'add', wxa_server_domain: 'a.qq.com', is_modify_published_together: false },
      platform.token,
    );
    expect(added.text).toBe('{"errcode":0,"errmsg":"ok","testing_wxa_server_domain":"a.qq.com"}');
    for (const action of ['add', 'delete', 'set']) {
      const response = await serverDomain(
        { action, wxa_server_domain: 'b.qq.com', is_modify_published_together: true },
        platform.token,
      );
      expect(response.json).toEqual({
        errcode: 61028,
        errmsg: expect.stringMatching(/^component is unpublished rid: /),
      });
    }
    expect(await getPool(platform.token)).toEqual(ok({ testing_wxa_server_domain: 'a.qq.com' }));
  });

  it('a publish copies testing to published, and every later publish copies it again', async () => {
    const platform = await unpublishedPlatform();
    const publish = () => h.call('PATCH', `/_wxlocal/platforms/${platform.appid}`, { published: true });
    const change = (action: string, hosts: string) =>
      serverDomain({ action, wxa_server_domain: hosts, is_modify_published_together: false }, platform.token);
    await change('add', 'a.qq.com;b.qq.com');
    expect((await publish()).json.published).toBe(true);
    expect(await getPool(platform.token)).toEqual(
      ok({
        published_wxa_server_domain: 'a.qq.com;b.qq.com',
        testing_wxa_server_domain: 'a.qq.com;b.qq.com',
      }),
    );
    await change('delete', 'a.qq.com');
    expect((await getPool(platform.token)).published_wxa_server_domain).toBe('a.qq.com;b.qq.com');
    await publish();
    expect(await getPool(platform.token)).toEqual(
      ok({ published_wxa_server_domain: 'b.qq.com', testing_wxa_server_domain: 'b.qq.com' }),
    );
    // Patching other fields is not a publish.
    await change('add', 'c.qq.com');
    await h.call('PATCH', `/_wxlocal/platforms/${platform.appid}`, { name: 'Renamed' });
    expect((await getPool(platform.token)).published_wxa_server_domain).toBe('b.qq.com');
  });
});

describe('modify_wxa_server_domain: validation', () => {
  it('reports invalid hosts in invalid_wxa_server_domain and applies the valid ones (errcode 0)', async () => {
    const invalid = [
      'http://www.qq.com',
      'https://a.qq.com',
      'www.qq.com/path',
      'www.qq.com:8080',
      '1.2.3.4',
      'localhost',
      'under_score.qq.com',
      '-dash.qq.com',
      'a..qq.com',
      'space in.qq.com',
    ];
    const response = await add(['good.qq.com', ...invalid, 'x-1.qq.com'].join(';'), true);
    expect(response.json).toEqual(
      ok({
        published_wxa_server_domain: 'good.qq.com;x-1.qq.com',
        testing_wxa_server_domain: 'good.qq.com;x-1.qq.com',
        invalid_wxa_server_domain: invalid.join(';'),
      }),
    );
    expect(Object.keys(response.json)).toEqual([
      'errcode',
      'errmsg',
      'published_wxa_server_domain',
      'testing_wxa_server_domain',
      'invalid_wxa_server_domain',
    ]);
  });

  it('a list with only invalid hosts still answers 0 and changes nothing; set applies only the valid ones', async () => {
    await add('a.qq.com');
    expect((await add('http://b.qq.com')).json).toEqual(
      ok({
        published_wxa_server_domain: '',
        testing_wxa_server_domain: 'a.qq.com',
        invalid_wxa_server_domain: 'http://b.qq.com',
      }),
    );
    expect((await set('c.qq.com;1.1.1.1')).json).toEqual(
      ok({
        published_wxa_server_domain: '',
        testing_wxa_server_domain: 'c.qq.com',
        invalid_wxa_server_domain: '1.1.1.1',
      }),
    );
  });

  it('a host without an ICP filing is reported like an invalid one on add and set', async () => {
    await h.call('PATCH', '/_wxlocal/hosts/noicp.qq.com', { icp_filed: false });
    expect((await add('a.qq.com;noicp.qq.com')).json).toEqual(
      ok({
        published_wxa_server_domain: '',
        testing_wxa_server_domain: 'a.qq.com',
        invalid_wxa_server_domain: 'noicp.qq.com',
      }),
    );
  });

  it('40052 for a missing or unknown action', async () => {
    for (const action of [undefined, '', 'ADD', 'update', 'modify']) {
      const response = await serverDomain({ action, wxa_server_domain: 'a.qq.com' });
      expect(response.json, String(action)).toEqual({
        errcode: 40052,
        errmsg: expect.stringMatching(/^invalid action name rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
      });
    }
  });

  it('40097 for add or delete with no host at all', async () => {
    for (const body of [
      { action: 'add' },
      { action: 'delete', wxa_server_domain: '' },
      { action: 'add', wxa_server_domain: ' ; ;' },
      // A modify_domain-style body carries no wxa_server_domain.
      { action: 'add', requestdomain: ['https://a.qq.com'] },
    ]) {
      expect(wxError((await serverDomain(body)).json), JSON.stringify(body)).toEqual({
        errcode: 40097,
        base: 'invalid args',
      });
    }
  });

  it('40097 comes before 61028, and 61028 before the host checks', async () => {
    const platform = await unpublishedPlatform();
    const empty = await serverDomain({ action: 'add', is_modify_published_together: true }, platform.token);
    expect(wxError(empty.json).errcode).toBe(40097);
    const bad = await serverDomain(
      { action: 'add', wxa_server_domain: 'http://bad', is_modify_published_together: true },
      platform.token,
    );
    expect(wxError(bad.json).errcode).toBe(61028);
  });

  it('body errors: 44002 for an empty body, 47001 for a body that is not JSON or a bad flag', async () => {
    expect(wxError((await h.post(`${SERVER_PATH}?access_token=${w.componentToken}`, '')).json).errcode).toBe(
      44002,
    );
    expect(
      wxError((await h.post(`${SERVER_PATH}?access_token=${w.componentToken}`, '{bad')).json).errcode,
    ).toBe(47001);
    const flag = await serverDomain({
      action: 'add',
      wxa_server_domain: 'a.qq.com',
      is_modify_published_together: 'yes',
    });
    expect(wxError(flag.json)).toEqual({ errcode: 47001, base: 'data format error' });
  });

  it('only the component token: authorizer and own tokens answer 48001, none 41001', async () => {
    expect(wxError((await serverDomain({ action: 'get' }, w.mpToken)).json)).toEqual({
      errcode: 48001,
      base: 'api unauthorized',
    });
    expect(wxError((await serverDomain({ action: 'get' }, w.oaToken)).json).errcode).toBe(48001);
    const { appid, secret } = w.miniProgram;
    const own = (await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`))
      .json;
    expect(wxError((await serverDomain({ action: 'get' }, own.access_token)).json).errcode).toBe(48001);
    expect(wxError((await h.post(SERVER_PATH, { action: 'get' })).json).errcode).toBe(41001);
  });
});

describe('modify_wxa_server_domain: 1000 hosts', () => {
  it('1000 hosts are taken; a 1001st answers 65316 and changes nothing', async () => {
    const thousand = hosts(1000);
    const response = await set(thousand.join(';'), true);
    expect(response.json.testing_wxa_server_domain.split(';')).toHaveLength(1000);
    expect(response.json.published_wxa_server_domain).toBe(thousand.join(';'));
    const refused = await add('one-more.example.com');
    expect(refused.json).toEqual({
      errcode: 65316,
      errmsg: expect.stringMatching(/^domain count reach limit rid: /),
    });
    const before = await getPool();
    expect(before.testing_wxa_server_domain).toBe(thousand.join(';'));
    // Hosts already there do not count twice; invalid ones are not applied.
    expect((await add(`${thousand[0]};http://x.qq.com`)).json.errcode).toBe(0);
  });

  it('a set of 1001 hosts answers 65316; the published value counts too', async () => {
    await set('keep.qq.com', true);
    expect(wxError((await set(hosts(1001).join(';'))).json)).toEqual({
      errcode: 65316,
      base: 'domain count reach limit',
    });
    await set(hosts(1000).join(';'));
    // testing holds 1000 already: adding one more to both values is refused as a whole.
    expect(wxError((await add('x.qq.com', true)).json).errcode).toBe(65316);
    expect((await getPool()).published_wxa_server_domain).toBe('keep.qq.com');
  });
});

describe('modify_wxa_server_domain: 50 modifications a month', () => {
  /** 2030-03-31 23:00:00 +08:00. */
  const LAST_HOUR_OF_MARCH_CHINA = Date.UTC(2030, 2, 31, 15, 0, 0) / 1000;

  async function jumpTo(unixSeconds: number): Promise<string> {
    await h.post('/_wxlocal/clock', { set: unixSeconds });
    return componentToken(w.platform);
  }

  it('the 51st add/delete/set of a China-time month answers 45104; get and failed calls do not count', async () => {
    let token = await jumpTo(LAST_HOUR_OF_MARCH_CHINA);
    for (let i = 0; i < 50; i++) {
      const action = ['add', 'delete', 'set'][i % 3];
      const response = await serverDomain({ action, wxa_server_domain: `m${i}.qq.com` }, token);
      expect(response.json.errcode, `call ${i + 1}`).toBe(0);
      // Neither reads nor refused calls use the quota.
      await serverDomain({ action: 'get' }, token);
      await serverDomain({ action: 'add' }, token);
      await serverDomain({ action: 'nope', wxa_server_domain: 'x.qq.com' }, token);
    }
    const before = await getPool(token);
    const refused = await serverDomain({ action: 'add', wxa_server_domain: 'late.qq.com' }, token);
    expect(refused.json).toEqual({
      errcode: 45104,
      errmsg: expect.stringMatching(/^reach max domain quota limit rid: /),
    });
    expect(
      wxError((await serverDomain({ action: 'delete', wxa_server_domain: 'x.qq.com' }, token)).json).errcode,
    ).toBe(45104);
    expect(await getPool(token)).toEqual(before);

    // 2030-03-31 23:59:59 +08:00 is still March in China.
    token = await jumpTo(LAST_HOUR_OF_MARCH_CHINA + 3599);
    expect(
      wxError((await serverDomain({ action: 'add', wxa_server_domain: 'late.qq.com' }, token)).json).errcode,
    ).toBe(45104);
    // 2030-04-01 00:00:00 +08:00 (still March 31 in UTC): a new month.
    token = await jumpTo(LAST_HOUR_OF_MARCH_CHINA + 3600);
    expect(
      (await serverDomain({ action: 'add', wxa_server_domain: 'late.qq.com' }, token)).json.errcode,
    ).toBe(0);
  });

  it('one call changing both values counts once', async () => {
    for (let i = 0; i < 50; i++) expect((await add(`both${i}.qq.com`, true)).json.errcode).toBe(0);
    expect(wxError((await add('more.qq.com', true)).json).errcode).toBe(45104);
  });

  it('60 concurrent modifications: exactly 50 succeed, the rest answer 45104', async () => {
    const responses = await Promise.all(hosts(60, 'c').map((host) => add(host)));
    const codes = responses.map((response) => response.json.errcode);
    expect(codes.filter((code) => code === 0)).toHaveLength(50);
    expect(codes.filter((code) => code === 45104)).toHaveLength(10);
    expect((await getPool()).testing_wxa_server_domain.split(';')).toHaveLength(50);
  });
});

describe('modify_wxa_jump_domain and get_domain_confirmfile', () => {
  const confirmFile = async (token = w.componentToken) =>
    (await h.post(`/cgi-bin/component/get_domain_confirmfile?access_token=${token}`, {})).json;
  /** Serves the component's confirm file at the root of `host`. */
  async function serveConfirmFile(host: string) {
    const { file_name, file_content } = await confirmFile();
    await h.post('/_wxlocal/confirm-files', { url: `https://${host}/${file_name}`, content: file_content });
  }

  it('the confirm file is stable per component and shaped like a real one', async () => {
    const file = await confirmFile();
    expect(file).toEqual({
      errcode: 0,
      errmsg: 'ok',
      file_name: expect.stringMatching(/^[A-Za-z0-9]{10}\.txt$/),
      file_content: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await confirmFile()).toEqual(file);
    const other = await unpublishedPlatform();
    expect((await confirmFile(other.token)).file_name).not.toBe(file.file_name);
    expect(
      wxError((await h.post(`/cgi-bin/component/get_domain_confirmfile?access_token=${w.mpToken}`, {})).json)
        .errcode,
    ).toBe(48001);
  });

  it('a host without the confirm file at its root fails the whole call with 9410016', async () => {
    await serveConfirmFile('h5.qq.com');
    const refused = await jumpDomain({ action: 'add', wxa_jump_h5_domain: 'h5.qq.com;nofile.qq.com' });
    expect(refused.json).toEqual({
      errcode: 9410016,
      errmsg: expect.stringMatching(/^found invalid urls which DO NOT have confirmFile rid: /),
    });
    expect((await jumpDomain({ action: 'get' })).text).toBe(
      '{"errcode":0,"errmsg":"ok","published_wxa_jump_h5_domain":"","testing_wxa_jump_h5_domain":""}',
    );
    const added = await jumpDomain({
      action: 'add',
      wxa_jump_h5_domain: 'h5.qq.com;http://bad.qq.com',
      is_modify_published_together: true,
    });
    expect(added.text).toBe(
      '{"errcode":0,"errmsg":"ok","published_wxa_jump_h5_domain":"h5.qq.com","testing_wxa_jump_h5_domain":"h5.qq.com","invalid_wxa_jump_h5_domain":"http://bad.qq.com"}',
    );
    // Removing needs no confirm file.
    const deleted = await jumpDomain({ action: 'delete', wxa_jump_h5_domain: 'h5.qq.com;nofile.qq.com' });
    expect(deleted.json).toEqual(
      ok({ published_wxa_jump_h5_domain: 'h5.qq.com', testing_wxa_jump_h5_domain: '' }),
    );
  });

  it('a file with other content does not count', async () => {
    const { file_name } = await confirmFile();
    await h.post('/_wxlocal/confirm-files', {
      url: `https://wrong.qq.com/${file_name}`,
      content: 'something else',
    });
    expect(
      wxError((await jumpDomain({ action: 'set', wxa_jump_h5_domain: 'wrong.qq.com' })).json).errcode,
    ).toBe(9410016);
  });

  it('same rules as the server pool: 40052, 40097, 61028, 300 hosts (65316)', async () => {
    expect(wxError((await jumpDomain({ action: 'x' })).json).errcode).toBe(40052);
    expect(wxError((await jumpDomain({ action: 'delete' })).json).errcode).toBe(40097);
    const platform = await unpublishedPlatform();
    const unpublished = await jumpDomain(
      { action: 'add', wxa_jump_h5_domain: 'a.qq.com', is_modify_published_together: true },
      platform.token,
    );
    expect(wxError(unpublished.json).errcode).toBe(61028);
    expect((await jumpDomain({ action: 'get' }, platform.token)).text).toBe(
      '{"errcode":0,"errmsg":"ok","testing_wxa_jump_h5_domain":""}',
    );

    const many = hosts(301, 'j');
    for (const host of many) await serveConfirmFile(host);
    expect(wxError((await jumpDomain({ action: 'set', wxa_jump_h5_domain: many.join(';') })).json)).toEqual({
      errcode: 65316,
      base: 'domain count reach limit',
    });
    const set300 = await jumpDomain({ action: 'set', wxa_jump_h5_domain: many.slice(0, 300).join(';') });
    expect(set300.json.testing_wxa_jump_h5_domain.split(';')).toHaveLength(300);
  });

  it('keeps its own 50-a-month counter, apart from the server pool', async () => {
    for (let i = 0; i < 50; i++) expect((await add(`s${i}.qq.com`)).json.errcode).toBe(0);
    expect(wxError((await add('s50.qq.com')).json).errcode).toBe(45104);
    for (let i = 0; i < 50; i++) {
      expect((await jumpDomain({ action: 'delete', wxa_jump_h5_domain: `j${i}.qq.com` })).json.errcode).toBe(
        0,
      );
    }
    expect(wxError((await jumpDomain({ action: 'delete', wxa_jump_h5_domain: 'j.qq.com' })).json)).toEqual({
      errcode: 45104,
      base: 'reach max domain quota limit',
    });
  });

  it('a publish copies the jump pool too', async () => {
    const platform = await unpublishedPlatform();
    const { file_name, file_content } = await confirmFile(platform.token);
    await h.post('/_wxlocal/confirm-files', { url: `https://h5.qq.com/${file_name}`, content: file_content });
    await jumpDomain({ action: 'add', wxa_jump_h5_domain: 'h5.qq.com' }, platform.token);
    await h.call('PATCH', `/_wxlocal/platforms/${platform.appid}`, { published: true });
    expect((await jumpDomain({ action: 'get' }, platform.token)).json).toEqual(
      ok({ published_wxa_jump_h5_domain: 'h5.qq.com', testing_wxa_jump_h5_domain: 'h5.qq.com' }),
    );
  });

  it('jumpDomainPoolFor: the testing value for test-list accounts, the published one for others', async () => {
    const db = h.emulator.runtime.store.db;
    const { file_name, file_content } = await confirmFile();
    for (const host of ['t.qq.com', 'p.qq.com']) {
      await h.post('/_wxlocal/confirm-files', { url: `https://${host}/${file_name}`, content: file_content });
    }
    await jumpDomain({ action: 'set', wxa_jump_h5_domain: 'p.qq.com', is_modify_published_together: true });
    await jumpDomain({ action: 'set', wxa_jump_h5_domain: 't.qq.com;p.qq.com' });
    await set('server.qq.com');
    const mp = w.miniProgram.appid;
    expect(await jumpDomainPoolFor(db, w.platform.appid, mp)).toEqual(['p.qq.com']);
    expect(await serverDomainPoolFor(db, w.platform.appid, mp)).toEqual([]);
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, { test_accounts: [mp] });
    expect(await jumpDomainPoolFor(db, w.platform.appid, mp)).toEqual(['t.qq.com', 'p.qq.com']);
    expect(await serverDomainPoolFor(db, w.platform.appid, mp)).toEqual(['server.qq.com']);
    const unpublished = await unpublishedPlatform();
    expect(await jumpDomainPoolFor(db, unpublished.appid, mp)).toEqual([]);
  });
});
