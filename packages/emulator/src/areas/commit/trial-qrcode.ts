import { encode } from 'jpeg-js';
import qrcode from 'qrcode-generator';

/** The trial version's QR code: a JPEG of WeChat's trial link (docs/code-management.md §4.3). */

const QUIET_ZONE_MODULES = 4;
const PIXELS_PER_MODULE = 8;
const JPEG_QUALITY = 90;

/**
 * `https://open.weixin.qq.com/sns/getexpappinfo?appid=…[&path=…]#wechat-redirect`; the path's page gets `.html`
 * before its query, as in the links developers build.
 */
export function trialLink(appid: string, path: string): string {
  const base = `https://open.weixin.qq.com/sns/getexpappinfo?appid=${appid}`;
  if (path === '') return `${base}#wechat-redirect`;
  const at = path.indexOf('?');
  const page = at < 0 ? path : path.slice(0, at);
  const query = at < 0 ? '' : path.slice(at + 1);
  const target = `${page}.html${query === '' ? '' : `?${query}`}`;
  return `${base}&path=${encodeURIComponent(target)}#wechat-redirect`;
}

/** A baseline JPEG of `text` as a level-M QR code, black on white, with its 4-module quiet zone. */
export function qrCodeJpeg(text: string): Uint8Array {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const modules = code.getModuleCount() + 2 * QUIET_ZONE_MODULES;
  const size = modules * PIXELS_PER_MODULE;
  const data = Buffer.alloc(size * size * 4, 0xff);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const row = Math.floor(y / PIXELS_PER_MODULE) - QUIET_ZONE_MODULES;
      const col = Math.floor(x / PIXELS_PER_MODULE) - QUIET_ZONE_MODULES;
      if (isDark(code, row, col)) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return new Uint8Array(encode({ width: size, height: size, data }, JPEG_QUALITY).data);
}

function isDark(code: ReturnType<typeof qrcode>, row: number, col: number): boolean {
  const count = code.getModuleCount();
  return row >= 0 && col >= 0 && row < count && col < count && code.isDark(row, col);
}
