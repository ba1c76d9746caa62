// node --test: one emulator for this file, restored to its first state before each test.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { DEMO, startWxlocal } from 'wxlocal';

let wx;
let snapshot;
let token; // the demo Mini Program's access token, as your component would hold it
before(async () => {
  wx = await startWxlocal();
  snapshot = await wx.control.snapshots.take();
});
beforeEach(async () => {
  await snapshot.restore();
  ({ authorizer_access_token: token } = await wx.control.authorizations.create({
    component_appid: DEMO.platform.appid,
    authorizer_appid: DEMO.miniProgram.appid,
    func_info: [18],
  }));
});
after(() => wx.close());

/** What your code sends once its WeChat SDK points at `wx.url`. */
const wechat = async (path, body = {}) =>
  (
    await fetch(`${wx.url}${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })
  ).json();

test('hides the Mini Program from search', async () => {
  assert.deepEqual(await wechat('/wxa/changewxasearchstatus', { status: 1 }), { errcode: 0, errmsg: 'ok' });
  assert.deepEqual(await wechat('/wxa/getwxasearchstatus'), { status: 1, errcode: 0, errmsg: 'ok' });
});

test('an access token expires two hours later', async () => {
  await wx.control.clock.advance(7200);
  assert.equal((await wechat('/wxa/getwxasearchstatus')).errcode, 42001);
});

test('starts from the snapshot: searchable again, the clock back', async () => {
  assert.deepEqual(await wechat('/wxa/getwxasearchstatus'), { status: 0, errcode: 0, errmsg: 'ok' });
  assert.ok(Math.abs((await wx.control.clock.now()) - Date.now() / 1000) < 60);
});
