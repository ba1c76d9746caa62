/**
 * Every error code the emulator can emit, with the exact base errmsg WeChat sends before " rid: ".
 * An empty base means the live server sends only " rid: <rid>".
 */
export const errors = {
  '-38': { errmsg: '', meaning: 'unrelated template API; evidence of empty bases' },
  '-1': { errmsg: 'system error', meaning: 'backend busy or unexpected failure' },
  '1003': { errmsg: '', meaning: 'the MP admin has reached the limit of accounts bound to their WeChat ID' },
  '1005': { errmsg: '', meaning: "the MP admin's phone number has reached its bound-account limit" },
  '1006': { errmsg: '', meaning: "the admin's phone number is blacklisted" },
  '40001': {
    errmsg:
      'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
    meaning: 'token never issued, or superseded by a newer one',
  },
  '40002': { errmsg: 'invalid grant_type', meaning: 'grant_type is not client_credential' },
  '40013': { errmsg: 'invalid appid', meaning: 'appid unknown, malformed, or not the token owner' },
  '40014': {
    errmsg: 'invalid access_token',
    meaning: "malformed token, or an account's own token on a third-party API",
  },
  '40052': { errmsg: 'invalid action name', meaning: 'action not one of add/delete/set/get' },
  '40097': { errmsg: 'invalid args', meaning: 'invalid parameter' },
  '40125': { errmsg: 'invalid appsecret', meaning: 'wrong secret' },
  '40164': { errmsg: 'invalid ip {ip} ipv6 ::ffff:{ip}, not in whitelist', meaning: 'caller IP not allowed' },
  '40166': { errmsg: 'invalid weapp appid', meaning: 'appid is not a valid Mini Program' },
  '40243': { errmsg: '', meaning: 'AppSecret frozen' },
  '41001': { errmsg: 'access_token missing', meaning: 'no token in the query' },
  '41002': { errmsg: 'appid missing', meaning: 'no appid' },
  '41004': { errmsg: 'appsecret missing', meaning: 'no secret' },
  '41018': { errmsg: 'missing component_appid', meaning: 'no component_appid in the body' },
  '42001': { errmsg: 'access_token expired', meaning: 'token past its expiry time' },
  '43001': { errmsg: 'require GET method', meaning: 'wrong method' },
  '43002': { errmsg: 'require POST method', meaning: 'GET on a POST-only endpoint' },
  '43003': { errmsg: 'require https', meaning: 'plain HTTP' },
  '44002': { errmsg: 'empty post data', meaning: 'zero-length POST body' },
  '44990': { errmsg: 'reach max api second frequence limit', meaning: 'more than 5 calls a second' },
  '45009': { errmsg: 'reach max api daily quota limit', meaning: 'daily per-API quota used up' },
  '45011': {
    errmsg: 'api minute-quota reach limit, must slower, retry next minute',
    meaning: 'per-minute quota used up',
  },
  '45082': { errmsg: 'need icp license for the url domain', meaning: 'host has no ICP filing' },
  '45104': { errmsg: 'reach max domain quota limit', meaning: '51st server-domain change this month' },
  '47001': { errmsg: 'data format error', meaning: 'body is not valid JSON, or a field cannot be coerced' },
  '48001': { errmsg: 'api unauthorized', meaning: 'wrong kind of token for this API' },
  '48004': {
    errmsg: 'api forbidden for irregularities, view detail on mp.weixin.qq.com',
    meaning: 'API banned for this account',
  },
  '61003': {
    errmsg: 'component is not authorized by this account',
    meaning: 'authorization revoked or never given',
  },
  '61004': {
    errmsg: 'access clientip is not registered requestIP: {ip}',
    meaning: "caller IP not on the component's allow-list",
  },
  '61005': { errmsg: 'component ticket is expired', meaning: 'verify ticket older than 12 h' },
  '61006': {
    errmsg: 'component ticket is invalid',
    meaning: 'verify ticket unknown or of another component',
  },
  '61007': {
    errmsg: 'api is unauthorized to component',
    meaning: 'no granted permission set covers this API',
  },
  '61008': { errmsg: 'component req key is duplicated', meaning: 'duplicate component request key' },
  '61009': { errmsg: 'code is invalid', meaning: 'authorization code unknown' },
  '61010': { errmsg: 'code is expired', meaning: 'authorization code past its lifetime' },
  '61011': { errmsg: 'invalid component', meaning: 'appid is not a component' },
  '61014': { errmsg: 'must use component token for component api', meaning: 'non-component token' },
  '61015': { errmsg: 'must use biz account token for not component api', meaning: 'component token' },
  '61016': {
    errmsg: 'function category of API need be confirmed by component',
    meaning: 'permission set awaits confirmation',
  },
  '61023': { errmsg: 'refresh_token is invalid', meaning: 'refresh token unknown, replaced or revoked' },
  '61024': {
    errmsg: 'must use api(api_component_token) to get token for component acct',
    meaning: 'a component appid on /cgi-bin/token',
  },
  '61028': { errmsg: 'component is unpublished', meaning: 'component never published' },
  '65316': { errmsg: 'domain count reach limit', meaning: 'more than 1000 domains in a pool' },
  '85015': { errmsg: '', meaning: 'the account is not a Mini Program' },
  '85016': {
    errmsg: 'exceed valid domain count',
    meaning: 'more than 200 entries in one server-domain kind',
  },
  '85017': {
    errmsg:
      'no domain to modify after filtered, please confirm the domain has been set in miniprogram or open',
    meaning: 'nothing to change and nothing rejected',
  },
  '85018': { errmsg: '', meaning: 'domain not set on the third-party platform' },
  '85066': { errmsg: 'illegal prefix', meaning: 'QR rule prefix invalid' },
  '85068': {
    errmsg: 'test url is not the sub prefix',
    meaning: 'a debug_url does not start with the prefix',
  },
  '85069': { errmsg: 'check confirm file fail', meaning: 'verification file not found for the prefix' },
  '85070': { errmsg: 'prefix in black list', meaning: 'prefix blacklisted' },
  '85071': { errmsg: 'prefix added repeated', meaning: 'prefix already added by this account' },
  '85072': { errmsg: 'prefix owned by other', meaning: 'prefix held by another account' },
  '85073': { errmsg: 'prefix beyond limit', meaning: 'rule quota full' },
  '85074': { errmsg: 'not published', meaning: 'the MP has no released code' },
  '85075': { errmsg: 'can not access', meaning: 'personal MP cannot use QR rules' },
  '85076': { errmsg: '', meaning: 'prefix domain has no ICP filing' },
  '85083': { errmsg: 'search status is banned', meaning: 'the search flag is locked by WeChat' },
  '85084': { errmsg: 'search status invalid', meaning: 'status not 0 or 1' },
  '85095': { errmsg: '', meaning: 'rule data abnormal' },
  '85301': {
    errmsg:
      'no domain to modify after filtered, please confirm the domain has been set in miniprogram or open, and follows the rule of domains',
    meaning: 'nothing to change and some entries rejected as invalid',
  },
  '85302': {
    errmsg: 'no domain to modify after filtered, please confirm all domains have ICP licenses',
    meaning: 'nothing to change and some entries lack an ICP filing',
  },
  '85303': {
    errmsg:
      'no domain to modify after filtered, please confirm the domain has been set in miniprogram or open, and follows the rule of domains. Besides, please confirm all domains have ICP licenses',
    meaning: 'both 85301 and 85302 causes',
  },
  '86100': { errmsg: 'invalid url protocol', meaning: 'scheme does not fit its kind, or malformed entry' },
  '86101': { errmsg: '', meaning: 'api.weixin.qq.com cannot be configured' },
  '86102': { errmsg: '', meaning: '50 server-domain modifications this month used up' },
  '86103': {
    errmsg: 'check confirmfile fail!',
    meaning: 'verification file missing or wrong at the domain root',
  },
  '89007': { errmsg: 'wxa quota limit', meaning: "the OA's monthly new-link quota is used up" },
  '89008': { errmsg: 'overseas account can not link', meaning: 'OA or MP is an overseas account' },
  '89009': { errmsg: 'wxa reach link limit', meaning: 'the MP has reached its maximum of linked OAs' },
  '89010': { errmsg: 'link message has sent', meaning: 'an invitation for this pair is already pending' },
  '89011': { errmsg: 'can not unlink nearby wxa', meaning: 'MP shown in nearby; cannot unlink' },
  '89012': { errmsg: 'can not unlink store or mall', meaning: 'store/mall MP; cannot unlink' },
  '89013': { errmsg: 'wxa is banned', meaning: 'MP banned' },
  '89014': { errmsg: 'support version error', meaning: 'not used by in-scope endpoints' },
  '89015': { errmsg: 'has linked wxa', meaning: 'the MP is already linked to this OA' },
  '89016': { errmsg: 'reach same realname quota', meaning: 'same-subject MP quota reached' },
  '89017': { errmsg: 'reach different realname quota', meaning: 'different-subject MP quota reached' },
  '89018': { errmsg: 'unlink message has sent', meaning: 'an unlink request is already pending' },
  '89019': { errmsg: 'webview domain not change', meaning: 'setwebviewdomain changed nothing' },
  '89020': {
    errmsg: "open's webview domain is null! Need to set open's webview domain first!",
    meaning: 'component has no jump domains',
  },
  '89021': {
    errmsg: "request domain is not open's webview domain!",
    meaning: "domain not in the component's jump-domain pool",
  },
  '89022': { errmsg: 'delete domain is not exist!', meaning: 'deleting a domain that is not configured' },
  '89029': { errmsg: 'webview domain exceed limit', meaning: 'too many business domains' },
  '89035': { errmsg: 'linking from mp', meaning: 'a console-started link awaits the MP admin' },
  '89231': { errmsg: 'not support single', meaning: 'personal MP cannot use this API' },
  '89245': { errmsg: 'mini program forbidden to link', meaning: 'the MP forbids OAs to link it' },
  '89407': { errmsg: ' reach different realname limit', meaning: 'newer different-subject limit variant' },
  '89501': { errmsg: '', meaning: 'unhandled IP-confirmation request' },
  '89503': { errmsg: '', meaning: 'this call needs admin confirmation' },
  '89506': { errmsg: '', meaning: 'admin refused this IP; retry after 24 h' },
  '89507': { errmsg: '', meaning: 'admin refused this IP; retry after 1 h' },
  '506015': { errmsg: '', meaning: 'the domain is bound by MPs of 100 subjects' },
  '886000': { errmsg: '', meaning: '100 rule publishes this month used up' },
  '886001': { errmsg: '', meaning: 'system busy, retry' },
  '9410016': {
    errmsg: 'found invalid urls which DO NOT have confirmFile',
    meaning: 'some domains failed validation',
  },
} as const satisfies Record<string, { errmsg: string; meaning: string }>;

type CodeKey = keyof typeof errors;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;

/** Every errcode WeChat may answer with (0 excluded). */
export type ErrCode = ToNumber<CodeKey>;

/** Success texts: errcode 0 with these errmsg values (no rid). */
export const successMessages = {
  ok: 'ok',
  /** api_start_push_ticket when pushing was already running. */
  normalState: 'in a normal state',
} as const;

export function baseErrmsg(code: ErrCode, params: Record<string, string> = {}): string {
  const entry = errors[String(code) as CodeKey];
  return entry.errmsg.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}
