import { t } from '../../i18n.ts';
import type { Account } from '../../types.ts';
import { FlagSwitch } from './FlagSwitch.tsx';

/** setSearchStatus's state: 0 searchable, 1 hidden (docs/search-status.md), and WeChat's lock on it. */
export function SearchTab({ account }: { account: Account }) {
  return (
    <>
      <dl>
        <dt>{t('searchStatus')}</dt>
        <dd>
          <span class="badge">{account.search_status}</span>{' '}
          {account.search_status === 0 ? t('searchable') : t('hiddenFromSearch')}
        </dd>
      </dl>
      <FlagSwitch account={account} flag="search_banned" />
    </>
  );
}
