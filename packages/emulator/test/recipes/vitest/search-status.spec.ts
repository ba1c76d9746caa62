import { beforeEach, expect, inject, it } from 'vitest';
import { connectWxlocal, DEMO } from 'wxlocal';

const { url, snapshot } = inject('wxlocal');
const { control } = connectWxlocal(url);

let token: string; // the demo Mini Program's access token, as your component would hold it
beforeEach(async () => {
  await control.snapshots.restore(snapshot);
  ({ authorizer_access_token: token } = await control.authorizations.create({
    component_appid: DEMO.platform.appid,
    authorizer_appid: DEMO.miniProgram.appid,
    func_info: [18],
  }));
});

/** What your code sends once its WeChat SDK points at `url`. */
const wechat = async (path: string, body: unknown = {}) =>
  (await fetch(`${url}${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })).json();

it('hides the Mini Program from search', async () => {
  expect(await wechat('/wxa/changewxasearchstatus', { status: 1 })).toEqual({ errcode: 0, errmsg: 'ok' });
  expect(await wechat('/wxa/getwxasearchstatus')).toEqual({ status: 1, errcode: 0, errmsg: 'ok' });
});

it('an access token expires two hours later', async () => {
  await control.clock.advance(7200);
  expect(await wechat('/wxa/getwxasearchstatus')).toMatchObject({ errcode: 42001 });
});

it('starts from the snapshot: searchable again, the clock back', async () => {
  expect(await wechat('/wxa/getwxasearchstatus')).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
  expect(Math.abs((await control.clock.now()) - Date.now() / 1000)).toBeLessThan(60);
});
