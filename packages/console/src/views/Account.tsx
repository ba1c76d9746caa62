import type { FunctionComponent } from 'preact';
import { control } from '../api.ts';
import { Show } from '../components.tsx';
import { type Key, t } from '../i18n.ts';
import { href } from '../router.ts';
import { useLoad } from '../store.ts';
import type { Account } from '../types.ts';
import { FlagsTab } from './account/FlagsTab.tsx';
import { LinksTab } from './account/LinksTab.tsx';
import { QrcodeTab } from './account/QrcodeTab.tsx';
import { QuotaTab } from './account/QuotaTab.tsx';
import { SearchTab } from './account/SearchTab.tsx';
import { ServerDomainsTab } from './account/ServerDomainsTab.tsx';
import { WebviewTab } from './account/WebviewTab.tsx';

interface Tab {
  id: string;
  title: Key;
  view: FunctionComponent<{ account: Account }>;
}

const search: Tab = { id: 'search', title: 'searchStatus', view: SearchTab };
const links: Tab = { id: 'links', title: 'links', view: LinksTab };
const webview: Tab = { id: 'webview', title: 'webviewDomains', view: WebviewTab };
const server: Tab = { id: 'server', title: 'serverDomains', view: ServerDomainsTab };
const qrcode: Tab = { id: 'qrcode', title: 'qrcodeRules', view: QrcodeTab };
const flags: Tab = { id: 'flags', title: 'flags', view: FlagsTab };
const quota: Tab = { id: 'quota', title: 'apiQuota', view: QuotaTab };

/** The areas an account of each type has. */
const TABS: Record<Account['type'], Tab[]> = {
  miniprogram: [search, links, webview, server, qrcode, flags, quota],
  official_account: [links, qrcode, flags, quota],
};

export function AccountView({ appid, tab }: { appid: string; tab: string | undefined }) {
  const loaded = useLoad(() => control.accounts.get(appid), [appid]);
  return (
    <>
      <h1 tabIndex={-1}>{loaded.data?.nickname ?? appid}</h1>
      <Show loaded={loaded}>
        {(account) => {
          const tabs = TABS[account.type];
          const current = tabs.find((candidate) => candidate.id === tab) ?? (tabs[0] as Tab);
          const View = current.view;
          return (
            <>
              <p class="summary">
                <span class="badge">{t(account.type)}</span> <code>{account.appid}</code>{' '}
                <span>
                  {t('subject')}: {account.principal_name}
                </span>
              </p>
              <nav class="tabs" aria-label={t('accountAreas')}>
                {tabs.map((candidate) => (
                  <a
                    key={candidate.id}
                    href={href.account(account.appid, candidate.id)}
                    aria-current={candidate === current ? 'page' : undefined}
                  >
                    {t(candidate.title)}
                  </a>
                ))}
              </nav>
              <section class="tab" aria-labelledby="tab-heading">
                <h2 id="tab-heading">{t(current.title)}</h2>
                <View account={account} />
              </section>
            </>
          );
        }}
      </Show>
    </>
  );
}
