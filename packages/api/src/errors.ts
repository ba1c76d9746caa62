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
  '43007': { errmsg: 'require bizuser authorize', meaning: 'appid not authorized to this component' },
  '44002': { errmsg: 'empty post data', meaning: 'zero-length POST body' },
  '44990': { errmsg: 'reach max api second frequence limit', meaning: 'more than 5 calls a second' },
  '45009': {
    errmsg: 'reach max api daily quota limit{hint}',
    meaning: 'daily per-API quota used up',
  },
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
  '48006': {
    errmsg: 'forbid to clear quota because of reaching the limit',
    meaning: "the month's quota clears are used up",
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
  '61012': { errmsg: 'invalid option name', meaning: 'option_name unknown' },
  '61013': { errmsg: 'invalid option value', meaning: 'value not allowed for that option' },
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
  '61039': {
    errmsg: '隐私接口检查任务未完成，请稍等一分钟再重试',
    meaning: "the commit's privacy-API scan is still running",
  },
  '61040': { errmsg: '{sentence}', meaning: 'a privacy API the code uses is undeclared or not permitted' },
  '65316': { errmsg: 'domain count reach limit', meaning: 'more than 1000 domains in a pool' },
  '76001': { errmsg: 'rid not found, please check', meaning: 'rid not stored' },
  '76002': { errmsg: 'rid is error', meaning: 'rid empty or malformed' },
  '76003': { errmsg: 'could not query this rid, no permission', meaning: "another account's rid" },
  '76004': { errmsg: 'rid time is error', meaning: 'rid older than 7 days, or from the future' },
  '76021': { errmsg: 'cgi_path not found, please check', meaning: 'cgi_path unknown or malformed' },
  '76022': {
    errmsg: 'could not use this cgi_path, no permission',
    meaning: "an API the token's account does not own",
  },
  '85006': {
    errmsg: '标签格式错误',
    meaning: 'submit_audit: more than 10 tags, or a tag over 20 characters',
  },
  '85007': {
    errmsg: '页面路径错误',
    meaning: 'submit_audit: an address that is not a page of the trial version',
  },
  '85008': {
    errmsg: 'category is in invalid format',
    meaning: "submit_audit: a category that is not the Mini Program's",
  },
  '85009': { errmsg: 'already submit a version under auditing', meaning: 'an audit is pending' },
  '85010': { errmsg: 'item_list 有项目为空', meaning: 'submit_audit: an item lacks its category fields' },
  '85011': { errmsg: '标题填写错误', meaning: 'submit_audit: a title over 32 characters' },
  '85012': { errmsg: 'invalid audit id', meaning: "auditid unknown, or another Mini Program's" },
  '85013': {
    errmsg: 'invalid ext_json, parse fail or containing invalid path',
    meaning: 'ext_json of the wrong shape, or a foreign extAppid',
  },
  '85014': { errmsg: 'template not exist', meaning: "template_id not in the platform's library" },
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
  '85019': { errmsg: 'no version is under auditing', meaning: 'release: never audited' },
  '85020': {
    errmsg: 'status not allowed',
    meaning: 'release: the latest audit did not pass, or a commit came after the pass',
  },
  '85022': { errmsg: '', meaning: 'change_visitstatus: action is not open or close' },
  '85023': {
    errmsg: 'item size is not in valid range',
    meaning: 'submit_audit: item_list not a list of at most 5',
  },
  '85043': {
    errmsg: 'invalid template, something wrong?',
    meaning: 'commit: the template is broken (fault injection)',
  },
  '85044': { errmsg: 'package exceed max limit', meaning: 'commit: the code package is over 20 MB' },
  '85045': {
    errmsg: 'some path in ext_json not exist',
    meaning: 'commit: ext_json names a page the template lacks',
  },
  '85046': {
    errmsg: 'pagepath missing in tabbar list',
    meaning: 'commit: a tab-bar item without a valid pagePath',
  },
  '85047': { errmsg: 'pages are empty', meaning: 'commit: ext_json pages is empty' },
  '85048': { errmsg: 'parse ext.json failed', meaning: 'commit: ext_json missing or not JSON text' },
  '85051': { errmsg: 'data too large', meaning: 'submit_audit: the body is too large (fault injection)' },
  '85052': { errmsg: 'app is already released', meaning: 'release: the passed version is online already' },
  '85058': { errmsg: 'no valid audit_id exist', meaning: 'get_latest_auditstatus: never audited' },
  '85064': { errmsg: 'template not found', meaning: 'unknown draft or template' },
  '85065': { errmsg: 'template list is full', meaning: '200 templates of this type already' },
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
  '85079': { errmsg: 'miniprogram has no online release', meaning: 'grayrelease: nothing is online' },
  '85080': { errmsg: 'miniprogram commit not approved', meaning: 'grayrelease: no passed audit to release' },
  '85081': { errmsg: 'invalid gray percentage', meaning: 'grayrelease: gray_percentage not 0-100' },
  '85082': { errmsg: 'gray percentage too low', meaning: 'grayrelease: lower than the running plan' },
  '85083': { errmsg: 'search status is banned', meaning: 'the search flag is locked by WeChat' },
  '85084': { errmsg: 'search status invalid', meaning: 'status not 0 or 1' },
  '85085': {
    errmsg: 'submit audit reach limit, please try later',
    meaning: "the platform's audits this month are used up",
  },
  '85086': { errmsg: 'must commit before submit audit', meaning: 'submit_audit: no trial version' },
  '85092': {
    errmsg: 'invalid preview_info format',
    meaning: 'submit_audit: bad preview_info (fault injection)',
  },
  '85094': { errmsg: 'need add ugc declare', meaning: 'submit_audit: a UGC category without ugc_declare' },
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
  '85310': {
    errmsg: '{name} is wrong API name',
    meaning: 'commit: requiredPrivateInfos names an unknown API',
  },
  '85311': {
    errmsg: '{name} is mutually exclusive',
    meaning: 'commit: getFuzzyLocation with a precise location API',
  },
  '85312': { errmsg: '{name} is not authorized', meaning: 'commit: a privacy API the account may not use' },
  '86000': {
    errmsg: 'should be called only from third party',
    meaning: "a Mini Program's own token on a code API",
  },
  '86001': {
    errmsg: 'component experience version not exists',
    meaning: 'no trial version (nothing committed)',
  },
  '86002': {
    errmsg: 'miniprogram have not completed init procedure',
    meaning: 'nickname, avatar or introduction missing',
  },
  '86100': { errmsg: 'invalid url protocol', meaning: 'scheme does not fit its kind, or malformed entry' },
  '86101': { errmsg: '', meaning: 'api.weixin.qq.com cannot be configured' },
  '86102': { errmsg: '', meaning: '50 server-domain modifications this month used up' },
  '86103': {
    errmsg: 'check confirmfile fail!',
    meaning: 'verification file missing or wrong at the domain root',
  },
  '87006': {
    errmsg: 'this is game miniprogram submitaudit is forbidden',
    meaning: 'submit_audit: a game (fault injection)',
  },
  '87011': { errmsg: '', meaning: 'revertcoderelease: a gray release is running' },
  '87012': {
    errmsg: 'forbid revert this version release',
    meaning: 'no version to roll back to; no pending audit to undo',
  },
  '87013': { errmsg: 'no quota to undo code', meaning: 'undocodeaudit: 5 a day or 10 a month used' },
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
  '89402': {
    errmsg: '该小程序不在待审核队列，请检查是否已提交审核或已审完',
    meaning: 'speedupaudit: not the pending audit',
  },
  '89404': { errmsg: '本单已加速成功，请勿重复提交', meaning: 'speedupaudit: sped up already' },
  '89405': {
    errmsg: '本月加急额度已用完，请提高提审质量以获取更多额度',
    meaning: "speedupaudit: the month's speed-ups are used up",
  },
  '89407': { errmsg: ' reach different realname limit', meaning: 'newer different-subject limit variant' },
  '89501': { errmsg: '', meaning: 'unhandled IP-confirmation request' },
  '89503': { errmsg: '', meaning: 'this call needs admin confirmation' },
  '89506': { errmsg: '', meaning: 'admin refused this IP; retry after 24 h' },
  '89507': { errmsg: '', meaning: 'admin refused this IP; retry after 1 h' },
  '506015': { errmsg: '', meaning: 'the domain is bound by MPs of 100 subjects' },
  '886000': { errmsg: '', meaning: '100 rule publishes this month used up' },
  '886001': { errmsg: '', meaning: 'system busy, retry' },
  '9402202': { errmsg: 'concurrent limit', meaning: 'too many concurrent requests (fault injection)' },
  '9402203': {
    errmsg: '标准模板extjson错误',
    meaning: 'commit: a standard template with ext_json keys besides extAppid, ext, window',
  },
  '9410016': {
    errmsg: 'found invalid urls which DO NOT have confirmFile',
    meaning: 'some domains failed validation',
  },
} as const satisfies Record<string, { errmsg: string; meaning: string }>;

type CodeKey = keyof typeof errors;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;

/** Every errcode WeChat may answer with (0 excluded). */
export type ErrCode = ToNumber<CodeKey>;

/** What `/cgi-bin/token`'s 45009 adds to its base, the `hint` of that code (docs/wire-protocol.md §4.2). */
export const stableTokenHint =
  ', could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r';

/** Success texts: errcode 0 with these errmsg values (no rid). */
export const successMessages = {
  ok: 'ok',
  /** api_start_push_ticket when pushing was already running. */
  normalState: 'in a normal state',
} as const;

/** 61040's two sentences, `{names}` the APIs without `wx.` joined by `,` (docs/code-management.md §7.1). */
export const privacyApiSentences = {
  unconfigured:
    '代码中含有ext.json未配置隐私接口{names}(暂无权限)，请配置并申请权限或者承诺不使用这些接口（设置参数privacy_api_not_use为true）后再提交审核',
  unauthorized: 'ext.json配置的隐私接口{names}无权限，请申请权限后再提交审核',
} as const;

export function baseErrmsg(code: ErrCode, params: Record<string, string> = {}): string {
  const entry = errors[String(code) as CodeKey];
  return entry.errmsg.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}
