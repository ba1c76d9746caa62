import { readFileSync } from 'node:fs';
import type { Static } from '@sinclair/typebox';
import { findAccount } from './areas/accounts/accounts.js';
import { findPlatform } from './areas/accounts/platforms.js';
import { findAuthorization } from './areas/tokens/authorizations.js';
import type { Operations } from './control/operations.js';
import { parseBody, SeedDocument } from './control/schemas.js';
import type { Store } from './store/index.js';

export type Seed = Static<typeof SeedDocument>;

/** Permission sets the demo accounts grant: every OA set and every MP set named in the spec, and more. */
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
export async function applySeed(store: Store, ops: Operations, seed: Seed): Promise<void> {
  for (const platform of seed.platforms ?? []) {
    if (!platform.appid || !(await findPlatform(store.db, platform.appid)))
      await ops.createPlatform(platform);
  }
  for (const account of seed.accounts ?? []) {
    if (!account.appid || !(await findAccount(store.db, account.appid))) await ops.createAccount(account);
  }
  for (const grant of seed.authorizations ?? []) {
    if (!(await findAuthorization(store.db, grant.component_appid, grant.authorizer_appid)))
      await ops.authorize(grant);
  }
}
