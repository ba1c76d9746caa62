import { type EndpointName, endpointList } from '@wxlocal/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountMethods,
  type AddJumpQRCodeRequest,
  type AuthorizerMethods,
  type ComponentMethods,
  type MiniProgramMethods,
  type ModifyServerDomainRequest,
  type OfficialAccountMethods,
  type TokenlessMethods,
  type WeChatClient,
  WeChatError,
} from '../src/index.js';
import { clientOf, createPlatform, type Harness, type Platform, startEmulator } from './helpers.js';

/** Each endpoint once with a valid request and once with an invalid one, through the typed methods. */
interface Case {
  valid: () => Promise<unknown>;
  invalid: () => Promise<unknown>;
  errcode: number;
}

let h: Harness;
let p: Platform;
let client: WeChatClient;
let mp: MiniProgramMethods;
let oa: OfficialAccountMethods;
/** The same accounts through the group of both kinds, to call an endpoint of the other kind (48001). */
let mpAny: AuthorizerMethods;
let oaAny: AuthorizerMethods;

beforeAll(async () => {
  h = await startEmulator();
  p = await createPlatform(h);
  client = await clientOf(h, p, { retry: { delayMs: 1 } });
  mp = client.miniProgram(p.miniProgram.appid);
  oa = client.officialAccount(p.officialAccount.appid);
  mpAny = client.authorizer(p.miniProgram.appid);
  oaAny = client.authorizer(p.officialAccount.appid);
});
afterAll(() => h.close());

/** The QR-code jump family allows 5 calls a second per account: each case starts in a later second. */
async function pace(): Promise<void> {
  await h.post('/_wxlocal/clock', { advance: 2 });
}

async function newAuthorizationCode(): Promise<string> {
  const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
  const authorization = await h.post('/_wxlocal/authorizations', {
    component_appid: p.component.appid,
    authorizer_appid: account.appid,
    func_info: [18],
  });
  return authorization.json.authorization_code;
}

/** A personal Mini Program, which may not use the QR-code jump family. */
const personalMiniProgram = async () => client.miniProgram(await newMiniProgram({ personal: true }));

/** A new Mini Program authorized to the platform, with its refresh token in the client: its appid. */
async function newMiniProgram(fields: object = {}): Promise<string> {
  const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', ...fields })).json;
  const authorization = await h.post('/_wxlocal/authorizations', {
    component_appid: p.component.appid,
    authorizer_appid: account.appid,
    func_info: [18],
  });
  await client.tokens.setRefreshToken(account.appid, authorization.json.authorizer_refresh_token);
  return account.appid;
}

/** Serves the Mini Program's QR confirm file at the root of the prefixes' host. */
async function serveQrConfirmFile(group: Pick<AccountMethods, 'downloadQRCodeText'>): Promise<void> {
  const file = await group.downloadQRCodeText();
  await h.post('/_wxlocal/confirm-files', {
    url: `https://qr.example.com/${file.file_name}`,
    content: file.file_content,
  });
}

/** A component whose IP allow-list leaves this machine out, once it holds a token: every call answers 61004. */
async function blockedComponent(): Promise<ComponentMethods> {
  const other = await createPlatform(h);
  const otherClient = await clientOf(h, other);
  await otherClient.tokens.componentToken();
  await h.call('PATCH', `/_wxlocal/platforms/${other.component.appid}`, { ip_whitelist: ['192.0.2.1'] });
  return otherClient.component();
}

const rule = (prefix: string): AddJumpQRCodeRequest => ({
  prefix,
  permit_sub_rule: 1,
  path: 'pages/index/index',
  open_version: 1,
  debug_url: [],
  is_edit: 0,
  appid: '',
});
const serverDomains = (action: ModifyServerDomainRequest['action']) => ({
  action,
  requestdomain: [],
  wsrequestdomain: [],
  uploaddomain: [],
  downloaddomain: [],
  udpdomain: [],
  tcpdomain: [],
});

/** The QR-code jump family through one group of methods (an authorizer's, or the account's own token). */
function qrcodeJumpCases(group: () => AccountMethods, prefix: string) {
  return {
    downloadQRCodeText: {
      valid: () => serveQrConfirmFile(group()),
      invalid: () => oaAny.downloadQRCodeText(),
      errcode: 48001,
    },
    addJumpQRCode: {
      valid: () => group().addJumpQRCode(rule(prefix)),
      invalid: () => group().addJumpQRCode(rule('ftp://qr.example.com/x')),
      errcode: 85066,
    },
    getJumpQRCode: {
      valid: async () => {
        const got = await group().getJumpQRCode({
          appid: '',
          get_type: 0,
          prefix_list: [],
          page_num: 0,
          page_size: 0,
        });
        expect(got.rule_list.map((r) => r.prefix)).toContain(prefix);
      },
      invalid: () =>
        oa.getJumpQRCode({
          appid: p.miniProgram.appid,
          // @ts-expect-error outside the enumeration, to see WeChat's answer
          get_type: 5,
          prefix_list: [],
          page_num: 0,
          page_size: 0,
        }),
      errcode: 40097,
    },
    publishJumpQRCode: {
      valid: async () => {
        await h.post(`/_wxlocal/accounts/${p.miniProgram.appid}/release`);
        await group().publishJumpQRCode({ prefix, appid: '' });
      },
      invalid: () => group().publishJumpQRCode({ prefix: `${prefix}/unknown`, appid: '' }),
      errcode: 40097,
    },
    deleteJumpQRCode: {
      valid: () => group().deleteJumpQRCode({ prefix, appid: '' }),
      invalid: async () => (await personalMiniProgram()).deleteJumpQRCode({ prefix, appid: '' }),
      errcode: 85075,
    },
  } satisfies Partial<Record<keyof AccountMethods, Case>>;
}

/**
 * The deploy pipeline, in order, on a Mini Program of its own: a draft to a template, commit, audit, release,
 * gray release and rollback. `fresh` is a Mini Program with no code.
 */
function codeCases() {
  let codeAppid: string;
  let code: MiniProgramMethods;
  let fresh: MiniProgramMethods;
  let draftId: number;
  let templateId: number;
  let auditid: number;
  const pages = ['pages/index/index', 'pages/shop/shop'];
  const upload = async (user_version: string) =>
    (await h.post(`/_wxlocal/platforms/${p.component.appid}/drafts`, { user_version, pages })).json.draft_id;
  const commit = (user_version: string) =>
    code.commit({
      template_id: templateId,
      ext_json: '{}',
      user_version,
      user_desc: `version ${user_version}`,
    });
  const pass = () => h.post(`/_wxlocal/accounts/${codeAppid}/audit`, { result: 'pass' });
  return {
    getTemplateDraftList: {
      valid: async () => {
        codeAppid = await newMiniProgram();
        code = client.miniProgram(codeAppid);
        fresh = client.miniProgram(await newMiniProgram());
        draftId = await upload('1.0.0');
        const { draft_list } = await client.component().getTemplateDraftList();
        expect(draft_list.map((draft) => draft.draft_id)).toContain(draftId);
      },
      invalid: async () => (await blockedComponent()).getTemplateDraftList(),
      errcode: 61004,
    },
    addToTemplate: {
      valid: () => client.component().addToTemplate({ draft_id: draftId }),
      invalid: () => client.component().addToTemplate({ draft_id: 999_999 }),
      errcode: 85064,
    },
    getTemplateList: {
      valid: async () => {
        const { template_list } = await client.component().getTemplateList();
        templateId = template_list.find((template) => template.draft_id === draftId)?.template_id ?? 0;
        expect(templateId).toBeGreaterThan(0);
      },
      invalid: async () => (await blockedComponent()).getTemplateList(),
      errcode: 61004,
    },
    deleteTemplate: {
      valid: async () => {
        await client.component().addToTemplate({ draft_id: draftId });
        const { template_list } = await client.component().getTemplateList({ template_type: 0 });
        const spare = Math.max(...template_list.map((template) => template.template_id));
        await client.component().deleteTemplate({ template_id: spare });
      },
      invalid: () => client.component().deleteTemplate({ template_id: 999_999 }),
      errcode: 85064,
    },
    commit: {
      valid: () => commit('1.0.0'),
      invalid: () => code.commit({ template_id: 999_999, ext_json: '{}', user_version: '1', user_desc: '' }),
      errcode: 85014,
    },
    getCodePage: {
      valid: async () => expect(await code.getCodePage()).toEqual({ page_list: pages }),
      invalid: () => fresh.getCodePage(),
      errcode: 86001,
    },
    getTrialQRCode: {
      valid: async () => {
        const { image } = await code.getTrialQRCode({ path: 'pages/shop/shop?id=1' });
        expect([...image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      },
      invalid: () => fresh.getTrialQRCode(),
      errcode: 86001,
    },
    getAllCategoryName: {
      valid: async () =>
        expect(await code.getAllCategoryName()).toEqual({
          category_list: [{ first_class: '工具', second_class: '备忘录', first_id: 1, second_id: 2 }],
        }),
      invalid: () => oaAny.getAllCategoryName(),
      errcode: 48001,
    },
    getCodePrivacyInfo: {
      valid: async () =>
        expect(await code.getCodePrivacyInfo()).toEqual({ without_auth_list: [], without_conf_list: [] }),
      invalid: () => fresh.getCodePrivacyInfo(),
      errcode: 86001,
    },
    submitAudit: {
      valid: async () => {
        auditid = (await code.submitAudit()).auditid;
      },
      invalid: () => code.submitAudit(),
      errcode: 85009,
    },
    getAuditStatus: {
      valid: async () => expect((await code.getAuditStatus({ auditid })).status).toBe(2),
      invalid: () => code.getAuditStatus({ auditid: 1 }),
      errcode: 85012,
    },
    getLatestAuditStatus: {
      valid: async () => expect(await code.getLatestAuditStatus()).toMatchObject({ auditid, status: 2 }),
      invalid: () => fresh.getLatestAuditStatus(),
      errcode: 85058,
    },
    speedupCodeAudit: {
      valid: () => code.speedupCodeAudit({ auditid }),
      invalid: () => code.speedupCodeAudit({ auditid }),
      errcode: 89404,
    },
    queryQuota: {
      valid: async () =>
        expect(await code.queryQuota()).toMatchObject({ limit: 100, speedup_limit: 10, speedup_rest: 9 }),
      invalid: () => oaAny.queryQuota(),
      errcode: 48001,
    },
    undoAudit: {
      valid: () => code.undoAudit(),
      invalid: () => code.undoAudit(),
      errcode: 87012,
    },
    release: {
      valid: async () => {
        await code.submitAudit();
        expect((await pass()).status).toBe(200);
        await code.release();
      },
      invalid: () => code.release(),
      errcode: 85052,
    },
    getVersionInfo: {
      valid: async () =>
        expect(await code.getVersionInfo()).toMatchObject({
          exp_info: { exp_version: '1.0.0' },
          release_info: { release_version: '1.0.0' },
        }),
      invalid: () => oaAny.getVersionInfo(),
      errcode: 48001,
    },
    grayRelease: {
      valid: async () => {
        await commit('2.0.0');
        await code.submitAudit();
        await pass();
        await code.grayRelease({ gray_percentage: 10 });
      },
      invalid: () => code.grayRelease({ gray_percentage: 5 }),
      errcode: 85082,
    },
    getGrayReleasePlan: {
      valid: async () =>
        expect((await code.getGrayReleasePlan()).gray_release_plan).toMatchObject({
          status: 1,
          gray_percentage: 10,
        }),
      invalid: () => oaAny.getGrayReleasePlan(),
      errcode: 48001,
    },
    revertGrayRelease: {
      valid: async () => {
        await code.revertGrayRelease();
        expect((await code.getGrayReleasePlan()).gray_release_plan.status).toBe(4);
      },
      invalid: () => oaAny.revertGrayRelease(),
      errcode: 48001,
    },
    revertCodeRelease: {
      valid: async () => {
        await code.release();
        await code.revertCodeRelease();
        expect((await code.getVersionInfo()).release_info?.release_version).toBe('1.0.0');
      },
      invalid: () => code.revertCodeRelease(),
      errcode: 87012,
    },
    setVisitStatus: {
      valid: () => code.setVisitStatus({ action: 'close' }),
      // @ts-expect-error outside the enumeration, to see WeChat's answer
      invalid: () => code.setVisitStatus({ action: 'pause' }),
      errcode: 85022,
    },
    getVisitStatus: {
      valid: async () => expect(await code.getVisitStatus()).toEqual({ status: 0 }),
      invalid: () => oaAny.getVisitStatus(),
      errcode: 48001,
    },
  } satisfies Partial<Record<keyof AuthorizerMethods | keyof ComponentMethods, Case>>;
}

/** The Mini Program's quota APIs and rid look-up through one group of methods (an authorizer's, or its own token). */
function accountQuotaCases(group: () => AccountMethods) {
  return {
    getApiQuota: {
      valid: async () => {
        const { quota } = await group().getApiQuota({ cgi_path: '/wxa/changewxasearchstatus' });
        expect(quota).toMatchObject({ daily_limit: 100_000, remain: 100_000 - quota.used });
      },
      invalid: () => group().getApiQuota({ cgi_path: '/cgi-bin/wxopen/wxamplink' }),
      errcode: 76022,
    },
    clearQuota: {
      valid: () => group().clearQuota({ appid: p.miniProgram.appid }),
      invalid: () => group().clearQuota({ appid: p.officialAccount.appid }),
      errcode: 40013,
    },
    clearApiQuota: {
      valid: () => group().clearApiQuota({ cgi_path: '/wxa/changewxasearchstatus' }),
      invalid: () => group().clearApiQuota({ cgi_path: 'wxa/changewxasearchstatus' }),
      errcode: 76021,
    },
    getRidInfo: {
      valid: async () => {
        // The Mini Program's error, made with its authorizer token: the account's own to read.
        // @ts-expect-error outside the enumeration, for an error with a rid
        const failed = mp.setSearchStatus({ status: 2 });
        const { rid } = (await failed.catch((error: unknown) => error)) as WeChatError;
        const { request } = await group().getRidInfo({ rid: String(rid) });
        expect(request.response_body).toContain(String(rid));
      },
      invalid: () => group().getRidInfo({ rid: 'not-a-rid' }),
      errcode: 76002,
    },
  } satisfies Partial<Record<keyof AccountMethods, Case>>;
}

/** The other quota APIs, the authorizer list and the authorizer options (the OA holds set 1, the MP does not). */
function quotaCases() {
  const stranger = async () => (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json.appid;
  return {
    ...accountQuotaCases(() => mp),
    clearQuotaByAppSecret: {
      valid: () =>
        client
          .tokenless()
          .clearQuotaByAppSecret({ appid: p.officialAccount.appid, appsecret: p.officialAccount.secret }),
      invalid: () =>
        client.tokenless().clearQuotaByAppSecret({ appid: p.officialAccount.appid, appsecret: 'x' }),
      errcode: 40125,
    },
    clearComponentQuota: {
      valid: () => client.component().clearComponentQuota(),
      invalid: () => client.component().clearComponentQuota({ component_appid: p.miniProgram.appid }),
      errcode: 40013,
    },
    clearComponentQuotaByAppSecret: {
      valid: () => client.tokenless().clearComponentQuotaByAppSecret({ appsecret: p.component.secret }),
      invalid: async () =>
        client
          .tokenless()
          .clearComponentQuotaByAppSecret({ appsecret: p.component.secret, appid: await stranger() }),
      errcode: 43007,
    },
    clearApiQuota: {
      valid: () => oa.clearApiQuota({ cgi_path: '/cgi-bin/wxopen/wxamplink' }),
      invalid: () => oa.clearApiQuota({ cgi_path: '/wxa/changewxasearchstatus' }),
      errcode: 76022,
    },
    getRidInfo: {
      valid: async () => {
        // @ts-expect-error outside the enumeration, for an error with a rid
        const failed = await mp.setSearchStatus({ status: 2 }).catch((error: WeChatError) => error);
        const rid = String((failed as WeChatError).rid);
        const { request } = await mp.getRidInfo({ rid });
        expect(request.response_body).toContain(rid);
      },
      invalid: () => mp.getRidInfo({ rid: 'not-a-rid' }),
      errcode: 76002,
    },
    getAuthorizerList: {
      valid: async () => {
        const { list } = await client.component().getAuthorizerList({ offset: 0, count: 500 });
        expect(list.map((item) => item.authorizer_appid)).toEqual(
          expect.arrayContaining([p.miniProgram.appid, p.officialAccount.appid]),
        );
      },
      invalid: () =>
        client.component().getAuthorizerList({ component_appid: p.miniProgram.appid, offset: 0, count: 10 }),
      errcode: 40013,
    },
    getAuthorizerOption: {
      valid: async () =>
        expect(
          await client.component().getAuthorizerOption({
            authorizer_appid: p.officialAccount.appid,
            option_name: 'voice_recognize',
          }),
        ).toEqual({
          authorizer_appid: p.officialAccount.appid,
          option_name: 'voice_recognize',
          option_value: '0',
        }),
      invalid: () =>
        client
          .component()
          .getAuthorizerOption({ authorizer_appid: p.officialAccount.appid, option_name: 'x' }),
      errcode: 61012,
    },
    setAuthorizerOption: {
      valid: () =>
        client.component().setAuthorizerOption({
          authorizer_appid: p.officialAccount.appid,
          option_name: 'voice_recognize',
          option_value: '1',
        }),
      invalid: () =>
        client.component().setAuthorizerOption({
          authorizer_appid: p.miniProgram.appid,
          option_name: 'voice_recognize',
          option_value: '1',
        }),
      errcode: 61007,
    },
    getAuthorizerOptionInfo: {
      valid: async () =>
        expect(await oa.getAuthorizerOptionInfo({ option_name: 'voice_recognize' })).toEqual({
          option_name: 'voice_recognize',
          option_value: '1',
        }),
      invalid: () => oa.getAuthorizerOptionInfo({ option_name: 'x' }),
      errcode: 61012,
    },
    setAuthorizerOptionInfo: {
      valid: () => oa.setAuthorizerOptionInfo({ option_name: 'voice_recognize', option_value: '0' }),
      invalid: () => oa.setAuthorizerOptionInfo({ option_name: 'voice_recognize', option_value: '5' }),
      errcode: 61013,
    },
  } satisfies Partial<
    Record<keyof AuthorizerMethods | keyof ComponentMethods | keyof TokenlessMethods, Case>
  >;
}

const cases = {
  getAccessToken: {
    valid: () =>
      client.tokenless().getAccessToken({
        grant_type: 'client_credential',
        appid: p.miniProgram.appid,
        secret: p.miniProgram.secret,
      }),
    invalid: () =>
      client
        .tokenless()
        .getAccessToken({ grant_type: 'client_credential', appid: p.miniProgram.appid, secret: 'x' }),
    errcode: 40125,
  },
  getStableAccessToken: {
    valid: () =>
      client.tokenless().getStableAccessToken({
        grant_type: 'client_credential',
        appid: p.officialAccount.appid,
        secret: p.officialAccount.secret,
      }),
    invalid: () =>
      client.tokenless().getStableAccessToken({
        grant_type: 'authorization_code',
        appid: p.officialAccount.appid,
        secret: p.officialAccount.secret,
      }),
    errcode: 40002,
  },
  startPushTicket: {
    valid: () => client.tokenless().startPushTicket({ component_secret: p.component.secret }),
    invalid: () => client.tokenless().startPushTicket({ component_secret: 'x' }),
    errcode: 40125,
  },
  getComponentAccessToken: {
    valid: () =>
      client.tokenless().getComponentAccessToken({
        component_appsecret: p.component.secret,
        component_verify_ticket: p.component.verify_ticket,
      }),
    invalid: () =>
      client.tokenless().getComponentAccessToken({
        component_appsecret: p.component.secret,
        component_verify_ticket: 'ticket@@@unknown',
      }),
    errcode: 61006,
  },
  getPreAuthCode: {
    valid: async () => expect((await client.component().getPreAuthCode()).expires_in).toBe(600),
    invalid: () => client.component().getPreAuthCode({ component_appid: p.miniProgram.appid }),
    errcode: 40013,
  },
  getAuthorizerRefreshToken: {
    valid: async () => {
      const code = await newAuthorizationCode();
      const { authorization_info } = await client
        .component()
        .getAuthorizerRefreshToken({ authorization_code: code });
      expect(authorization_info.authorizer_refresh_token).toMatch(/^refreshtoken@@@/);
    },
    invalid: () =>
      client.component().getAuthorizerRefreshToken({ authorization_code: 'queryauthcode@@@unknown' }),
    errcode: 61009,
  },
  getAuthorizerAccessToken: {
    valid: () =>
      client.component().getAuthorizerAccessToken({
        authorizer_appid: p.officialAccount.appid,
        authorizer_refresh_token: p.officialAccount.refreshToken,
      }),
    invalid: () =>
      client.component().getAuthorizerAccessToken({
        authorizer_appid: p.officialAccount.appid,
        authorizer_refresh_token: 'refreshtoken@@@unknown',
      }),
    errcode: 61023,
  },
  getAuthorizerInfo: {
    valid: async () => {
      const info = await client.component().getAuthorizerInfo({ authorizer_appid: p.miniProgram.appid });
      expect(info.authorization_info.authorizer_appid).toBe(p.miniProgram.appid);
    },
    invalid: async () => {
      const stranger = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
      return client.component().getAuthorizerInfo({ authorizer_appid: stranger.appid });
    },
    errcode: 61003,
  },
  modifyThirdpartyServerDomain: {
    valid: async () => {
      const domains = await client.component().modifyThirdpartyServerDomain({
        action: 'add',
        wxa_server_domain: 'api.example.com',
        is_modify_published_together: true,
      });
      expect(domains).toEqual({
        testing_wxa_server_domain: 'api.example.com',
        published_wxa_server_domain: 'api.example.com',
      });
    },
    invalid: () =>
      client.component().modifyThirdpartyServerDomain({
        // @ts-expect-error outside the enumeration, to see WeChat's answer
        action: 'put',
        wxa_server_domain: '',
        is_modify_published_together: false,
      }),
    errcode: 40052,
  },
  modifyThirdpartyJumpDomain: {
    valid: () =>
      client.component().modifyThirdpartyJumpDomain({
        action: 'get',
        wxa_jump_h5_domain: '',
        is_modify_published_together: false,
      }),
    invalid: () =>
      client.component().modifyThirdpartyJumpDomain({
        // @ts-expect-error outside the enumeration, to see WeChat's answer
        action: 'put',
        wxa_jump_h5_domain: '',
        is_modify_published_together: false,
      }),
    errcode: 40052,
  },
  getThirdpartyJumpDomainConfirmFile: {
    valid: () => client.component().getThirdpartyJumpDomainConfirmFile(),
    invalid: async () => (await blockedComponent()).getThirdpartyJumpDomainConfirmFile(),
    errcode: 61004,
  },
  setSearchStatus: {
    valid: () => mp.setSearchStatus({ status: 1 }),
    // @ts-expect-error outside the enumeration, to see WeChat's answer
    invalid: () => mp.setSearchStatus({ status: 2 }),
    errcode: 85084,
  },
  getSearchStatus: {
    valid: async () => expect(await mp.getSearchStatus()).toEqual({ status: 1 }),
    invalid: () => oaAny.getSearchStatus(),
    errcode: 48001,
  },
  modifyJumpDomainDirectly: {
    valid: async () =>
      expect(await mp.modifyJumpDomainDirectly({ action: 'get', webviewdomain: [] })).toEqual({
        webviewdomain: [],
      }),
    // @ts-expect-error outside the enumeration, to see WeChat's answer
    invalid: () => mp.modifyJumpDomainDirectly({ action: 'put', webviewdomain: [] }),
    errcode: 40052,
  },
  getJumpDomainConfirmFile: {
    valid: () => mp.getJumpDomainConfirmFile(),
    invalid: () => oaAny.getJumpDomainConfirmFile(),
    errcode: 48001,
  },
  getEffectiveJumpDomain: {
    valid: () => mp.getEffectiveJumpDomain(),
    invalid: () => oaAny.getEffectiveJumpDomain(),
    errcode: 48001,
  },
  modifyJumpDomain: {
    valid: () => mp.modifyJumpDomain({ action: 'get', webviewdomain: [] }),
    // @ts-expect-error outside the enumeration, to see WeChat's answer
    invalid: () => mp.modifyJumpDomain({ action: 'put', webviewdomain: [] }),
    errcode: 40052,
  },
  ...qrcodeJumpCases(() => mp, 'https://qr.example.com/authorizer'),
  linkMiniprogram: {
    valid: () => oa.linkMiniprogram({ appid: p.miniProgram.appid, notify_users: 1, show_profile: 1 }),
    invalid: () => oa.linkMiniprogram({ appid: p.miniProgram.appid, notify_users: 1, show_profile: 1 }),
    errcode: 89010,
  },
  getLinkMiniprogram: {
    valid: async () => {
      const { wxopens } = await oa.getLinkMiniprogram();
      expect(wxopens.items.map((item) => item.status)).toEqual([12]);
    },
    invalid: () => mpAny.getLinkMiniprogram(),
    errcode: 48001,
  },
  unlinkMiniprogram: {
    valid: async () => {
      for (const admin of ['official_account', 'miniprogram']) {
        await h.post('/_wxlocal/links/respond', {
          official_account: p.officialAccount.appid,
          miniprogram: p.miniProgram.appid,
          admin,
          accept: true,
        });
      }
      await oa.unlinkMiniprogram({ appid: p.miniProgram.appid });
    },
    invalid: () => oa.unlinkMiniprogram({ appid: p.miniProgram.appid }),
    errcode: 89018,
  },
  modifyServerDomain: {
    valid: () => mp.modifyServerDomain(serverDomains('get')),
    // @ts-expect-error outside the enumeration, to see WeChat's answer
    invalid: () => mp.modifyServerDomain(serverDomains('put')),
    errcode: 40052,
  },
  modifyServerDomainDirectly: {
    valid: () => mp.modifyServerDomainDirectly(serverDomains('get')),
    // @ts-expect-error outside the enumeration, to see WeChat's answer
    invalid: () => mp.modifyServerDomainDirectly(serverDomains('put')),
    errcode: 40052,
  },
  getEffectiveServerDomain: {
    valid: () => mp.getEffectiveServerDomain(),
    invalid: () => oaAny.getEffectiveServerDomain(),
    errcode: 48001,
  },
  ...codeCases(),
  ...quotaCases(),
} satisfies Record<EndpointName, Case>;

async function expectWeChatError(call: Promise<unknown>, endpoint: string, errcode: number): Promise<void> {
  const error = await call.then(
    () => expect.fail(`${endpoint} succeeded`),
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(WeChatError);
  expect(error).toMatchObject({
    endpoint,
    errcode,
    rid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
  });
  expect((error as WeChatError).errmsg).not.toContain('rid:');
}

describe('every endpoint through its typed method', () => {
  it('has a case for each catalogue entry', () => {
    expect(Object.keys(cases).sort()).toEqual(endpointList.map((endpoint) => endpoint.name).sort());
  });

  for (const [name, test] of Object.entries(cases) as [EndpointName, Case][]) {
    it(`${name}: a valid request succeeds, an invalid one throws WeChatError ${test.errcode}`, async () => {
      await pace();
      await test.valid();
      await expectWeChatError(test.invalid(), name, test.errcode);
    });
  }
});

describe("the account's own token", () => {
  const own = () => client.account(p.miniProgram.appid, p.miniProgram.secret);
  const ownCases = {
    ...qrcodeJumpCases(own, 'https://qr.example.com/own'),
    ...accountQuotaCases(own),
  } satisfies Record<keyof AccountMethods, Case>;
  for (const [name, test] of Object.entries(ownCases) as [EndpointName, Case][]) {
    it(`${name}: valid and invalid requests with the stable token`, async () => {
      await pace();
      await test.valid();
      await expectWeChatError(test.invalid(), name, test.errcode);
    });
  }
});
