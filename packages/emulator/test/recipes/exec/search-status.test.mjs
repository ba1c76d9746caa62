// wxlocal exec -- node --test: the emulator is started for the run and found through WXLOCAL_URL.
import assert from 'node:assert/strict';
import { before, beforeEach, test } from 'node:test';
import { connectWxlocal } from 'wxlocal';

const { url, control } = connectWxlocal(process.env.WXLOCAL_URL);
let snapshot;
let token; // the demo Mini Program's access token, as your component would hold it
before(async () => {
  snapshot = await control.snapshots.take();
});
beforeEach(async () => {
  await snapshot.restore();
  ({ authorizer_access_token: token } = await control.authorizations.create({
    component_appid: process.env.WXLOCAL_COMPONENT_APPID,
    authorizer_appid: process.env.WXLOCAL_MINIPROGRAM_APPID,
    func_info: [18],
  }));
});

/** What your code sends once its WeChat SDK points at WXLOCAL_URL. */
const wechat = async (path, body = {}) =>
  (await fetch(`${url}${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })).json();

test('hides the Mini Program from search', async () => {
  assert.deepEqual(await wechat('/wxa/changewxasearchstatus', { status: 1 }), { errcode: 0, errmsg: 'ok' });
  assert.deepEqual(await wechat('/wxa/getwxasearchstatus'), { status: 1, errcode: 0, errmsg: 'ok' });
});

test('starts from the snapshot: searchable again', async () => {
  assert.deepEqual(await wechat('/wxa/getwxasearchstatus'), { status: 0, errcode: 0, errmsg: 'ok' });
});
