import { type AccountFlag, accountFlagDefaults } from '@wxlocal/api';
import { t } from '../../i18n.ts';
import type { Account } from '../../types.ts';
import { FlagSwitch } from './FlagSwitch.tsx';

export function FlagsTab({ account }: { account: Account }) {
  return (
    <>
      <p class="muted">{t('flagsIntro')}</p>
      {(Object.keys(accountFlagDefaults) as AccountFlag[]).map((flag) => (
        <FlagSwitch key={flag} account={account} flag={flag} />
      ))}
    </>
  );
}
