import { type TSchema, Type } from '@sinclair/typebox';
import type { EndpointDef } from './endpoints.js';
import { Choice } from './fields.js';

/**
 * Code management and the template library (docs/code-management.md): the platform's deploy pipeline from a
 * developer's draft to a released Mini Program.
 */

/**
 * A field handed to the handler as sent, never coerced: ids that may be numbers or numeric strings (a value that
 * is neither names nothing, 85014 rather than 47001), and values whose wrong type has its own errcode.
 */
export function asSent<S extends TSchema>(schema: S): S & { asSent: true } {
  return { ...schema, asSent: true };
}

const Id = (description: string) =>
  asSent(
    Type.Union([Type.Integer(), Type.String()], {
      description: `${description}: a number or numeric string`,
    }),
  );

const Empty = Type.Object({});
const tokenErrors = [41001, 40001, 40014, 42001, 48001] as const;
const bodyErrors = [44002, 47001] as const;
const templateErrors = [...tokenErrors, 61004, ...bodyErrors] as const;
/** A code API's checks before its own rules (docs/code-management.md §1.1). */
const codeErrors = [...tokenErrors, 86000, 61003, 61007, ...bodyErrors] as const;

/** The template APIs: the component_access_token only. */
const template = { token: 'component', envelope: 'business' } as const;
/** The code APIs: a Mini Program's authorizer token with set 18; its own token answers 86000. */
const code = {
  token: 'authorizer',
  accountTypes: ['miniprogram'],
  permissionSets: [18],
  ownTokenErrcode: 86000,
  envelope: 'business',
} as const;

const UploadedCode = {
  create_time: Type.Integer(),
  user_version: Type.String(),
  user_desc: Type.String(),
};

const CategoryFields = {
  first_class: Type.String(),
  second_class: Type.String(),
  third_class: Type.Optional(Type.String()),
  first_id: Type.Integer(),
  second_id: Type.Integer(),
  third_id: Type.Optional(Type.Integer()),
};
const Category = Type.Object(CategoryFields);

const AuditItem = Type.Object({
  address: Type.Optional(Type.String({ description: 'a page of the trial version' })),
  tag: Type.Optional(Type.String({ description: 'space-separated, at most 10 of 20 characters' })),
  ...CategoryFields,
  title: Type.Optional(Type.String({ description: 'at most 32 characters' })),
});

function define<const D extends EndpointDef>(def: D): D {
  return def;
}

export const codeEndpoints = {
  getTemplateDraftList: define({
    name: 'getTemplateDraftList',
    summary: "The component's draft box: code uploaded from DevTools.",
    idempotent: true,
    method: 'GET',
    path: '/wxa/gettemplatedraftlist',
    ...template,
    request: Empty,
    response: Type.Object({
      draft_list: Type.Array(Type.Object({ ...UploadedCode, draft_id: Type.Integer() })),
    }),
    errcodes: templateErrors,
  }),
  addToTemplate: define({
    name: 'addToTemplate',
    summary: "Turns a draft into a code template of the component's template library.",
    method: 'POST',
    path: '/wxa/addtotemplate',
    ...template,
    request: Type.Object({
      draft_id: Id('the draft'),
      template_type: Type.Optional(Id('0 ordinary (the default), 1 standard')),
    }),
    response: Empty,
    errcodes: [...templateErrors, 40097, 85064, 85065, -38],
  }),
  getTemplateList: define({
    name: 'getTemplateList',
    summary: "The component's code templates.",
    idempotent: true,
    method: 'GET',
    path: '/wxa/gettemplatelist',
    ...template,
    queryOrBody: true,
    request: Type.Object({
      template_type: Type.Optional(Id('0 ordinary, 1 standard; absent: both')),
    }),
    response: Type.Object({
      template_list: Type.Array(
        Type.Object({
          ...UploadedCode,
          template_id: Type.Integer(),
          draft_id: Type.Integer(),
          source_miniprogram_appid: Type.String(),
          source_miniprogram: Type.String(),
          developer: Type.String(),
          template_type: Type.Integer(),
          category_list: Type.Array(Category),
          audit_scene: Type.Optional(Type.Integer()),
          audit_status: Type.Optional(Type.Integer()),
          reason: Type.Optional(Type.String()),
        }),
      ),
    }),
    errcodes: templateErrors,
  }),
  deleteTemplate: define({
    name: 'deleteTemplate',
    summary: 'Deletes a code template.',
    method: 'POST',
    path: '/wxa/deletetemplate',
    ...template,
    request: Type.Object({ template_id: Id('the template') }),
    response: Empty,
    errcodes: [...templateErrors, 85064],
  }),
  commit: define({
    name: 'commit',
    summary: "Uploads a template's code to the Mini Program as its trial version.",
    method: 'POST',
    path: '/wxa/commit',
    ...code,
    request: Type.Object({
      template_id: Id('a template of the platform'),
      ext_json: asSent(
        Type.String({ description: 'JSON text: ext, extPages, extAppid, pages, window, tabBar, …' }),
      ),
      user_version: Type.String({ description: 'at most 64 characters' }),
      user_desc: Type.String(),
    }),
    response: Empty,
    errcodes: [
      ...codeErrors,
      40097,
      85013,
      85014,
      85044,
      85045,
      85046,
      85047,
      85048,
      85310,
      85311,
      85312,
      9402203,
      85043,
      9402202,
    ],
  }),
  getCodePage: define({
    name: 'getCodePage',
    summary: "The pages of the Mini Program's trial version.",
    idempotent: true,
    method: 'GET',
    path: '/wxa/get_page',
    ...code,
    request: Empty,
    response: Type.Object({ page_list: Type.Array(Type.String()) }),
    errcodes: [...codeErrors, 86001],
  }),
  getTrialQRCode: define({
    name: 'getTrialQRCode',
    summary: "The trial version's QR code, as a JPEG.",
    idempotent: true,
    method: 'GET',
    path: '/wxa/get_qrcode',
    ...code,
    permissionSets: [18, 86],
    ownTokenErrcode: 40014,
    envelope: 'image',
    queryOrBody: true,
    request: Type.Object({
      path: Type.Optional(Type.String({ description: 'page and query, e.g. page/index?action=1' })),
    }),
    response: Type.Object({ image: Type.Uint8Array({ description: 'a JPEG of the trial QR code' }) }),
    errcodes: [...tokenErrors, 61003, 61007, 86001],
  }),
  getAllCategoryName: define({
    name: 'getAllCategoryName',
    summary: "The Mini Program's categories, for an audit submission.",
    idempotent: true,
    method: 'GET',
    path: '/wxa/get_category',
    ...code,
    request: Empty,
    response: Type.Object({ category_list: Type.Array(Category) }),
    errcodes: codeErrors,
  }),
  getCodePrivacyInfo: define({
    name: 'getCodePrivacyInfo',
    summary: "Whether the trial version's privacy settings pass the check before an audit.",
    idempotent: true,
    method: 'GET',
    path: '/wxa/security/get_code_privacy_info',
    ...code,
    request: Empty,
    response: Type.Object({
      without_auth_list: Type.Array(Type.String()),
      without_conf_list: Type.Array(Type.String()),
    }),
    errcodes: [...codeErrors, 86001, 61039],
  }),
  submitAudit: define({
    name: 'submitAudit',
    summary: "Submits the trial version for WeChat's audit.",
    method: 'POST',
    path: '/wxa/submit_audit',
    ...code,
    request: Type.Object({
      item_list: Type.Optional(asSent(Type.Array(AuditItem, { description: 'at most 5' }))),
      feedback_info: Type.Optional(Type.String()),
      feedback_stuff: Type.Optional(Type.String()),
      version_desc: Type.Optional(Type.String()),
      preview_info: Type.Optional(
        asSent(
          Type.Object({
            video_id_list: Type.Optional(Type.Array(Type.String())),
            pic_id_list: Type.Optional(Type.Array(Type.String())),
          }),
        ),
      ),
      ugc_declare: Type.Optional(
        asSent(
          Type.Object({
            scene: Type.Optional(Type.Array(Type.Integer())),
            method: Type.Optional(Type.Array(Type.Integer())),
            other_scene_desc: Type.Optional(Type.String()),
            has_audit_team: Type.Optional(Type.Integer()),
            audit_desc: Type.Optional(Type.String()),
          }),
        ),
      ),
      privacy_api_not_use: Type.Optional(Type.Boolean()),
      order_path: Type.Optional(Type.String()),
    }),
    response: Type.Object({ auditid: Type.Integer() }),
    errcodes: [
      ...codeErrors,
      86002,
      85086,
      85009,
      85023,
      85010,
      85006,
      85007,
      85011,
      85008,
      85094,
      61039,
      61040,
      85085,
      85051,
      85092,
      87006,
      9402202,
    ],
  }),
  getAuditStatus: define({
    name: 'getAuditStatus',
    summary: 'The status of one audit.',
    idempotent: true,
    method: 'POST',
    path: '/wxa/get_auditstatus',
    ...code,
    request: Type.Object({ auditid: Id('an audit of this Mini Program') }),
    response: Type.Object({
      status: Choice([0, 1, 2, 3, 4], '0 passed, 1 rejected, 2 auditing, 3 withdrawn, 4 delayed'),
      reason: Type.Optional(Type.String()),
      screenshot: Type.Optional(Type.String({ description: '|-separated media ids' })),
    }),
    errcodes: [...codeErrors, 85012],
  }),
  getLatestAuditStatus: define({
    name: 'getLatestAuditStatus',
    summary: 'The status of the latest audit.',
    idempotent: true,
    method: 'GET',
    path: '/wxa/get_latest_auditstatus',
    ...code,
    request: Empty,
    response: Type.Object({
      auditid: Type.Integer(),
      status: Choice([0, 1, 2, 3, 4], '0 passed, 1 rejected, 2 auditing, 3 withdrawn, 4 delayed'),
      reason: Type.Optional(Type.String()),
      ScreenShot: Type.Optional(Type.String()),
      screenshot: Type.Optional(Type.String()),
      user_version: Type.String(),
      user_desc: Type.String(),
      submit_audit_time: Type.Integer(),
    }),
    errcodes: [...codeErrors, 85058],
  }),
  undoAudit: define({
    name: 'undoAudit',
    summary: 'Withdraws the audit in progress.',
    method: 'GET',
    path: '/wxa/undocodeaudit',
    ...code,
    request: Empty,
    response: Empty,
    errcodes: [...codeErrors, 87012, 87013],
  }),
  speedupCodeAudit: define({
    name: 'speedupCodeAudit',
    summary: 'Asks for a faster audit (counts against the speed-up quota).',
    method: 'POST',
    path: '/wxa/speedupaudit',
    ...code,
    request: Type.Object({ auditid: Id('the pending audit') }),
    response: Empty,
    errcodes: [...codeErrors, 89402, 89404, 89405],
  }),
  queryQuota: define({
    name: 'queryQuota',
    summary: 'The audit and speed-up quota left this month.',
    idempotent: true,
    method: 'GET',
    path: '/wxa/queryquota',
    ...code,
    request: Empty,
    response: Type.Object({
      rest: Type.Integer(),
      limit: Type.Integer(),
      speedup_rest: Type.Integer(),
      speedup_limit: Type.Integer(),
    }),
    errcodes: codeErrors,
  }),
  release: define({
    name: 'release',
    summary: 'Releases the audited version.',
    method: 'POST',
    path: '/wxa/release',
    ...code,
    request: Empty,
    response: Empty,
    errcodes: [...codeErrors, 85019, 85020, 85052],
  }),
  revertCodeRelease: define({
    name: 'revertCodeRelease',
    summary: 'Rolls the release back to the previous version, or lists the versions it could roll back to.',
    method: 'GET',
    path: '/wxa/revertcoderelease',
    ...code,
    request: Type.Object({
      action: Type.Optional(asSent(Type.Literal('get_history_version'))),
      app_version: Type.Optional(Id('the version to roll back to')),
    }),
    response: Type.Object({
      version_list: Type.Optional(
        Type.Array(
          Type.Object({
            app_version: Type.Integer(),
            user_version: Type.String(),
            user_desc: Type.String(),
            commit_time: Type.Integer(),
          }),
        ),
      ),
    }),
    errcodes: [...codeErrors, 40097, 87011, 87012],
  }),
  getVersionInfo: define({
    name: 'getVersionInfo',
    summary: "The Mini Program's trial and released versions.",
    idempotent: true,
    method: 'POST',
    path: '/wxa/getversioninfo',
    ...code,
    request: Empty,
    response: Type.Object({
      exp_info: Type.Optional(
        Type.Object({ exp_time: Type.Integer(), exp_version: Type.String(), exp_desc: Type.String() }),
      ),
      release_info: Type.Optional(
        Type.Object({
          release_time: Type.Integer(),
          release_version: Type.String(),
          release_desc: Type.String(),
        }),
      ),
    }),
    errcodes: codeErrors,
  }),
  grayRelease: define({
    name: 'grayRelease',
    summary: 'Releases the audited version to a percentage of users.',
    method: 'POST',
    path: '/wxa/grayrelease',
    ...code,
    request: Type.Object({
      gray_percentage: Id('0-100'),
      support_debuger_first: Type.Optional(Type.Boolean()),
      support_experiencer_first: Type.Optional(Type.Boolean()),
    }),
    response: Empty,
    errcodes: [...codeErrors, 86002, 85079, 85080, 85081, 85082],
  }),
  getGrayReleasePlan: define({
    name: 'getGrayReleasePlan',
    summary: 'The gray release in progress.',
    idempotent: true,
    method: 'GET',
    path: '/wxa/getgrayreleaseplan',
    ...code,
    request: Empty,
    response: Type.Object({
      gray_release_plan: Type.Object({
        status: Choice([0, 1, 2, 3, 4], '0 none, 1 running, 2 paused, 3 done, 4 cancelled'),
        create_timestamp: Type.Integer(),
        gray_percentage: Type.Integer(),
        support_debuger_first: Type.Boolean(),
        support_experiencer_first: Type.Boolean(),
      }),
    }),
    errcodes: codeErrors,
  }),
  revertGrayRelease: define({
    name: 'revertGrayRelease',
    summary: 'Cancels the gray release.',
    method: 'GET',
    path: '/wxa/revertgrayrelease',
    ...code,
    request: Empty,
    response: Empty,
    errcodes: codeErrors,
  }),
  setVisitStatus: define({
    name: 'setVisitStatus',
    summary: 'Opens or closes the released Mini Program to visitors.',
    idempotent: true,
    method: 'POST',
    path: '/wxa/change_visitstatus',
    ...code,
    request: Type.Object({ action: Choice(['open', 'close'], 'open or close the released Mini Program') }),
    response: Empty,
    errcodes: [...codeErrors, 85022],
  }),
  getVisitStatus: define({
    name: 'getVisitStatus',
    summary: 'Whether the released Mini Program is open to visitors.',
    idempotent: true,
    method: 'POST',
    path: '/wxa/getvisitstatus',
    ...code,
    request: Empty,
    response: Type.Object({ status: Choice([0, 1], '1 open, 0 paused') }),
    errcodes: codeErrors,
  }),
} as const;
