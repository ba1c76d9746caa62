import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const OK = { errcode: 0, errmsg: 'ok' };
const FIRST_AUDITID = 400_000_001;
const REJECT_REASON = '帐号信息不合规范';
const DELAY_REASON =
  '为了更好的服务小程序，您的服务商正在进行提审系统的优化，可能会导致审核时效的增长，请耐心等待';
const err = (errcode: number, base: string) => ({ errcode, base });
const E = {
  notInit: err(86002, 'miniprogram have not completed init procedure'),
  noTrial: err(85086, 'must commit before submit audit'),
  pending: err(85009, 'already submit a version under auditing'),
  itemSize: err(85023, 'item size is not in valid range'),
  itemEmpty: err(85010, 'item_list 有项目为空'),
  tags: err(85006, '标签格式错误'),
  address: err(85007, '页面路径错误'),
  title: err(85011, '标题填写错误'),
  category: err(85008, 'category is in invalid format'),
  ugc: err(85094, 'need add ugc declare'),
  scanning: err(61039, '隐私接口检查任务未完成，请稍等一分钟再重试'),
  auditLimit: err(85085, 'submit audit reach limit, please try later'),
  auditid: err(85012, 'invalid audit id'),
  noAudit: err(85058, 'no valid audit_id exist'),
  cannotUndo: err(87012, 'forbid revert this version release'),
  undoLimit: err(87013, 'no quota to undo code'),
  notQueued: err(89402, '该小程序不在待审核队列，请检查是否已提交审核或已审完'),
  spedUp: err(89404, '本单已加速成功，请勿重复提交'),
  speedupLimit: err(89405, '本月加急额度已用完，请提高提审质量以获取更多额度'),
};

const TOOL = { first_class: '工具', second_class: '备忘录', first_id: 1, second_id: 2 };

// The Mini Program's code APIs.
const submit = (body: unknown = {}, token = w.mpToken) =>
  h.post(`/wxa/submit_audit?access_token=${token}`, body);
const auditStatus = (auditid: unknown, token = w.mpToken) =>
  h.post(`/wxa/get_auditstatus?access_token=${token}`, auditid === undefined ? {} : { auditid });
const latest = (token = w.mpToken) => h.get(`/wxa/get_latest_auditstatus?access_token=${token}`);
const undo = (token = w.mpToken) => h.get(`/wxa/undocodeaudit?access_token=${token}`);
const speedup = (auditid: unknown, token = w.mpToken) =>
  h.post(`/wxa/speedupaudit?access_token=${token}`, { auditid });
const quota = async (token = w.mpToken) => (await h.get(`/wxa/queryquota?access_token=${token}`)).json;

// The control plane.
const review = (body: unknown, appid = w.miniProgram.appid) =>
  h.post(`/_wxlocal/accounts/${appid}/audit`, body);
const patchPlatform = (body: unknown) => h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, body);
const patchAccount = (body: unknown, appid = w.miniProgram.appid) =>
  h.call('PATCH', `/_wxlocal/accounts/${appid}`, body);
const clockNow = async (): Promise<number> => (await h.get('/_wxlocal/clock')).json.now;
const setClock = (unixSeconds: number) => h.post('/_wxlocal/clock', { set: unixSeconds });
/** A wall-clock time in China (UTC+8) as Unix seconds. */
const china = (time: string) => Date.parse(`${time}+08:00`) / 1000;

/** A new authorizer token, as re-authorizing gives one: tokens expire when the clock jumps. */
async function renewToken(appid: string): Promise<string> {
  const granted = await h.post('/_wxlocal/authorizations', {
    component_appid: w.platform.appid,
    authorizer_appid: appid,
    func_info: [18],
  });
  return granted.json.authorizer_access_token;
}

/** Sets the clock to a China wall-clock time, with a fresh token for the Mini Program. */
async function moveTo(time: string): Promise<void> {
  await setClock(china(time));
  w.mpToken = await renewToken(w.miniProgram.appid);
}

async function submitError(body: unknown = {}, token = w.mpToken) {
  return wxError((await submit(body, token)).json);
}

/** Submits and returns the new audit's id. */
async function submitted(body: unknown = {}, token = w.mpToken): Promise<number> {
  const response = await submit(body, token);
  expect(response.json, response.text).toMatchObject(OK);
  return response.json.auditid;
}

interface TrialOptions {
  privacy_apis?: string[];
  ext?: Record<string, unknown>;
  token?: string;
  user_version?: string;
}

/** A DevTools upload, added to the library and committed with `ext`: the Mini Program's trial version. */
async function commitTrial(options: TrialOptions = {}): Promise<void> {
  const draft = await h.post(`/_wxlocal/platforms/${w.platform.appid}/drafts`, {
    user_version: 'tpl-1.0.0',
    user_desc: 'template',
    pages: ['pages/index', 'pages/detail'],
    subpackages: [{ root: 'pkg', pages: ['list'] }],
    privacy_apis: options.privacy_apis ?? [],
  });
  expect(draft.status, draft.text).toBe(201);
  const added = await h.post(`/wxa/addtotemplate?access_token=${w.componentToken}`, {
    draft_id: draft.json.draft_id,
    template_type: 0,
  });
  expect(added.json).toEqual(OK);
  const templates = (await h.get(`/wxa/gettemplatelist?access_token=${w.componentToken}`)).json.template_list;
  const templateId = Math.max(...templates.map((template: { template_id: number }) => template.template_id));
  const committed = await h.post(`/wxa/commit?access_token=${options.token ?? w.mpToken}`, {
    template_id: templateId,
    ext_json: JSON.stringify(options.ext ?? {}),
    user_version: options.user_version ?? 'v1.0.1',
    user_desc: 'merchant build',
  });
  expect(committed.json, committed.text).toEqual(OK);
}

/** Another Mini Program authorized to the same platform with set 18. */
async function secondMiniProgram(): Promise<{ appid: string; token: string }> {
  const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
  const authorization = (
    await h.post('/_wxlocal/authorizations', {
      component_appid: w.platform.appid,
      authorizer_appid: account.appid,
      func_info: [18],
    })
  ).json;
  return { appid: account.appid, token: authorization.authorizer_access_token };
}

describe('submit_audit', () => {
  it('puts the trial version under audit (status 2) and answers its auditid', async () => {
    await commitTrial({ user_version: 'v2.3.4' });
    const before = await clockNow();
    const response = await submit({
      item_list: [{ ...TOOL, address: 'pages/index', tag: '工具 效率', title: '首页' }],
    });
    const after = await clockNow();
    expect(response.text).toBe(`{"errcode":0,"errmsg":"ok","auditid":${FIRST_AUDITID}}`);
    expect((await auditStatus(FIRST_AUDITID)).text).toBe('{"errcode":0,"errmsg":"ok","status":2}');
    const latestStatus = await latest();
    const submitTime = latestStatus.json.submit_audit_time;
    expect(submitTime).toBeGreaterThanOrEqual(before);
    expect(submitTime).toBeLessThanOrEqual(after);
    expect(latestStatus.text).toBe(
      `{"errcode":0,"errmsg":"ok","auditid":${FIRST_AUDITID},"status":2,"user_version":"v2.3.4","user_desc":"merchant build","submit_audit_time":${submitTime}}`,
    );
  });

  it('accepts an absent, null or empty item_list, ids sent as numeric strings, and sub-package pages', async () => {
    await commitTrial();
    for (const body of [
      {},
      { item_list: null },
      { item_list: [] },
      { item_list: [{ ...TOOL, first_id: '1', second_id: '2', address: 'pkg/list' }] },
      { item_list: [{ ...TOOL, address: '', tag: '', title: '' }] },
    ]) {
      const auditid = await submitted(body);
      expect((await review({ result: 'reject' })).status, JSON.stringify(body)).toBe(200);
      expect((await auditStatus(auditid)).json.status).toBe(1);
    }
  });

  it('checks its rules in order: each fix reveals the next error', async () => {
    // Every rule is broken at first; each step fixes the rule that answered, the later ones stay broken.
    await patchAccount({ init_completed: false, categories: [] });
    await patchPlatform({ privacy_scan_seconds: 600, audit_quota: { limit: 0, speedup_limit: 10 } });
    const social = { first_class: '社交', second_class: '笔记', first_id: 3, second_id: 4 };
    const tags20 = Array.from({ length: 10 }, (_, i) => `${'标'.repeat(19)}${i}`).join(' ');
    const bad = { ...social, tag: `${tags20} extra`, address: 'pages/missing', title: '题'.repeat(33) };
    const sixItems = Array.from({ length: 6 }, () => ({ ...bad }));
    expect(await submitError({ item_list: sixItems })).toEqual(E.notInit);
    await patchAccount({ init_completed: true });
    expect(await submitError({ item_list: sixItems })).toEqual(E.noTrial);
    await commitTrial({ privacy_apis: ['wx.getLocation'] });

    for (const item_list of [sixItems, 'pages/index', {}, 7]) {
      expect(await submitError({ item_list }), JSON.stringify(item_list)).toEqual(E.itemSize);
    }
    const { second_id: _, ...noSecondId } = bad;
    for (const item_list of [[noSecondId], [bad, null], [{ ...bad, first_class: '' }], [bad, '社交']]) {
      expect(await submitError({ item_list }), JSON.stringify(item_list)).toEqual(E.itemEmpty);
    }
    for (const tag of [bad.tag, `ok ${'x'.repeat(21)}`, 42]) {
      expect(await submitError({ item_list: [{ ...bad, tag }] }), String(tag)).toEqual(E.tags);
    }
    const tagged = { ...bad, tag: tags20 };
    for (const address of ['pages/missing', '/pages/index', 'pkg', 'list', 1]) {
      expect(await submitError({ item_list: [{ ...tagged, address }] }), String(address)).toEqual(E.address);
    }
    const addressed = { ...tagged, address: 'pkg/list' };
    for (const title of [bad.title, 7]) {
      expect(await submitError({ item_list: [{ ...addressed, title }] }), String(title)).toEqual(E.title);
    }
    const titled = { ...addressed, title: '题'.repeat(32) };
    expect(await submitError({ item_list: [titled] })).toEqual(E.category);
    expect(await submitError({})).toEqual(E.category);
    await patchAccount({ categories: [social] });
    for (const ids of [
      { first_id: 1, second_id: 2 },
      { first_id: 3, second_id: 5 },
      { third_id: 9 },
      { first_id: 'x3' },
    ]) {
      expect(await submitError({ item_list: [{ ...titled, ...ids }] }), JSON.stringify(ids)).toEqual(
        E.category,
      );
    }
    const item_list = [titled, { ...titled, first_id: '3', second_id: '4' }];
    expect(await submitError({ item_list })).toEqual(E.ugc);
    expect(await submitError({ item_list, ugc_declare: null })).toEqual(E.ugc);
    const ugc_declare = { scene: [1], method: [1], has_audit_team: 1, audit_desc: '人工审核' };
    expect(await submitError({ item_list, ugc_declare })).toEqual(E.scanning);
    await advanceClock(h, 599);
    expect(await submitError({ item_list, ugc_declare })).toEqual(E.scanning);
    await advanceClock(h, 1);
    expect(await submitError({ item_list, ugc_declare })).toEqual({
      errcode: 61040,
      base: '代码中含有ext.json未配置隐私接口getLocation(暂无权限)，请配置并申请权限或者承诺不使用这些接口（设置参数privacy_api_not_use为true）后再提交审核',
    });
    const promised = { item_list, ugc_declare, privacy_api_not_use: true };
    expect(await submitError(promised)).toEqual(E.auditLimit);
    await patchPlatform({ audit_quota: { limit: 1, speedup_limit: 10 } });
    expect((await submit(promised)).json).toEqual({ ...OK, auditid: FIRST_AUDITID });

    // A pending audit comes before every item rule; the account's state before it.
    expect(await submitError({ item_list: sixItems })).toEqual(E.pending);
    await patchAccount({ init_completed: false });
    expect(await submitError({ item_list: sixItems })).toEqual(E.notInit);
  });

  it('85094 only for the first audit of a UGC category (社交: 社区/论坛, 笔记, 问答)', async () => {
    const ugc = (second_class: string, second_id: number) => ({
      first_class: '社交',
      second_class,
      first_id: 3,
      second_id,
    });
    await patchAccount({ categories: [TOOL, ugc('社区/论坛', 4), ugc('直播', 5), ugc('问答', 6)] });
    await commitTrial();
    expect(await submitError({ item_list: [{ ...TOOL }, { ...ugc('问答', 6) }] })).toEqual(E.ugc);
    // An empty list stands for all the account's categories.
    expect(await submitError({})).toEqual(E.ugc);
    // Items name categories by id: these are 工具 and 社交-直播.
    await submitted({ item_list: [{ ...TOOL }, { ...ugc('社区/论坛', 5) }] });
    await undo();
    // Not the first audit any more.
    await submitted({ item_list: [{ ...ugc('社区/论坛', 4) }] });
  });

  it('85094 is met by any ugc_declare object', async () => {
    await patchAccount({
      categories: [{ first_class: '社交', second_class: '笔记', first_id: 3, second_id: 4 }],
    });
    await commitTrial();
    await submitted({ ugc_declare: {} });
  });

  it('61040 names the undeclared APIs, else the unpermitted ones; privacy_api_not_use skips it', async () => {
    await commitTrial({ privacy_apis: ['wx.getLocation', 'wx.chooseAddress'] });
    expect(await submitError()).toEqual({
      errcode: 61040,
      base: '代码中含有ext.json未配置隐私接口getLocation,chooseAddress(暂无权限)，请配置并申请权限或者承诺不使用这些接口（设置参数privacy_api_not_use为true）后再提交审核',
    });
    await commitTrial({
      privacy_apis: ['wx.getLocation', 'wx.chooseAddress'],
      ext: { requiredPrivateInfos: ['getLocation', 'chooseAddress'] },
    });
    await patchAccount({ permitted_privacy_apis: ['wx.getLocation'] });
    expect(await submitError()).toEqual({
      errcode: 61040,
      base: 'ext.json配置的隐私接口chooseAddress无权限，请申请权限后再提交审核',
    });
    expect(await submitError({ privacy_api_not_use: false })).toMatchObject({ errcode: 61040 });
    await submitted({ privacy_api_not_use: true });
  });

  it('the audit keeps the snapshot of the trial it was submitted with', async () => {
    await commitTrial({ user_version: 'v1' });
    await submitted();
    await commitTrial({ user_version: 'v2' });
    expect((await latest()).json.user_version).toBe('v1');
    expect(await submitError()).toEqual(E.pending);
    await undo();
    await submitted();
    expect((await latest()).json).toMatchObject({ auditid: FIRST_AUDITID + 1, user_version: 'v2' });
  });
});

describe('get_auditstatus and get_latest_auditstatus', () => {
  it('85058 before any audit; 85012 for a missing, malformed, unknown or foreign auditid', async () => {
    expect(wxError((await latest()).json)).toEqual(E.noAudit);
    await commitTrial();
    const auditid = await submitted();
    const other = await secondMiniProgram();
    await commitTrial({ token: other.token });
    const foreign = await submitted({}, other.token);
    expect(foreign).toBe(auditid + 1);
    for (const id of [undefined, null, 'abc', `${auditid}x`, auditid + 0.5, true, [auditid], 1, foreign]) {
      expect(wxError((await auditStatus(id)).json), String(id)).toEqual(E.auditid);
    }
    expect((await auditStatus(String(auditid))).json).toEqual({ ...OK, status: 2 });
    expect((await auditStatus(foreign, other.token)).json).toEqual({ ...OK, status: 2 });
  });

  it('reason for a rejection or a delay, screenshot for a rejection only; latest sends ScreenShot and screenshot', async () => {
    await commitTrial({ user_version: 'v9' });
    const auditid = await submitted();
    const submitTime = (await latest()).json.submit_audit_time;
    const latestText = (fields: string) =>
      `{"errcode":0,"errmsg":"ok","auditid":${auditid},${fields},"user_version":"v9","user_desc":"merchant build","submit_audit_time":${submitTime}}`;

    await review({ result: 'delay', reason: '需要补充材料' });
    expect((await auditStatus(auditid)).text).toBe(
      '{"errcode":0,"errmsg":"ok","status":4,"reason":"需要补充材料"}',
    );
    expect((await latest()).text).toBe(latestText('"status":4,"reason":"需要补充材料"'));

    await review({ result: 'reject', reason: '功能不完整', screenshot: 'media1|media2' });
    expect((await auditStatus(auditid)).text).toBe(
      '{"errcode":0,"errmsg":"ok","status":1,"reason":"功能不完整","screenshot":"media1|media2"}',
    );
    expect((await latest()).text).toBe(
      latestText(
        '"status":1,"reason":"功能不完整","ScreenShot":"media1|media2","screenshot":"media1|media2"',
      ),
    );

    const second = await submitted();
    await review({ result: 'pass' });
    expect((await auditStatus(second)).text).toBe('{"errcode":0,"errmsg":"ok","status":0}');
    expect((await latest()).json).toMatchObject({ auditid: second, status: 0 });
    expect(Object.keys((await latest()).json)).toEqual([
      'errcode',
      'errmsg',
      'auditid',
      'status',
      'user_version',
      'user_desc',
      'submit_audit_time',
    ]);
    // The older audit keeps its own result.
    expect((await auditStatus(auditid)).json.status).toBe(1);

    const third = await submitted();
    await undo();
    expect((await auditStatus(third)).text).toBe('{"errcode":0,"errmsg":"ok","status":3}');
  });
});

describe('the reviewer (POST /_wxlocal/accounts/:appid/audit)', () => {
  it('passes, rejects or delays the pending audit, with default reasons', async () => {
    await commitTrial();
    const auditid = await submitted();
    const delayed = await review({ result: 'delay' });
    expect(delayed.status).toBe(200);
    expect(delayed.json).toEqual({ auditid, status: 4, reason: DELAY_REASON, screenshot: '' });
    // A delay on a delayed audit is a new decision.
    expect((await review({ result: 'delay', reason: '排队中' })).json).toEqual({
      auditid,
      status: 4,
      reason: '排队中',
      screenshot: '',
    });
    expect((await review({ result: 'reject' })).json).toEqual({
      auditid,
      status: 1,
      reason: REJECT_REASON,
      screenshot: '',
    });
    const second = await submitted();
    expect((await review({ result: 'pass', reason: 'ignored' })).json).toEqual({
      auditid: second,
      status: 0,
      reason: '',
      screenshot: '',
    });
  });

  it('409 without a pending audit, 404 for an unknown account, 400 for a bad body', async () => {
    const noPending = { error: `${w.miniProgram.appid} has no audit pending` };
    const refused = await review({ result: 'pass' });
    expect({ status: refused.status, json: refused.json }).toEqual({ status: 409, json: noPending });
    await commitTrial();
    await submitted();
    await review({ result: 'reject' });
    expect((await review({ result: 'pass' })).status).toBe(409);
    await submitted();
    await undo();
    expect((await review({ result: 'delay' })).status).toBe(409);
    expect((await review({ result: 'pass' }, 'wx0000000000000000')).status).toBe(404);
    for (const body of [{}, { result: 'approve' }, { result: 'pass', extra: 1 }]) {
      expect((await review(body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('undocodeaudit', () => {
  it('withdraws a pending (2 or 4) audit; 87012 when none is pending', async () => {
    expect(wxError((await undo()).json)).toEqual(E.cannotUndo);
    await commitTrial();
    const first = await submitted();
    expect((await undo()).text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect((await auditStatus(first)).json.status).toBe(3);
    expect(wxError((await undo()).json)).toEqual(E.cannotUndo);
    const second = await submitted();
    await review({ result: 'delay' });
    expect((await undo()).json).toEqual(OK);
    expect((await auditStatus(second)).json.status).toBe(3);
    await submitted();
    await review({ result: 'reject' });
    expect(wxError((await undo()).json)).toEqual(E.cannotUndo);
    await submitted();
    await review({ result: 'pass' });
    expect(wxError((await undo()).json)).toEqual(E.cannotUndo);
    // Withdrawn audits still used the month's audit quota.
    expect((await quota()).rest).toBe(96);
  });

  it('5 a day and 10 a month per Mini Program, China time; failures keep the audit pending', async () => {
    await commitTrial();
    const other = await secondMiniProgram();
    await commitTrial({ token: other.token });
    const submitAndUndo = async () => {
      await submitted();
      return undo();
    };
    await moveTo('2030-01-29T23:58:00');
    for (let i = 0; i < 5; i++) expect((await submitAndUndo()).json, `undo ${i}`).toEqual(OK);
    expect(wxError((await submitAndUndo()).json)).toEqual(E.undoLimit);
    expect((await latest()).json.status).toBe(2);
    // The next China day starts at 16:00 UTC.
    await moveTo('2030-01-30T00:00:01');
    for (let i = 0; i < 5; i++) {
      expect((await undo()).json, `undo ${i}`).toEqual(OK);
      await submitted();
    }
    expect(wxError((await undo()).json)).toEqual(E.undoLimit);
    // A fresh day, but the month's 10 are used.
    await moveTo('2030-01-31T00:00:01');
    expect(wxError((await undo()).json)).toEqual(E.undoLimit);
    await moveTo('2030-01-31T23:59:50');
    expect(wxError((await undo()).json)).toEqual(E.undoLimit);
    // Another Mini Program has its own undos.
    const otherToken = await renewToken(other.appid);
    await submitted({}, otherToken);
    expect((await undo(otherToken)).json).toEqual(OK);
    await moveTo('2030-02-01T00:00:01');
    expect((await undo()).json).toEqual(OK);
    expect((await latest()).json.status).toBe(3);
  });
});

describe('speedupaudit', () => {
  it('marks the pending audit sped up; 89402, 89404 and 89405 in that order', async () => {
    await patchPlatform({ audit_quota: { limit: 100, speedup_limit: 1 } });
    await commitTrial();
    const other = await secondMiniProgram();
    await commitTrial({ token: other.token });
    const foreign = await submitted({}, other.token);
    for (const id of [undefined, 'x', FIRST_AUDITID + 99, foreign]) {
      expect(wxError((await speedup(id)).json), String(id)).toEqual(E.notQueued);
    }
    const first = await submitted();
    await patchPlatform({ audit_quota: { limit: 100, speedup_limit: 0 } });
    expect(wxError((await speedup(first)).json)).toEqual(E.speedupLimit);
    await patchPlatform({ audit_quota: { limit: 100, speedup_limit: 1 } });
    expect((await speedup(String(first))).text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(wxError((await speedup(first)).json)).toEqual(E.spedUp);
    // Sped up and delayed: still pending.
    await review({ result: 'delay' });
    expect(wxError((await speedup(first)).json)).toEqual(E.spedUp);
    await review({ result: 'pass' });
    expect(wxError((await speedup(first)).json)).toEqual(E.notQueued);
    // The platform's one speed-up is used, whichever Mini Program used it.
    expect(wxError((await speedup(foreign, other.token)).json)).toEqual(E.speedupLimit);
    expect((await auditStatus(foreign, other.token)).json.status).toBe(2);
    const second = await submitted();
    expect(wxError((await speedup(second)).json)).toEqual(E.speedupLimit);
    await undo();
    expect(wxError((await speedup(second)).json)).toEqual(E.notQueued);
    expect(await quota()).toMatchObject({ speedup_rest: 0, speedup_limit: 1 });
  });

  it('the platform speed-up quota starts again with the China-time month', async () => {
    await patchPlatform({ audit_quota: { limit: 100, speedup_limit: 2 } });
    await commitTrial();
    await moveTo('2030-03-31T23:59:00');
    await speedup(await submitted());
    await review({ result: 'pass' });
    await speedup(await submitted());
    await review({ result: 'pass' });
    const third = await submitted();
    expect(wxError((await speedup(third)).json)).toEqual(E.speedupLimit);
    expect(await quota()).toMatchObject({ speedup_rest: 0, speedup_limit: 2 });
    await moveTo('2030-04-01T00:00:01');
    expect(await quota()).toMatchObject({ speedup_rest: 2, speedup_limit: 2 });
    expect((await speedup(third)).json).toEqual(OK);
    expect(await quota()).toMatchObject({ speedup_rest: 1 });
  });
});

describe('queryquota', () => {
  it("reports the platform's month: only successful submissions and speed-ups count, shared by its Mini Programs", async () => {
    expect((await h.get(`/wxa/queryquota?access_token=${w.mpToken}`)).text).toBe(
      '{"errcode":0,"errmsg":"ok","rest":100,"limit":100,"speedup_rest":10,"speedup_limit":10}',
    );
    await patchPlatform({ audit_quota: { limit: 3, speedup_limit: 5 }, privacy_scan_seconds: 60 });
    await commitTrial();
    expect(await submitError()).toEqual(E.scanning);
    expect(await quota()).toEqual({ ...OK, rest: 3, limit: 3, speedup_rest: 5, speedup_limit: 5 });
    await advanceClock(h, 60);
    await speedup(await submitted());
    const other = await secondMiniProgram();
    expect(await quota(other.token)).toEqual({ ...OK, rest: 2, limit: 3, speedup_rest: 4, speedup_limit: 5 });
  });

  it('85085 at the monthly audit limit, both sides of the China-time month boundary', async () => {
    await patchPlatform({ audit_quota: { limit: 2, speedup_limit: 10 } });
    await commitTrial();
    const other = await secondMiniProgram();
    await commitTrial({ token: other.token });
    await moveTo('2030-05-31T23:58:00');
    await submitted();
    await review({ result: 'pass' });
    await submitted({}, await renewToken(other.appid));
    expect(await quota()).toMatchObject({ rest: 0, limit: 2 });
    expect(await submitError()).toEqual(E.auditLimit);
    await moveTo('2030-05-31T23:59:50');
    expect(await submitError()).toEqual(E.auditLimit);
    await moveTo('2030-06-01T00:00:01');
    expect(await quota()).toMatchObject({ rest: 2, limit: 2 });
    await submitted();
    expect(await quota()).toMatchObject({ rest: 1 });
    // A limit lowered below the month's use leaves nothing, never a negative rest.
    await patchPlatform({ audit_quota: { limit: 0, speedup_limit: 10 } });
    expect(await quota()).toMatchObject({ rest: 0, limit: 0 });
  });
});

describe('audit policy', () => {
  it('decides after_seconds after the submission, once the emulated clock gets there', async () => {
    await patchPlatform({ audit_policy: { result: 'reject', after_seconds: 3600 } });
    await commitTrial();
    const auditid = await submitted();
    await advanceClock(h, 3599);
    expect((await auditStatus(auditid)).json).toEqual({ ...OK, status: 2 });
    await advanceClock(h, 1);
    expect((await auditStatus(auditid)).json).toEqual({
      ...OK,
      status: 1,
      reason: REJECT_REASON,
      screenshot: '',
    });
    await patchPlatform({ audit_policy: { result: 'pass', after_seconds: 0 } });
    const second = await submitted();
    expect((await auditStatus(second)).json).toEqual({ ...OK, status: 0 });
  });

  it('a delay keeps the due decision; a pass, reject or undo drops it; policy changes affect only new audits', async () => {
    await patchPlatform({ audit_policy: { result: 'pass', after_seconds: 600 } });
    await commitTrial();
    const delayed = await submitted();
    await review({ result: 'delay' });
    await advanceClock(h, 600);
    expect((await auditStatus(delayed)).json).toEqual({ ...OK, status: 0 });

    const rejected = await submitted();
    await review({ result: 'reject' });
    await advanceClock(h, 600);
    expect((await auditStatus(rejected)).json.status).toBe(1);

    const withdrawn = await submitted();
    await undo();
    await advanceClock(h, 600);
    expect((await auditStatus(withdrawn)).json.status).toBe(3);

    const kept = await submitted();
    await patchPlatform({ audit_policy: null });
    await advanceClock(h, 600);
    expect((await auditStatus(kept)).json.status).toBe(0);

    const waiting = await submitted();
    await patchPlatform({ audit_policy: { result: 'reject', after_seconds: 0 } });
    await advanceClock(h, 3600);
    expect((await auditStatus(waiting)).json.status).toBe(2);
  });

  it('the reviewer cannot decide an audit the policy decided already', async () => {
    await patchPlatform({ audit_policy: { result: 'pass', after_seconds: 60 } });
    await commitTrial();
    await submitted();
    await advanceClock(h, 60);
    expect((await review({ result: 'reject' })).status).toBe(409);
    expect((await latest()).json.status).toBe(0);
  });
});
