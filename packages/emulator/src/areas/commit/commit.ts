import { authorizerOf, type Call, fail } from '../../core/index.js';
import type { TemplateRow } from '../../store/index.js';
import { permittedPrivacyApis } from '../accounts/views.js';
import { sentInteger } from '../templates/numbers.js';
import { findTemplate } from '../templates/store.js';
import {
  checkExtShape,
  checkPrivacyDeclaration,
  checkStandardKeys,
  parseExtJson,
  resultingApp,
  type TemplateCode,
} from './ext-json.js';
import { saveTrial } from './store.js';

/** The largest code package a commit takes: 20 MB (docs/code-management.md §4.1 rule 12). */
const MAX_PACKAGE_KB = 20480;
const MAX_USER_VERSION = 64;
const STANDARD_TEMPLATE = 1;

/**
 * Commits a template of the platform's library with the merchant's ext_json: the result replaces the Mini
 * Program's trial version and restarts its privacy scan (docs/code-management.md §4.1, rules in order).
 */
export async function commit(call: Call<'commit'>): Promise<object> {
  const { account, authorization } = authorizerOf(call);
  const { template_id, ext_json, user_version, user_desc } = call.request;
  const template = await templateOf(call, authorization.component_appid, template_id);
  const ext = checkExtShape(parseExtJson(ext_json), account.appid);
  if (template.template_type === STANDARD_TEMPLATE) checkStandardKeys(ext);
  const app = resultingApp(ext, templateCode(template));
  const declared = checkPrivacyDeclaration(ext.requiredPrivateInfos, permittedPrivacyApis(account));
  if (template.size_kb > MAX_PACKAGE_KB) fail(85044);
  if (user_version === '' || [...user_version].length > MAX_USER_VERSION) fail(40097);
  await saveTrial(call.tx, {
    appid: account.appid,
    component_appid: authorization.component_appid,
    template_id: template.template_id,
    template_type: template.template_type,
    ext_json: ext_json as string,
    pages: JSON.stringify(app.pages),
    subpackages: JSON.stringify(app.subpackages),
    tabbar_pages: JSON.stringify(app.tabbarPages),
    declared_privacy_apis: JSON.stringify(declared),
    template_privacy_apis: template.privacy_apis,
    user_version,
    user_desc,
    commit_time: call.now,
  });
  return {};
}

/** Rule 2: a number or numeric string naming a template of the platform's library. */
async function templateOf(call: Call<'commit'>, componentAppid: string, id: unknown): Promise<TemplateRow> {
  const templateId = sentInteger(id);
  const template =
    templateId === undefined ? undefined : await findTemplate(call.tx, componentAppid, templateId);
  if (!template) fail(85014);
  return template;
}

function templateCode(template: TemplateRow): TemplateCode {
  return {
    pages: JSON.parse(template.pages),
    subpackages: JSON.parse(template.subpackages),
    tabbarPages: JSON.parse(template.tabbar_pages),
  };
}
