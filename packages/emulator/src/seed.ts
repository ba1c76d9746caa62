import { readFileSync } from 'node:fs';
import { type Static, Type } from '@sinclair/typebox';
import { controlSchemas } from '@wxlocal/api';
import { addAccount, addPlatform } from './areas/accounts/control.js';
import { findAccount, findPlatform } from './areas/accounts/store.js';
import { grantAuthorization } from './areas/authorizations/control.js';
import { findAuthorization } from './areas/authorizations/store.js';
import { parseBody } from './control/body.js';
import { type Runtime, transact } from './runtime.js';

/** A seed file: each entry a control-plane body. */
export const SeedDocument = Type.Object(
  {
    platforms: Type.Optional(Type.Array(controlSchemas.NewPlatform)),
    accounts: Type.Optional(Type.Array(controlSchemas.NewAccount)),
    authorizations: Type.Optional(Type.Array(controlSchemas.NewAuthorization)),
  },
  { additionalProperties: false },
);

export type Seed = Static<typeof SeedDocument>;

/** Permission sets the demo accounts grant: every set of the authorization page (docs/tokens.md §3). */
const OFFICIAL_ACCOUNT_SETS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 22, 23, 24, 26, 33];
const MINIPROGRAM_SETS = [17, 18, 19, 25, 30, 31, 36, 37, 40, 48, 49];

export const DEMO = {
  platform: {
    appid: 'wxd0c0de0000000001',
    secret: 'd0c0de00000000000000000000000001',
    name: 'wxlocal Demo Platform',
    message_token: 'wxlocaldemotoken',
    encoding_aes_key: 'wxlocalDemoEncodingAesKey0123456789abcdefgh',
  },
  officialAccount: { appid: 'wxd0c0de0000000002', secret: 'd0c0de00000000000000000000000002' },
  miniProgram: { appid: 'wxd0c0de0000000003', secret: 'd0c0de00000000000000000000000003' },
} as const;

export const demoSeed: Seed = {
  platforms: [{ ...DEMO.platform, published: true }],
  accounts: [
    { ...DEMO.officialAccount, type: 'official_account', nickname: 'wxlocal Demo Official Account' },
    { ...DEMO.miniProgram, type: 'miniprogram', nickname: 'wxlocal Demo Mini Program' },
  ],
  authorizations: [
    {
      component_appid: DEMO.platform.appid,
      authorizer_appid: DEMO.officialAccount.appid,
      func_info: OFFICIAL_ACCOUNT_SETS,
    },
    {
      component_appid: DEMO.platform.appid,
      authorizer_appid: DEMO.miniProgram.appid,
      func_info: MINIPROGRAM_SETS,
    },
  ],
};

export function readSeedFile(file: string): Seed {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read seed file ${file}: ${(error as Error).message}`);
  }
  try {
    return parseBody(SeedDocument, json);
  } catch (error) {
    throw new Error(`seed file ${file}: ${(error as Error).message}`);
  }
}

/**
 * Creates what the seed describes and is not there yet, so a restart on the same data file with the same
 * seed changes nothing (an existing authorization keeps its refresh token).
 */
export async function applySeed(runtime: Runtime, seed: Seed): Promise<void> {
  for (const platform of seed.platforms ?? []) {
    await transact(runtime, async (scope) => {
      if (!platform.appid || !(await findPlatform(scope.tx, platform.appid)))
        await addPlatform(scope, platform);
    });
  }
  for (const account of seed.accounts ?? []) {
    await transact(runtime, async (scope) => {
      if (!account.appid || !(await findAccount(scope.tx, account.appid))) await addAccount(scope, account);
    });
  }
  for (const grant of seed.authorizations ?? []) {
    await transact(runtime, async (scope) => {
      if (!(await findAuthorization(scope.tx, grant.component_appid, grant.authorizer_appid)))
        await grantAuthorization(scope, grant);
    });
  }
}
