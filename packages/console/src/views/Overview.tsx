import { type AccountFlag, accountFlagDefaults } from '@wxlocal/api';
import { control } from '../api.ts';
import { Items, Scroll, Secret, Show, YesNo } from '../components.tsx';
import { duration } from '../format.ts';
import { t } from '../i18n.ts';
import { setName } from '../permission-sets.ts';
import { href } from '../router.ts';
import { noteClock, useLoad, useNow } from '../store.ts';
import type { Account, Authorization, Platform } from '../types.ts';
import { ClockPanel } from './ClockPanel.tsx';
import { Snapshots } from './Snapshots.tsx';

async function loadOverview() {
  const [platforms, accounts, authorizations, now] = await Promise.all([
    control.platforms.list(),
    control.accounts.list(),
    control.authorizations.list(),
    control.clock.now(),
  ]);
  noteClock(now);
  return { ...platforms, ...accounts, ...authorizations };
}

export function Overview() {
  const loaded = useLoad(loadOverview, []);
  return (
    <>
      <h1 tabIndex={-1}>{t('overview')}</h1>
      <ClockPanel />
      <Show loaded={loaded}>
        {({ platforms, accounts, authorizations }) => (
          <>
            <Platforms platforms={platforms} />
            <Accounts accounts={accounts} />
            <Authorizations authorizations={authorizations} accounts={accounts} />
          </>
        )}
      </Show>
      <Snapshots />
    </>
  );
}

function Platforms({ platforms }: { platforms: Platform[] }) {
  const now = useNow();
  return (
    <section aria-labelledby="platforms-heading">
      <h2 id="platforms-heading">{t('platforms')}</h2>
      {platforms.length === 0 && <p class="muted">{t('noPlatforms')}</p>}
      <div class="cards">
        {platforms.map((platform) => (
          <article class="card" key={platform.appid}>
            <h3>
              <a href={href.platform(platform.appid)}>{platform.name}</a>
            </h3>
            <dl>
              <dt>component_appid</dt>
              <dd>
                <code>{platform.appid}</code>
              </dd>
              <dt>{t('published')}</dt>
              <dd>
                <YesNo value={platform.published} />
              </dd>
              <dt>{t('testAccounts')}</dt>
              <dd>
                <Items items={platform.test_accounts} />
              </dd>
              <dt>component_verify_ticket</dt>
              <dd>
                <Secret value={platform.verify_ticket} label="component_verify_ticket" />
                <span class="muted">
                  {' '}
                  {t('issuedAgo', { age: duration(now - platform.verify_ticket_issued_at) })}
                </span>
              </dd>
              <dt>{t('authEventUrl')}</dt>
              <dd>{platform.auth_event_url ? <code>{platform.auth_event_url}</code> : t('notSet')}</dd>
              <dt>{t('messageUrl')}</dt>
              <dd>{platform.message_url ? <code>{platform.message_url}</code> : t('notSet')}</dd>
              <dt>{t('messageToken')}</dt>
              <dd>
                <Secret value={platform.message_token} label={t('messageToken')} />
              </dd>
              <dt>EncodingAESKey</dt>
              <dd>
                <Secret value={platform.encoding_aes_key} label="EncodingAESKey" />
              </dd>
            </dl>
          </article>
        ))}
      </div>
    </section>
  );
}

/** The flags of an account that differ from their defaults. */
function changedFlags(account: Account): string[] {
  return (Object.keys(accountFlagDefaults) as AccountFlag[])
    .filter((flag) => account[flag] !== accountFlagDefaults[flag])
    .map((flag) => (account[flag] ? flag : `${flag}: ${t('off')}`));
}

function Flags({ account }: { account: Account }) {
  const changed = changedFlags(account);
  return changed.length === 0 ? <span class="muted">{t('defaultFlags')}</span> : <Items items={changed} />;
}

function Accounts({ accounts }: { accounts: Account[] }) {
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accounts')}</h2>
      {accounts.length === 0 ? (
        <p class="muted">{t('noAccounts')}</p>
      ) : (
        <Scroll label={t('accounts')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('account')}</th>
                <th scope="col">{t('type')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('flags')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.appid}>
                  <td>
                    <a href={href.account(account.appid)}>{account.nickname}</a>
                    <br />
                    <code>{account.appid}</code>
                  </td>
                  <td>{t(account.type)}</td>
                  <td>{account.principal_name}</td>
                  <td>
                    <Flags account={account} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

function Authorizations({
  authorizations,
  accounts,
}: {
  authorizations: Authorization[];
  accounts: Account[];
}) {
  const now = useNow();
  const accountOf = (appid: string) => accounts.find((account) => account.appid === appid);
  return (
    <section aria-labelledby="authorizations-heading">
      <h2 id="authorizations-heading">{t('authorizations')}</h2>
      {authorizations.length === 0 && <p class="muted">{t('noAuthorizations')}</p>}
      <div class="cards">
        {authorizations.map((grant) => {
          const expiresAt = grant.authorizer_access_token_expires_at;
          return (
            <article class="card" key={`${grant.component_appid}/${grant.authorizer_appid}`}>
              <h3>
                <a href={href.account(grant.authorizer_appid)}>
                  {accountOf(grant.authorizer_appid)?.nickname ?? grant.authorizer_appid}
                </a>
              </h3>
              <dl>
                <dt>authorizer_appid</dt>
                <dd>
                  <code>{grant.authorizer_appid}</code>
                </dd>
                <dt>{t('platform')}</dt>
                <dd>
                  <a href={href.platform(grant.component_appid)}>{grant.component_appid}</a>
                </dd>
                <dt>{t('status')}</dt>
                <dd>{t(grant.status)}</dd>
                <dt>{t('permissionSets')}</dt>
                <dd>
                  <ul class="sets">
                    {grant.func_info.map((id) => (
                      <li key={id}>
                        <span class="badge">{id}</span> {setName(accountOf(grant.authorizer_appid)?.type, id)}
                      </li>
                    ))}
                  </ul>
                </dd>
                <dt>authorizer_access_token</dt>
                <dd>
                  <Secret value={grant.authorizer_access_token} label="authorizer_access_token" />
                  {expiresAt !== null && (
                    <span class="muted">
                      {' '}
                      {expiresAt > now
                        ? t('expiresIn', { left: duration(expiresAt - now) })
                        : t('expiredAgo', { ago: duration(now - expiresAt) })}
                    </span>
                  )}
                </dd>
                <dt>authorizer_refresh_token</dt>
                <dd>
                  <Secret value={grant.authorizer_refresh_token} label="authorizer_refresh_token" />
                </dd>
              </dl>
            </article>
          );
        })}
      </div>
    </section>
  );
}
