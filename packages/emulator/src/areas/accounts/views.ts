import type { AccountRow, PlatformRow } from '../../store/index.js';
import { accountFlags } from './flags.js';

/** The account's avatar URL, as WeChat lists it. */
export function headImgUrl(account: AccountRow): string {
  return `http://wx.qlogo.cn/mmopen/${account.appid}/0`;
}

/** The account as the control plane shows it. */
export function accountView(account: AccountRow) {
  return {
    appid: account.appid,
    secret: account.secret,
    type: account.type,
    nickname: account.nickname,
    principal_name: account.principal_name,
    user_name: account.user_name,
    personal: account.personal === 1,
    overseas: account.overseas === 1,
    service_type: account.service_type,
    verified: account.verified === 1,
    admin_email: account.admin_email,
    ...accountFlags(account),
    ip_whitelist: JSON.parse(account.ip_whitelist) as string[],
    search_status: account.search_status,
  };
}

export function platformView(platform: PlatformRow) {
  return {
    appid: platform.appid,
    secret: platform.secret,
    name: platform.name,
    published: platform.published === 1,
    test_accounts: JSON.parse(platform.test_accounts) as string[],
    ip_whitelist: JSON.parse(platform.ip_whitelist) as string[],
    auth_event_url: platform.auth_event_url,
    message_token: platform.message_token,
    encoding_aes_key: platform.encoding_aes_key,
  };
}
