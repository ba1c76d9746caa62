import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  // Tokens are issued at T and last two hours, longer than any test's emulated time.
  await at(T);
  w = await createWorld(h);
  const draft = await h.post(`/_wxlocal/platforms/${w.platform.appid}/drafts`, {
    user_version: 'draft',
    pages: ['pages/index/index', 'pages/about/about'],
  });
  await h.post(`/wxa/addtotemplate?access_token=${w.componentToken}`, { draft_id: draft.json.draft_id });
});
afterEach(() => h.close());

/** The emulated time tests start at (2030-03-17 17:46:40 UTC); each step sets the clock to a later second. */
const T = 1_900_000_000;
const at = (seconds: number) => h.post('/_wxlocal/clock', { set: seconds });

const wxa = (method: string, path: string, body?: unknown, token = w.mpToken) =>
  h.call(method, `/wxa/${path}${path.includes('?') ? '&' : '?'}access_token=${token}`, body);
const post = (path: string, body: unknown = {}, token = w.mpToken) => wxa('POST', path, body, token);
const get = (path: string, token = w.mpToken) => wxa('GET', path, undefined, token);

const OK_TEXT = '{"errcode":0,"errmsg":"ok"}';
const OK = { errcode: 0, errmsg: 'ok' };
const NEVER_AUDITED = { errcode: 85019, base: 'no version is under auditing' };
const NOT_ALLOWED = { errcode: 85020, base: 'status not allowed' };
const RELEASED = { errcode: 85052, base: 'app is already released' };
const INVALID_ARGS = { errcode: 40097, base: 'invalid args' };
const GRAY_RUNNING = { errcode: 87011, base: '' };
const FORBID_REVERT = { errcode: 87012, base: 'forbid revert this version release' };

const commit = async (version: string) =>
  expect(
    (
      await post('commit', {
        template_id: 1,
        ext_json: '{}',
        user_version: version,
        user_desc: `desc ${version}`,
      })
    ).json,
  ).toEqual(OK);
const submit = async (): Promise<number> => {
  const submitted = (await post('submit_audit', {})).json;
  expect(submitted).toEqual({ ...OK, auditid: expect.any(Number) });
  return submitted.auditid;
};
const decide = async (result: 'pass' | 'reject' | 'delay') =>
  expect((await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/audit`, { result })).status).toBe(200);
const release = () => post('release');
const revert = (query = '') => get(`revertcoderelease${query}`);
const history = async () => (await revert('?action=get_history_version')).json;
const versionInfo = async () => (await post('getversioninfo')).text;
const code = async () => (await h.get(`/_wxlocal/accounts/${w.miniProgram.appid}/code`)).json;

/** Commits `version` at `seconds`, has it pass at +10 s and releases it at +20 s. */
async function ship(version: string, seconds: number): Promise<void> {
  await at(seconds);
  await commit(version);
  await submit();
  await at(seconds + 10);
  await decide('pass');
  await at(seconds + 20);
  expect((await release()).text).toBe(OK_TEXT);
}

describe('release', () => {
  it('85019 until an audit was submitted, with or without a trial version', async () => {
    expect(wxError((await release()).json)).toEqual(NEVER_AUDITED);
    await commit('1.0.0');
    expect(wxError((await release()).json)).toEqual(NEVER_AUDITED);
  });

  it('85020 while the latest audit is pending, delayed, withdrawn or rejected; then the passed one goes online', async () => {
    await at(T + 1);
    await commit('1.0.0');
    await submit();
    expect(wxError((await release()).json)).toEqual(NOT_ALLOWED);
    await decide('delay');
    expect(wxError((await release()).json)).toEqual(NOT_ALLOWED);
    expect((await get('undocodeaudit')).json).toEqual(OK);
    expect(wxError((await release()).json)).toEqual(NOT_ALLOWED);
    await submit();
    await decide('reject');
    expect(wxError((await release()).json)).toEqual(NOT_ALLOWED);
    expect((await code()).online).toBeNull();
    await at(T + 100);
    await submit();
    await at(T + 110);
    await decide('pass');
    await at(T + 120);
    expect((await release()).text).toBe(OK_TEXT);
    expect(await versionInfo()).toBe(
      `{"errcode":0,"errmsg":"ok","exp_info":{"exp_time":${T + 1},"exp_version":"1.0.0","exp_desc":"desc 1.0.0"},"release_info":{"release_time":${T + 120},"release_version":"1.0.0","release_desc":"desc 1.0.0"}}`,
    );
  });

  it('85052 once the passed version is released, before the commit-after-pass check', async () => {
    await ship('1.0.0', T + 100);
    expect(wxError((await release()).json)).toEqual(RELEASED);
    await at(T + 200);
    await commit('1.0.1');
    expect(wxError((await release()).json)).toEqual(RELEASED);
    // Only a new passed audit can be released.
    await submit();
    await at(T + 210);
    await decide('pass');
    expect((await release()).json).toEqual(OK);
    expect((await code()).online).toMatchObject({ app_version: 2, user_version: '1.0.1' });
  });

  it('85020 when the trial was committed after the pass; a commit during the audit does not matter', async () => {
    await at(T + 100);
    await commit('1.0.0');
    await submit();
    await at(T + 110);
    await commit('1.0.1');
    await at(T + 120);
    await decide('pass');
    await at(T + 130);
    await commit('1.0.2');
    expect(wxError((await release()).json)).toEqual(NOT_ALLOWED);
    // Resubmitting the new trial and passing it makes it releasable.
    await submit();
    await at(T + 140);
    await decide('pass');
    expect((await release()).json).toEqual(OK);
    expect((await code()).online).toMatchObject({ app_version: 3, user_version: '1.0.2' });

    // The audit of 1.0.0 passed after the commit of 1.0.1: the audited version is the one released.
    await at(T + 200);
    await commit('1.0.3');
    await submit();
    await at(T + 210);
    await commit('1.0.4');
    await at(T + 220);
    await decide('pass');
    expect((await release()).json).toEqual(OK);
    expect((await code()).online).toMatchObject({ app_version: 4, user_version: '1.0.3' });
  });

  it('puts the domains in force and marks the account released, as the control-plane shortcut does', async () => {
    const account = async () => (await h.get(`/_wxlocal/accounts/${w.miniProgram.appid}`)).json;
    expect((await account()).code_released).toBe(false);
    await ship('1.0.0', T + 100);
    expect((await account()).code_released).toBe(true);
    expect((await account()).visit_status).toBe('open');
  });

  it('44002 for an empty body; 48001 for a component token; 86000 for the own token', async () => {
    expect(wxError((await post('release', '')).json)).toEqual({ errcode: 44002, base: 'empty post data' });
    expect(wxError((await post('release', {}, w.componentToken)).json)).toEqual({
      errcode: 48001,
      base: 'api unauthorized',
    });
    const own = (
      await h.get(
        `/cgi-bin/token?grant_type=client_credential&appid=${w.miniProgram.appid}&secret=${w.miniProgram.secret}`,
      )
    ).json.access_token;
    expect(wxError((await post('release', {}, own)).json)).toEqual({
      errcode: 86000,
      base: 'should be called only from third party',
    });
  });
});

describe('getversioninfo', () => {
  it('leaves out what does not exist; 44002 for an empty body', async () => {
    expect(await versionInfo()).toBe(OK_TEXT);
    await at(T + 50);
    await commit('1.0.0');
    expect(await versionInfo()).toBe(
      `{"errcode":0,"errmsg":"ok","exp_info":{"exp_time":${T + 50},"exp_version":"1.0.0","exp_desc":"desc 1.0.0"}}`,
    );
    expect(wxError((await post('getversioninfo', '')).json)).toEqual({
      errcode: 44002,
      base: 'empty post data',
    });
  });

  it('the control-plane shortcut creates no release_info', async () => {
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect(await versionInfo()).toBe(OK_TEXT);
  });
});

describe('revertcoderelease', () => {
  it('keeps the 5 latest releases: the history lists the 4 before the online one, newest first', async () => {
    expect((await revert('?action=get_history_version')).text).toBe(
      '{"errcode":0,"errmsg":"ok","version_list":[]}',
    );
    for (let i = 1; i <= 7; i++) await ship(`1.0.${i}`, T + i * 100);
    expect((await revert('?action=get_history_version')).text).toBe(
      `{"errcode":0,"errmsg":"ok","version_list":[${[6, 5, 4, 3]
        .map(
          (i) =>
            `{"app_version":${i},"user_version":"1.0.${i}","user_desc":"desc 1.0.${i}","commit_time":${T + i * 100}}`,
        )
        .join(',')}]}`,
    );
    expect((await code()).history.map((release: { app_version: number }) => release.app_version)).toEqual([
      7, 6, 5, 4, 3,
    ]);
    // app_version is ignored with the action.
    expect((await revert('?action=get_history_version&app_version=abc')).json.version_list).toHaveLength(4);
    expect(wxError((await revert('?app_version=2')).json)).toEqual(FORBID_REVERT);
  });

  it('rolls back to the previous version; the rollback cannot be rolled back and lists nothing', async () => {
    await ship('1.0.1', T + 100);
    await ship('1.0.2', T + 200);
    await at(T + 300);
    expect((await revert()).text).toBe(OK_TEXT);
    expect(await versionInfo()).toBe(
      `{"errcode":0,"errmsg":"ok","exp_info":{"exp_time":${T + 200},"exp_version":"1.0.2","exp_desc":"desc 1.0.2"},"release_info":{"release_time":${T + 300},"release_version":"1.0.1","release_desc":"desc 1.0.1"}}`,
    );
    expect((await code()).online).toEqual({
      app_version: 1,
      user_version: '1.0.1',
      user_desc: 'desc 1.0.1',
      release_time: T + 300,
      is_rollback: true,
    });
    expect((await revert('?action=get_history_version')).text).toBe(
      '{"errcode":0,"errmsg":"ok","version_list":[]}',
    );
    expect(wxError((await revert()).json)).toEqual(FORBID_REVERT);
    expect(wxError((await revert('?app_version=2')).json)).toEqual(FORBID_REVERT);
    // The passed version stays released: only a new audit can go online.
    expect(wxError((await release()).json)).toEqual(RELEASED);
    await ship('1.0.3', T + 400);
    // 1.0.1 was online twice; it is listed once, and 1.0.2 is listed after it.
    expect((await history()).version_list.map((v: { app_version: number }) => v.app_version)).toEqual([1, 2]);
  });

  it('rolls back to a listed app_version, sent as a number string', async () => {
    for (let i = 1; i <= 3; i++) await ship(`1.0.${i}`, T + i * 100);
    await at(T + 500);
    expect((await revert('?app_version=1')).json).toEqual(OK);
    expect((await code()).online).toMatchObject({ app_version: 1, user_version: '1.0.1', is_rollback: true });
    expect((await code()).history).toEqual([
      { app_version: 1, user_version: '1.0.1', release_time: T + 500, is_rollback: true },
      { app_version: 3, user_version: '1.0.3', release_time: T + 320, is_rollback: false },
      { app_version: 2, user_version: '1.0.2', release_time: T + 220, is_rollback: false },
      { app_version: 1, user_version: '1.0.1', release_time: T + 120, is_rollback: false },
    ]);
  });

  it('87012 with no online version, no earlier version, or an app_version not listed', async () => {
    expect(wxError((await revert()).json)).toEqual(FORBID_REVERT);
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect(wxError((await revert()).json)).toEqual(FORBID_REVERT);
    await ship('1.0.1', T + 100);
    expect(wxError((await revert()).json)).toEqual(FORBID_REVERT);
    expect(wxError((await revert('?app_version=1')).json)).toEqual(FORBID_REVERT);
    await ship('1.0.2', T + 200);
    for (const version of ['2', '3', '99']) {
      expect(wxError((await revert(`?app_version=${version}`)).json), version).toEqual(FORBID_REVERT);
    }
    expect((await code()).online).toMatchObject({ app_version: 2, is_rollback: false });
  });

  it('40097 for another action or an app_version that is not a positive integer, before 87011 and 87012', async () => {
    for (const query of [
      '?action=get_history',
      '?action=',
      '?action=GET_HISTORY_VERSION',
      '?app_version=abc',
      '?app_version=0',
      '?app_version=-1',
      '?app_version=1.5',
      '?app_version=',
    ]) {
      expect(wxError((await revert(query)).json), query).toEqual(INVALID_ARGS);
    }
  });

  it('87011 while a gray plan runs, before 87012; possible again once it is cancelled', async () => {
    await ship('1.0.1', T + 100);
    await ship('1.0.2', T + 200);
    await commit('1.0.3');
    await submit();
    await decide('pass');
    expect((await post('grayrelease', { gray_percentage: 10 })).json).toEqual(OK);
    expect(wxError((await revert()).json)).toEqual(GRAY_RUNNING);
    expect(wxError((await revert('?app_version=42')).json)).toEqual(GRAY_RUNNING);
    expect(wxError((await revert('?app_version=x')).json)).toEqual(INVALID_ARGS);
    // Listing is not a rollback.
    expect((await history()).version_list).toHaveLength(1);
    expect((await get('revertgrayrelease')).json).toEqual(OK);
    expect((await revert()).json).toEqual(OK);
    expect((await code()).online).toMatchObject({ app_version: 1, is_rollback: true });
  });
});

describe('grayrelease', () => {
  const gray = (body: unknown) => post('grayrelease', body);
  const plan = async () => (await get('getgrayreleaseplan')).text;
  const planText = (
    status: number,
    created: number,
    percentage: number,
    debuger = false,
    experiencer = false,
  ) =>
    `{"errcode":0,"errmsg":"ok","gray_release_plan":{"status":${status},"create_timestamp":${created},"gray_percentage":${percentage},"support_debuger_first":${debuger},"support_experiencer_first":${experiencer}}}`;
  /** 1.0.1 online and 1.0.2 passed, not released. */
  const passedAfterRelease = async () => {
    await ship('1.0.1', T + 100);
    await at(T + 200);
    await commit('1.0.2');
    await submit();
    await decide('pass');
  };

  it('no plan: status 0 with zero values', async () => {
    expect(await plan()).toBe(planText(0, 0, 0));
    expect((await get('revertgrayrelease')).text).toBe(OK_TEXT);
    expect(await plan()).toBe(planText(0, 0, 0));
  });

  it('starts, raises and completes a plan; the release finishes it', async () => {
    await passedAfterRelease();
    await at(T + 300);
    expect((await gray({ gray_percentage: 10, support_debuger_first: true })).text).toBe(OK_TEXT);
    expect(await plan()).toBe(planText(1, T + 300, 10, true));
    await at(T + 400);
    expect((await gray({ gray_percentage: '30', support_experiencer_first: true })).json).toEqual(OK);
    expect(await plan()).toBe(planText(1, T + 300, 30, false, true));
    expect(wxError((await gray({ gray_percentage: 29 })).json)).toEqual({
      errcode: 85082,
      base: 'gray percentage too low',
    });
    expect((await gray({ gray_percentage: 30 })).json).toEqual(OK);
    expect(await plan()).toBe(planText(1, T + 300, 30));
    expect((await release()).json).toEqual(OK);
    expect(await plan()).toBe(planText(3, T + 300, 30));
    expect((await code()).online).toMatchObject({ app_version: 2, is_rollback: false });
    // Released: nothing left to release in stages.
    expect(wxError((await gray({ gray_percentage: 50 })).json).errcode).toBe(85080);
  });

  it('revertgrayrelease cancels a running plan; a new plan may start lower', async () => {
    await passedAfterRelease();
    await at(T + 300);
    await gray({ gray_percentage: 50 });
    expect((await get('revertgrayrelease')).json).toEqual(OK);
    expect(await plan()).toBe(planText(4, T + 300, 50));
    expect((await get('revertgrayrelease')).json).toEqual(OK);
    expect(await plan()).toBe(planText(4, T + 300, 50));
    await at(T + 400);
    expect((await gray({ gray_percentage: 0, support_experiencer_first: true })).json).toEqual(OK);
    expect(await plan()).toBe(planText(1, T + 400, 0, false, true));
  });

  it('85081 for a percentage missing, outside 0–100, not an integer, or 0 with no group first', async () => {
    await passedAfterRelease();
    for (const body of [
      {},
      { gray_percentage: null },
      { gray_percentage: 101 },
      { gray_percentage: -1 },
      { gray_percentage: '101' },
      { gray_percentage: 1.5 },
      { gray_percentage: 'abc' },
      { gray_percentage: '' },
      { gray_percentage: true },
      { gray_percentage: [10] },
      { gray_percentage: 0 },
      { gray_percentage: '0', support_debuger_first: false, support_experiencer_first: false },
    ]) {
      expect(wxError((await gray(body)).json), JSON.stringify(body)).toEqual({
        errcode: 85081,
        base: 'invalid gray percentage',
      });
    }
    expect(await plan()).toBe(planText(0, 0, 0));
  });

  it('86002 first, then 85081, 85079, 85080, 85082', async () => {
    const init = (value: boolean) =>
      h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { init_completed: value });
    const codeOf = async (body: unknown) => wxError((await gray(body)).json);
    await init(false);
    expect(await codeOf({ gray_percentage: 200 })).toEqual({
      errcode: 86002,
      base: 'miniprogram have not completed init procedure',
    });
    await init(true);
    expect((await codeOf({ gray_percentage: 200 })).errcode).toBe(85081);
    const noOnline = { errcode: 85079, base: 'miniprogram has no online release' };
    expect(await codeOf({ gray_percentage: 10 })).toEqual(noOnline);
    // A passed audit is not enough, nor is the control-plane shortcut.
    await commit('1.0.1');
    await submit();
    await decide('pass');
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect(await codeOf({ gray_percentage: 10 })).toEqual(noOnline);
    const notApproved = { errcode: 85080, base: 'miniprogram commit not approved' };
    expect((await release()).json).toEqual(OK);
    expect(await codeOf({ gray_percentage: 10 })).toEqual(notApproved);
    await commit('1.0.2');
    await submit();
    expect(await codeOf({ gray_percentage: 10 })).toEqual(notApproved);
    await decide('reject');
    expect(await codeOf({ gray_percentage: 10 })).toEqual(notApproved);
    await submit();
    await decide('pass');
    expect((await gray({ gray_percentage: 50 })).json).toEqual(OK);
    // A new audit after the pass: 85080 comes before 85082.
    await commit('1.0.3');
    await submit();
    expect(await codeOf({ gray_percentage: 10 })).toEqual(notApproved);
    expect(await codeOf({ gray_percentage: 60 })).toEqual(notApproved);
    expect((await code()).gray_plan).toMatchObject({ status: 1, gray_percentage: 50 });
  });
});

describe('change_visitstatus and getvisitstatus', () => {
  const visit = async () => (await post('getvisitstatus')).text;

  it('open by default; close and open again, the same value twice', async () => {
    expect(await visit()).toBe('{"errcode":0,"errmsg":"ok","status":1}');
    expect((await post('change_visitstatus', { action: 'close' })).text).toBe(OK_TEXT);
    expect(await visit()).toBe('{"errcode":0,"errmsg":"ok","status":0}');
    expect((await code()).visit_status).toBe('close');
    expect((await post('change_visitstatus', { action: 'close' })).json).toEqual(OK);
    expect(await visit()).toBe('{"errcode":0,"errmsg":"ok","status":0}');
    // A release does not reopen it.
    await ship('1.0.0', T + 100);
    expect(await visit()).toBe('{"errcode":0,"errmsg":"ok","status":0}');
    expect((await post('change_visitstatus', { action: 'open' })).json).toEqual(OK);
    expect(await visit()).toBe('{"errcode":0,"errmsg":"ok","status":1}');
  });

  it('85022 (empty errmsg) for another or no action; 44002 for empty bodies', async () => {
    for (const body of [{}, { action: '' }, { action: 'OPEN' }, { action: 'pause' }, { action: 1 }]) {
      expect(wxError((await post('change_visitstatus', body)).json), JSON.stringify(body)).toEqual({
        errcode: 85022,
        base: '',
      });
    }
    expect(await visit()).toBe('{"errcode":0,"errmsg":"ok","status":1}');
    const empty = { errcode: 44002, base: 'empty post data' };
    expect(wxError((await post('change_visitstatus', '')).json)).toEqual(empty);
    expect(wxError((await post('getvisitstatus', '')).json)).toEqual(empty);
  });
});

describe('GET /_wxlocal/accounts/:appid/code', () => {
  it('the whole code state, times in Unix seconds', async () => {
    const empty = await h.get(`/_wxlocal/accounts/${w.miniProgram.appid}/code`);
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({
      trial: null,
      audits: [],
      online: null,
      history: [],
      gray_plan: null,
      visit_status: 'open',
    });
    await ship('1.0.1', T + 100);
    await at(T + 200);
    await commit('1.0.2');
    const auditid = await submit();
    await at(T + 210);
    await decide('pass');
    await at(T + 220);
    await post('grayrelease', { gray_percentage: 20 });
    await post('change_visitstatus', { action: 'close' });
    expect(await code()).toEqual({
      trial: {
        app_version: 2,
        template_id: 1,
        user_version: '1.0.2',
        user_desc: 'desc 1.0.2',
        commit_time: T + 200,
        ext_json: '{}',
        pages: ['pages/index/index', 'pages/about/about'],
        subpackages: [],
        tabbar_pages: [],
        required_private_infos: [],
        privacy_scan_done: true,
      },
      audits: [
        {
          auditid,
          status: 0,
          reason: '',
          screenshot: '',
          app_version: 2,
          user_version: '1.0.2',
          user_desc: 'desc 1.0.2',
          submit_audit_time: T + 200,
          sped_up: false,
          released: false,
          due_at: null,
          due_result: null,
        },
        {
          auditid: auditid - 1,
          status: 0,
          reason: '',
          screenshot: '',
          app_version: 1,
          user_version: '1.0.1',
          user_desc: 'desc 1.0.1',
          submit_audit_time: T + 100,
          sped_up: false,
          released: true,
          due_at: null,
          due_result: null,
        },
      ],
      online: {
        app_version: 1,
        user_version: '1.0.1',
        user_desc: 'desc 1.0.1',
        release_time: T + 120,
        is_rollback: false,
      },
      history: [{ app_version: 1, user_version: '1.0.1', release_time: T + 120, is_rollback: false }],
      gray_plan: { status: 1, gray_percentage: 20, create_timestamp: T + 220 },
      visit_status: 'close',
    });
  });

  it('404 for an unknown account, 400 for an Official Account', async () => {
    expect((await h.get('/_wxlocal/accounts/wx0000000000000000/code')).status).toBe(404);
    const oa = await h.get(`/_wxlocal/accounts/${w.officialAccount.appid}/code`);
    expect(oa.status).toBe(400);
    expect(oa.json).toEqual({ error: `${w.officialAccount.appid} is not a Mini Program` });
  });
});
