// Embedded use (`import { startWxlocal } from 'wxlocal'`), measured in a fresh Node process so that the first
// import is really the first: import time, start to first served call, snapshot restore with 1,000 QR-code
// rules, and the memory of 20 instances in one process. Run by run.mjs; prints one JSON line.
import { performance } from 'node:perf_hooks';

const INDEX = new URL('../packages/emulator/dist/index.js', import.meta.url).href;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeStarts(startWxlocal, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const wx = await startWxlocal();
    const response = await fetch(`${wx.url}/wxa/getwxasearchstatus?access_token=x`);
    await response.text();
    times.push(performance.now() - start);
    await wx.close();
  }
  return median(times);
}

/** 1,000 published ordinary rules on the demo Mini Program, written through a state document. */
function withRules(document, count) {
  const rules = Array.from({ length: count }, (_, i) => ({
    owner: 'wxd0c0de0000000003',
    prefix: `https://bench.example.com/r${i}/`,
    seq: i + 1,
    mode: 'ordinary',
    permit_sub_rule: 1,
    path: 'pages/index/index',
    open_version: 3,
    debug_url: '[]',
    target_appid: null,
    state: 2,
    created_at: 0,
    published_at: 0,
  }));
  return { ...document, tables: { ...document.tables, qrcode_rules: rules } };
}

async function timeRestores(startWxlocal, count) {
  const wx = await startWxlocal();
  await wx.control.state.import(withRules(await wx.control.state.export(), 1000));
  const snapshot = await wx.control.snapshots.take();
  const times = [];
  for (let i = 0; i < count; i++) {
    await wx.control.accounts.create({ type: 'miniprogram' });
    const start = performance.now();
    await snapshot.restore();
    times.push(performance.now() - start);
  }
  await wx.close();
  return median(times);
}

async function instancesRss(startWxlocal, count) {
  const instances = [];
  for (let i = 0; i < count; i++) instances.push(await startWxlocal());
  for (const wx of instances) await (await fetch(`${wx.url}/_wxlocal/health`)).text();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  for (const wx of instances) await wx.close();
  return rssMb;
}

const importStart = performance.now();
const { startWxlocal } = await import(INDEX);
const firstImportMs = performance.now() - importStart;
const startMs = await timeStarts(startWxlocal, 21);
const restoreMs = await timeRestores(startWxlocal, 21);
const rss20Mb = await instancesRss(startWxlocal, 20);
console.log(JSON.stringify({ firstImportMs, startMs, restoreMs, rss20Mb }));
