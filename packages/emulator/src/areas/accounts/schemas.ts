import { Type } from '@sinclair/typebox';
import { Appid, closed } from '../../core/index.js';
import { flagDefaults } from './flags.js';

const Secret = Type.String({ pattern: '^[A-Za-z0-9]{1,64}$' });
const Name = Type.String({ minLength: 1, maxLength: 120 });
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
