import type { AccountType } from '@wxlocal/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findPlatform, listAccounts } from '../areas/accounts/store.js';
import { AUTHORIZATION_CODE_LIFETIME_MS } from '../areas/authorizations/authorize.js';
import { grantAuthorization } from '../areas/authorizations/control.js';
import { AUTHORIZATION_PAGE_PATHS, CONSOLE_PATH } from '../areas/tokens/authorization-link.js';
import { preAuthCodeProblem } from '../areas/tokens/pre-auth-codes.js';
import { ControlError } from '../core/index.js';
import { asRawBody } from '../http/body.js';
import { announceChange, type Runtime, transact } from '../runtime.js';
import type { AccountRow, PlatformRow } from '../store/index.js';
import { errorPage, escapeHtml, page } from './html.js';
import { permissionSets } from './permission-sets.js';

/** What the page was opened with: the query of the link, then the fields of the form. */
interface PageRequest {
  component_appid: string;
  pre_auth_code: string;
  redirect_uri: string;
  /** 1 Official Accounts only, 2 Mini Programs only, 3 both (the default). */
  auth_type: string;
  biz_appid: string;
}

class PageError extends Error {}

/** An authorization must grant something (docs/tokens.md §5.4): the page's hint and the refusal both say so. */
const NO_SET_TICKED = 'Tick at least one permission set.';

const TYPE_NAMES: Record<AccountType, string> = {
  official_account: 'Official Account',
  miniprogram: 'Mini Program',
};

/**
 * The account admin's side of the onboarding flow: pick an account and permission sets, confirm, and the
 * browser lands on `redirect_uri` with `auth_code` and `expires_in`; the authorization event is pushed.
 */
export function registerAuthorizationPage(app: FastifyInstance, runtime: Runtime): void {
  for (const path of AUTHORIZATION_PAGE_PATHS) {
    app.get(path, async (request, reply) =>
      answer(reply, async () => {
        const input = pageRequest(request.query as Record<string, unknown>);
        const { platform, accounts, noAccount } = await context(runtime, input);
        return html(reply, 200, consentPage(input, platform, accounts, noAccount));
      }),
    );
  }

  app.post(AUTHORIZATION_PAGE_PATHS[0], async (request, reply) =>
    answer(reply, async () => {
      const form = new URLSearchParams(asRawBody(request.body).bytes?.toString('utf8') ?? '');
      const input = pageRequest(Object.fromEntries(form));
      const { accounts } = await context(runtime, input);
      if (form.get('decision') !== 'confirm')
        return html(reply, 200, page('Cancelled', '<h1>Authorization cancelled</h1>'));
      const account = accounts.find((candidate) => candidate.appid === form.get('authorizer_appid'));
      if (!account) throw new PageError('Choose an account to authorize.');
      const func_info = form.getAll('func_info').map(Number).filter(Number.isSafeInteger);
      // An authorization must grant something; refused here, before the pre_auth_code is spent.
      if (func_info.length === 0) throw new PageError(NO_SET_TICKED);
      const body = { component_appid: input.component_appid, authorizer_appid: account.appid, func_info };
      const before = runtime.store.version;
      const granted = await transact(runtime, (scope) =>
        grantAuthorization(scope, body, input.pre_auth_code),
      );
      announceChange(runtime, 'authorization page', before);
      // A console path lands on the page's own address.
      const target = new URL(input.redirect_uri, `${request.protocol}://${request.host}`);
      target.searchParams.set('auth_code', granted.authorization_code);
      target.searchParams.set('expires_in', String(AUTHORIZATION_CODE_LIFETIME_MS / 1000));
      return reply.redirect(target.href, 302);
    }),
  );
}

/** Runs a page action; a refusal shows the error page and changes nothing. */
async function answer(reply: FastifyReply, action: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof PageError) && !(error instanceof ControlError)) throw error;
    return html(reply, 400, errorPage(error.message));
  }
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

function pageRequest(source: Record<string, unknown>): PageRequest {
  const text = (name: string) => {
    const value = source[name];
    return typeof value === 'string'
      ? value
      : Array.isArray(value) && typeof value[0] === 'string'
        ? value[0]
        : '';
  };
  return {
    component_appid: text('component_appid'),
    pre_auth_code: text('pre_auth_code'),
    redirect_uri: text('redirect_uri'),
    auth_type: text('auth_type') || '3',
    biz_appid: text('biz_appid'),
  };
}

/**
 * The platform, the accounts the link allows, and why there are none ('' if there are some); any problem
 * with the link is a PageError.
 */
async function context({ store, clock }: Runtime, input: PageRequest) {
  const platform = input.component_appid ? await findPlatform(store.db, input.component_appid) : undefined;
  if (!platform) throw new PageError('Unknown third-party platform (component_appid).');
  if (!validRedirect(input.redirect_uri)) throw new PageError('redirect_uri must be an http or https URL.');
  const problem = await preAuthCodeProblem(store.db, platform.appid, input.pre_auth_code, clock.now());
  if (problem) throw new PageError(problem);
  const types = allowedTypes(input.auth_type);
  const all = await listAccounts(store.db);
  const accounts = all.filter(
    (account) => types.includes(account.type) && (!input.biz_appid || account.appid === input.biz_appid),
  );
  return { platform, accounts, noAccount: accounts.length ? '' : noAccountReason(input, types, all) };
}

/** An http or https URL, or a path of wxlocal's console (where the console's own links lead back). */
function validRedirect(uri: string): boolean {
  if (uri.startsWith(CONSOLE_PATH)) return !/\s/.test(uri);
  return /^https?:\/\/[^\s]+$/i.test(uri) && URL.canParse(uri);
}

/** The account types a link's `auth_type` allows: 1 Official Accounts, 2 Mini Programs, anything else both. */
function allowedTypes(authType: string): AccountType[] {
  if (authType === '1') return ['official_account'];
  if (authType === '2') return ['miniprogram'];
  return ['official_account', 'miniprogram'];
}

/** Why no account may authorize with a link, so the admin (or the test) can fix the link or the accounts. */
function noAccountReason(input: PageRequest, types: AccountType[], all: AccountRow[]): string {
  const allowed = types.length === 1 ? TYPE_NAMES[types[0] as AccountType] : 'account';
  if (!input.biz_appid) return `No ${allowed} exists.`;
  const named = all.find((account) => account.appid === input.biz_appid);
  if (!named) return 'biz_appid names no account.';
  // An account that exists yet was filtered out is of a kind auth_type excludes.
  return `The link's auth_type allows only ${allowed}s, and biz_appid names a ${TYPE_NAMES[named.type]}.`;
}

/** The consent form; `noAccount`, when set, says why no account may authorize, and the form can only cancel. */
function consentPage(
  input: PageRequest,
  platform: PlatformRow,
  accounts: AccountRow[],
  noAccount: string,
): string {
  const hidden = Object.entries(input)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const choices = noAccount
    ? `<fieldset><legend>Account</legend><p class="error" id="no-account">No account may authorize with this link. ${escapeHtml(noAccount)}</p></fieldset>`
    : `<fieldset><legend>Account</legend>${accountChoices(accounts)}</fieldset>\n${setChoices()}`;
  const authorize = noAccount
    ? ''
    : '<button class="primary" name="decision" value="confirm">Authorize</button>\n';
  const body = `<h1>Authorize ${escapeHtml(platform.name)}</h1>
<p class="sub">The third-party platform <code>${escapeHtml(platform.appid)}</code> asks to manage an account for you.</p>
<form method="post" action="${AUTHORIZATION_PAGE_PATHS[0]}">${hidden}
${choices}
<div class="actions">${authorize}<button class="secondary" name="decision" value="cancel" formnovalidate>Cancel</button></div></form>`;
  return page(`Authorize ${platform.name}`, body, SHOW_SETS_OF_CHOSEN_ACCOUNT);
}

function accountChoices(accounts: AccountRow[]): string {
  return accounts
    .map(
      (account, index) =>
        `<label><input type="radio" name="authorizer_appid" value="${escapeHtml(account.appid)}" data-type="${account.type}"${index === 0 ? ' checked' : ''} required> ${escapeHtml(account.nickname)} <code>${escapeHtml(account.appid)} · ${TYPE_NAMES[account.type]}</code></label>`,
    )
    .join('');
}

/** A fieldset of permission sets per account type, every set ticked; the script shows the chosen type's. */
function setChoices(): string {
  const checkbox = (set: { id: number; name: string }) =>
    `<label><input type="checkbox" name="func_info" value="${set.id}" checked> ${set.id} · ${escapeHtml(set.name)}</label>`;
  return (Object.keys(permissionSets) as AccountType[])
    .map(
      (type) =>
        `<fieldset data-for="${type}"><legend>Permission sets</legend><p class="hint">${NO_SET_TICKED}</p>${permissionSets[type].map(checkbox).join('')}</fieldset>`,
    )
    .join('');
}

/**
 * Only the chosen account type's permission sets are shown and sent (a disabled fieldset is neither), and
 * Authorize is blocked while none of them is ticked; Cancel skips the check (formnovalidate).
 */
const SHOW_SETS_OF_CHOSEN_ACCOUNT = `
const sync = () => {
  const chosen = document.querySelector('input[name=authorizer_appid]:checked');
  for (const set of document.querySelectorAll('fieldset[data-for]')) {
    set.disabled = !chosen || set.dataset.for !== chosen.dataset.type;
    const boxes = [...set.querySelectorAll('input[type=checkbox]')];
    const none = !boxes.some((box) => box.checked);
    for (const box of boxes) box.setCustomValidity(none ? ${JSON.stringify(NO_SET_TICKED)} : '');
  }
};
document.addEventListener('change', sync); sync();`;
