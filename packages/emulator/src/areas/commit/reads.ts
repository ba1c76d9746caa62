import { authorizerOf, type Call, fail } from '../../core/index.js';
import type { TrialRow } from '../../store/index.js';
import { findPlatform } from '../accounts/store.js';
import { categoriesOf } from '../accounts/views.js';
import { findTrial } from './store.js';
import { pageList, privacyFindings, privacyScanDone } from './trial.js';
import { qrCodeJpeg, trialLink } from './trial-qrcode.js';

/** What a Mini Program reads of its trial version and its categories (docs/code-management.md §4.2, §4.3, §5, §6). */

type TrialCall = Call<'getCodePage' | 'getTrialQRCode' | 'getCodePrivacyInfo'>;

/** No trial version: nothing was committed (86001). */
async function trialOf(call: TrialCall): Promise<TrialRow> {
  const trial = await findTrial(call.tx, authorizerOf(call).account.appid);
  if (!trial) fail(86001);
  return trial;
}

export async function getCodePage(call: Call<'getCodePage'>) {
  return { page_list: pageList(await trialOf(call)) };
}

export async function getTrialQRCode(call: Call<'getTrialQRCode'>) {
  await trialOf(call);
  return { image: qrCodeJpeg(trialLink(authorizerOf(call).account.appid, call.request.path)) };
}

/** The lists wait for the commit's privacy scan, which runs `privacy_scan_seconds` of the committing platform. */
export async function getCodePrivacyInfo(call: Call<'getCodePrivacyInfo'>) {
  const trial = await trialOf(call);
  const platform = await findPlatform(call.tx, trial.component_appid);
  if (platform && !privacyScanDone(trial, platform, call.now)) fail(61039);
  return privacyFindings(trial, authorizerOf(call).account);
}

/** The account's categories, fields in WeChat's order. */
export async function getAllCategoryName(call: Call<'getAllCategoryName'>) {
  const category_list = categoriesOf(authorizerOf(call).account).map((category) => ({
    first_class: category.first_class,
    second_class: category.second_class,
    ...(category.third_class === undefined ? {} : { third_class: category.third_class }),
    first_id: category.first_id,
    second_id: category.second_id,
    ...(category.third_id === undefined ? {} : { third_id: category.third_id }),
  }));
  return { category_list };
}
