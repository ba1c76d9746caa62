import { Type } from '@sinclair/typebox';
import type { EndpointDef } from './endpoints.js';

/**
 * API call quotas, their clears, rid lookup, and the component's authorizer list and options
 * (docs/quota.md): what every account's daily meter shows, and the switches a component keeps for the
 * accounts it runs.
 */

const Empty = Type.Object({});
const tokenErrors = [41001, 40001, 40014, 42001, 48001] as const;
const bodyErrors = [44002, 47001] as const;
/** Any live token of the account: its own, its stable, an authorizer token, or the component's. */
const anyTokenErrors = [...tokenErrors, 61004, 61003, 61007, ...bodyErrors] as const;
const componentErrors = [...tokenErrors, 61004, ...bodyErrors, 41018, 40013] as const;

/** Whoever holds an account's token, or the component's (docs/quota.md §2). */
const anyToken = {
  token: 'authorizer',
  accountTypes: ['miniprogram', 'official_account'],
  ownTokenAccepted: true,
  componentTokenAccepted: true,
  anyPermissionSet: true,
  envelope: 'business',
} as const;

/** An option of an authorized account; each needs its permission set (2, 1, 6: docs/quota.md §5.2). */
const OptionName = Type.String({ description: 'location_report, voice_recognize or customer_service' });
const OptionValue = Type.String({ description: 'a digit; numbers are read as strings' });
/** A minute window of getApiQuota: calls allowed per `refresh_second` seconds. */
const Limit = Type.Object({ call_count: Type.Integer(), refresh_second: Type.Integer() });

function define<const D extends EndpointDef>(def: D): D {
  return def;
}

export const quotaEndpoints = {
  getApiQuota: define({
    name: 'getApiQuota',
    summary: "An API's daily quota for the token's account: limit, used and remaining today.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/openapi/quota/get',
    ...anyToken,
    request: Type.Object({ cgi_path: Type.String({ description: 'the API path, e.g. /wxa/commit' }) }),
    response: Type.Object({
      quota: Type.Object({ daily_limit: Type.Integer(), used: Type.Integer(), remain: Type.Integer() }),
      rate_limit: Type.Optional(Limit),
      component_rate_limit: Type.Optional(Limit),
    }),
    errcodes: [...anyTokenErrors, 76021, 76022],
  }),
  clearQuota: define({
    name: 'clearQuota',
    summary: "Sets every daily API counter of the token's account back to zero (10 clears a month).",
    method: 'POST',
    path: '/cgi-bin/clear_quota',
    ...anyToken,
    request: Type.Object({ appid: Type.String({ description: "the token's account" }) }),
    response: Empty,
    errcodes: [...anyTokenErrors, 41002, 40013, 48006],
  }),
  clearQuotaByAppSecret: define({
    name: 'clearQuotaByAppSecret',
    summary: "Sets an account's daily API counters back to zero, with its AppSecret (10 clears a month).",
    method: 'POST',
    path: '/cgi-bin/clear_quota/v2',
    token: 'none',
    queryOrBody: true,
    envelope: 'business',
    request: Type.Object({ appid: Type.String(), appsecret: Type.String() }),
    response: Empty,
    errcodes: [41002, 41004, 40013, 61024, 40125, 48006],
  }),
  clearComponentQuota: define({
    name: 'clearComponentQuota',
    summary: "Sets the component's own daily API counters back to zero (the older path).",
    method: 'POST',
    path: '/cgi-bin/component/clear_quota',
    token: 'component',
    envelope: 'business',
    request: Type.Object({ component_appid: Type.String() }),
    response: Empty,
    errcodes: [...componentErrors, 48006],
  }),
  clearComponentQuotaByAppSecret: define({
    name: 'clearComponentQuotaByAppSecret',
    summary:
      "Sets the component's daily API counters, or an authorized account's, back to zero with the component's secret.",
    method: 'POST',
    path: '/cgi-bin/component/clear_quota/v2',
    token: 'none',
    envelope: 'business',
    request: Type.Object({
      component_appid: Type.String(),
      appsecret: Type.String({ description: "the component's secret" }),
      appid: Type.Optional(Type.String({ description: 'an authorized account; left out: the component' })),
    }),
    response: Empty,
    errcodes: [...bodyErrors, 41002, 41004, 40013, 61011, 40125, 43007, 48006],
  }),
  clearApiQuota: define({
    name: 'clearApiQuota',
    summary: "Sets one API's daily counter of the token's account back to zero (50 a month).",
    method: 'POST',
    path: '/cgi-bin/openapi/quota/clear',
    ...anyToken,
    request: Type.Object({ cgi_path: Type.String({ description: 'the API path, e.g. /wxa/commit' }) }),
    response: Empty,
    errcodes: [...anyTokenErrors, 76021, 76022, 48006],
  }),
  getRidInfo: define({
    name: 'getRidInfo',
    summary: 'The request and response behind the rid of an error the same account was answered.',
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/openapi/rid/get',
    ...anyToken,
    request: Type.Object({ rid: Type.String() }),
    response: Type.Object({
      request: Type.Object({
        invoke_time: Type.Integer(),
        cost_in_ms: Type.Integer(),
        request_url: Type.String(),
        request_body: Type.String(),
        response_body: Type.String(),
        client_ip: Type.String(),
      }),
    }),
    errcodes: [...anyTokenErrors, 76002, 76004, 76001, 76003],
  }),
  getAuthorizerList: define({
    name: 'getAuthorizerList',
    summary: 'The accounts authorized to the component, a page at a time (at most 500).',
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/api_get_authorizer_list',
    token: 'component',
    envelope: 'payload',
    request: Type.Object({ component_appid: Type.String(), offset: Type.Integer(), count: Type.Integer() }),
    response: Type.Object({
      total_count: Type.Integer(),
      list: Type.Array(
        Type.Object({
          authorizer_appid: Type.String(),
          refresh_token: Type.Optional(Type.String()),
          auth_time: Type.Integer(),
        }),
      ),
    }),
    errcodes: componentErrors,
  }),
  getAuthorizerOption: define({
    name: 'getAuthorizerOption',
    summary: "One of an authorized account's options (location_report, voice_recognize, customer_service).",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/api_get_authorizer_option',
    token: 'component',
    authorizerTokenAccepted: true,
    anyPermissionSet: true,
    envelope: 'payload',
    request: Type.Object({
      component_appid: Type.String(),
      authorizer_appid: Type.String(),
      option_name: OptionName,
    }),
    response: Type.Object({
      authorizer_appid: Type.String(),
      option_name: Type.String(),
      option_value: Type.String(),
    }),
    errcodes: [...componentErrors, 61003, 61012, 61007],
  }),
  setAuthorizerOption: define({
    name: 'setAuthorizerOption',
    summary: "Sets one of an authorized account's options.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/api_set_authorizer_option',
    token: 'component',
    authorizerTokenAccepted: true,
    anyPermissionSet: true,
    envelope: 'business',
    request: Type.Object({
      component_appid: Type.String(),
      authorizer_appid: Type.String(),
      option_name: OptionName,
      option_value: OptionValue,
    }),
    response: Empty,
    errcodes: [...componentErrors, 61003, 61012, 61007, 61013],
  }),
  getAuthorizerOptionInfo: define({
    name: 'getAuthorizerOptionInfo',
    summary: "One of the token's account's options, as its component set it.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/get_authorizer_option',
    token: 'authorizer',
    accountTypes: ['miniprogram', 'official_account'],
    anyPermissionSet: true,
    envelope: 'payload',
    request: Type.Object({ option_name: OptionName }),
    response: Type.Object({ option_name: Type.String(), option_value: Type.String() }),
    errcodes: [...tokenErrors, 61003, ...bodyErrors, 61012, 61007],
  }),
  setAuthorizerOptionInfo: define({
    name: 'setAuthorizerOptionInfo',
    summary: "Sets one of the token's account's options.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/set_authorizer_option',
    token: 'authorizer',
    accountTypes: ['miniprogram', 'official_account'],
    anyPermissionSet: true,
    envelope: 'business',
    request: Type.Object({ option_name: OptionName, option_value: OptionValue }),
    response: Empty,
    errcodes: [...tokenErrors, 61003, ...bodyErrors, 61012, 61007, 61013],
  }),
} as const;
