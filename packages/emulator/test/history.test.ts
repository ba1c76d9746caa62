import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const componentToken = async () =>
  (
    await h.post('/cgi-bin/component/api_component_token', {
      component_appid: w.platform.appid,
      component_appsecret: w.platform.secret,
      component_verify_ticket: (
        await h.get(`/_wxlocal/platforms/${w.platform.appid}/ticket`)
      ).json.verify_ticket,
    })
  ).json.component_access_token as string;
const useToken = (token: string) =>
  h.post(`/cgi-bin/component/api_create_preauthcode?component_access_token=${token}`, {
    component_appid: w.platform.appid,
  });
const rows = async (table: 'tokens' | 'quota_counters') =>
  Number(
    (
      await h.emulator.runtime.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );

/** Waits for the pruning that runs every second to have removed what it may. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('pruning did not happen within 5 s');
}

describe('history is pruned, answers stay the same', () => {
  it('superseded tokens go once their grace has passed and still answer 40001', async () => {
    const first = await componentToken();
    const before = await rows('tokens');
    for (let i = 0; i < 50; i++) await componentToken();
    expect(await rows('tokens')).toBe(before + 50);
    await advanceClock(h, 301);
    await until(async () => (await rows('tokens')) <= before);
    expect(wxError((await useToken(first)).json)).toEqual({ errcode: 40001, base: expect.any(String) });
    expect((await useToken(await componentToken())).json.pre_auth_code).toMatch(/^preauthcode@@@/);
  });

  it('an expired token answers 42001 for a day, then is gone and answers 40001', async () => {
    const token = await componentToken();
    await advanceClock(h, 7200);
    expect(wxError((await useToken(token)).json).errcode).toBe(42001);
    await advanceClock(h, 23 * 3600);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(wxError((await useToken(token)).json).errcode).toBe(42001);
    await advanceClock(h, 3600);
    await until(async () => wxError((await useToken(token)).json).errcode === 40001);
  });

  it('quota counters of past periods go, the current period keeps counting', async () => {
    const stable = () =>
      h.post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: w.miniProgram.appid,
        secret: w.miniProgram.secret,
      });
    await stable();
    const counters = await rows('quota_counters');
    expect(counters).toBeGreaterThan(0);
    await advanceClock(h, 2 * 24 * 3600);
    await until(async () => (await rows('quota_counters')) === 0);
    await stable();
    expect(await rows('quota_counters')).toBe(counters);
  });
});
