import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { flagDefaults } from '../areas/accounts/accounts.js';
import { asRawBody, parseJson } from '../http/body.js';
import { ControlError } from './control-error.js';

const Appid = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Secret = Type.String({ pattern: '^[A-Za-z0-9]{1,64}$' });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const closed = { additionalProperties: false };
const IpList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 1000 });

/** A platform's messaging settings: where pushes go and the keys that sign and encrypt them. */
const MessagingFields = {
  auth_event_url: Type.Optional(
    Type.Union([Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 }), Type.Null()]),
  ),
  message_token: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{3,32}$' })),
  encoding_aes_key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{43}$' })),
};

export const NewPlatformBody = Type.Object(
  {
    appid: Type.Optional(Appid),
    secret: Type.Optional(Secret),
    name: Type.Optional(Name),
    published: Type.Optional(Type.Boolean()),
    ...MessagingFields,
  },
  closed,
);

export const PlatformPatchBody = Type.Object(
  {
    secret: Type.Optional(Secret),
    name: Type.Optional(Name),
    published: Type.Optional(Type.Boolean()),
    test_accounts: Type.Optional(Type.Array(Appid, { maxItems: 1000 })),
    ip_whitelist: Type.Optional(IpList),
    ...MessagingFields,
  },
  closed,
);

const AccountFields = {
  secret: Type.Optional(Secret),
  nickname: Type.Optional(Name),
  principal_name: Type.Optional(Name),
  personal: Type.Optional(Type.Boolean()),
  overseas: Type.Optional(Type.Boolean()),
  service_type: Type.Optional(Type.Union([Type.Literal('service'), Type.Literal('subscription')])),
  verified: Type.Optional(Type.Boolean()),
  admin_email: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  ...Object.fromEntries(Object.keys(flagDefaults).map((name) => [name, Type.Optional(Type.Boolean())])),
};

export const NewAccountBody = Type.Object(
  {
    appid: Type.Optional(Appid),
    type: Type.Union([Type.Literal('miniprogram'), Type.Literal('official_account')]),
    ...AccountFields,
  },
  closed,
);

export const AccountPatchBody = Type.Object(
  {
    ...AccountFields,
    ip_whitelist: Type.Optional(IpList),
  },
  closed,
);

export const AuthorizationBody = Type.Object(
  {
    component_appid: Appid,
    authorizer_appid: Appid,
    func_info: Type.Array(Type.Integer({ minimum: 1, maximum: 1000 }), { maxItems: 200 }),
  },
  closed,
);

export const LinkResponseBody = Type.Object(
  {
    official_account: Appid,
    miniprogram: Appid,
    admin: Type.Union([Type.Literal('official_account'), Type.Literal('miniprogram')]),
    accept: Type.Boolean(),
  },
  closed,
);

export const ConsoleLinkBody = Type.Object(
  { official_account: Appid, miniprogram: Appid, show_profile: Type.Optional(Type.Boolean()) },
  closed,
);

export const ServedFileBody = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2048 }), content: Type.String({ maxLength: 65536 }) },
  closed,
);

const ServerDomainList = Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 200 }));

/** The MP admin console's server domains: the six kinds, a missing one empty. */
export const MpServerDomainsBody = Type.Object(
  {
    mp_domain: Type.Object(
      {
        requestdomain: ServerDomainList,
        wsrequestdomain: ServerDomainList,
        uploaddomain: ServerDomainList,
        downloaddomain: ServerDomainList,
        udpdomain: ServerDomainList,
        tcpdomain: ServerDomainList,
      },
      closed,
    ),
  },
  closed,
);

export const HostBody = Type.Object({ icp_filed: Type.Boolean() }, closed);

export const MpWebviewDomainBody = Type.Object(
  { mp_webviewdomain: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 300 }) },
  closed,
);

export const BlacklistBody = Type.Object({ entry: Type.String({ minLength: 1, maxLength: 2048 }) }, closed);

export const FaultBody = Type.Object(
  {
    endpoint: Type.String({ minLength: 1, maxLength: 200 }),
    errcode: Type.Integer({ minimum: -1000, maximum: 99_999_999 }),
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  closed,
);

export const ClockBody = Type.Union([
  Type.Object({ advance: Type.Number({ minimum: -1e10, maximum: 1e10 }) }, closed),
  Type.Object({ set: Type.Integer({ minimum: 0, maximum: 1e11 }) }, closed),
]);

export const SeedDocument = Type.Object(
  {
    platforms: Type.Optional(Type.Array(NewPlatformBody)),
    accounts: Type.Optional(Type.Array(NewAccountBody)),
    authorizations: Type.Optional(Type.Array(AuthorizationBody)),
  },
  closed,
);

/** Checks a control-plane body against its schema; the first problem becomes a 400 message. */
export function parseBody<S extends TSchema>(schema: S, value: unknown): Static<S> {
  if (Value.Check(schema, value)) return value;
  const first = Value.Errors(schema, value).First();
  const where = first?.path ? `${first.path}: ` : '';
  throw new ControlError(400, `invalid body: ${where}${first?.message ?? 'does not match the schema'}`);
}

/** Control-plane bodies are JSON; an empty body reads as `{}`. */
export function readJson(request: FastifyRequest): unknown {
  try {
    return parseJson(asRawBody(request.body)) ?? {};
  } catch {
    throw new ControlError(400, 'invalid body: not JSON');
  }
}
