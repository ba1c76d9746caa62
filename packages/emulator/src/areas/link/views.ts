import type { AccountRow } from '../../store/index.js';
import { accountFlags } from '../accounts/flags.js';
import { headImgUrl } from '../accounts/views.js';
import { LinkStatus } from './status.js';
import type { LinkRow } from './store.js';

/**
 * An item of wxamplinkget (docs/link-miniprogram.md §4): a linked MP carries every field; an invitation or a refusal only status,
 * username, source, nickname, headimg_url and an empty func_infos.
 */
export function linkItem(link: LinkRow, miniProgram: AccountRow) {
  const common = { status: link.status, username: miniProgram.user_name };
  if (link.status !== LinkStatus.linked) {
    return {
      ...common,
      source: 'SOURCE_NORMAL',
      nickname: miniProgram.nickname,
      headimg_url: headImgUrl(miniProgram),
      func_infos: [],
    };
  }
  const flags = accountFlags(miniProgram);
  return {
    ...common,
    appid: miniProgram.appid,
    source: 'SOURCE_NORMAL',
    nickname: miniProgram.nickname,
    selected: link.show_profile,
    nearby_display_status: Number(flags.nearby_display),
    released: Number(flags.code_released),
    headimg_url: headImgUrl(miniProgram),
    func_infos: [
      { status: miniProgram.verified, id: 1, name: '微信认证' },
      { status: Number(flags.pay_enabled), id: 2, name: '微信支付' },
    ],
    email: miniProgram.admin_email,
  };
}

/** A link as the control plane shows it. */
export function linkView(link: LinkRow) {
  return {
    official_account: link.official_account,
    miniprogram: link.miniprogram,
    status: link.status,
    origin: link.origin,
    notify_users: link.notify_users,
    show_profile: link.show_profile,
    unlink_pending: link.unlink_pending === 1,
    created_at: Math.floor(link.created_at / 1000),
    updated_at: Math.floor(link.updated_at / 1000),
  };
}
