import type { AccountRow, PlatformRow } from '../../store/index.js';
import { accountFlags } from './flags.js';
import { auditPolicyOf, type Category } from './store.js';

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
    categories: categoriesOf(account),
    init_completed: account.init_completed === 1,
    permitted_privacy_apis: permittedPrivacyApis(account),
    visit_status: account.visit_status,
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
    message_url: platform.message_url,
    audit_policy: auditPolicyOf(platform),
    audit_quota: { limit: platform.audit_limit, speedup_limit: platform.speedup_limit },
    privacy_scan_seconds: platform.privacy_scan_seconds,
  };
}

export function categoriesOf(account: AccountRow): Category[] {
  return JSON.parse(account.categories) as Category[];
}

/** The privacy APIs (without `wx.`) the account may use; null: all of them. */
export function permittedPrivacyApis(account: AccountRow): string[] | null {
  return account.permitted_privacy_apis === null
    ? null
    : (JSON.parse(account.permitted_privacy_apis) as string[]);
}
