import type { AccountFlag } from '@wxlocal/api';
import { useEffect, useState } from 'preact/hooks';
import { control } from '../../api.ts';
import { Result } from '../../components.tsx';
import { t } from '../../i18n.ts';
import { useAction } from '../../store.ts';
import type { Account } from '../../types.ts';

/** One of an account's flags as a switch; turning it patches the account (`PATCH /_wxlocal/accounts/:appid`). */
export function FlagSwitch({ account, flag }: { account: Account; flag: AccountFlag }) {
  const { run, outcome, busy } = useAction();
  const id = `flag-${flag}`;
  // The switch shows the change at once, and what the account holds once it is loaded again.
  const [checked, setChecked] = useState(account[flag]);
  useEffect(() => setChecked(account[flag]), [account[flag]]);
  const turn = (on: boolean) => {
    setChecked(on);
    return run(async () => {
      try {
        const changed = await control.accounts.patch(account.appid, { [flag]: on });
        return t('flagSet', { flag, value: changed[flag] ? t('on') : t('off') });
      } catch (error) {
        setChecked(account[flag]);
        throw error;
      }
    });
  };
  return (
    <div class="switch">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={busy}
        aria-describedby={`${id}-effect`}
        onChange={(event) => turn(event.currentTarget.checked)}
      />
      <label for={id}>
        <code>{flag}</code>
      </label>
      <span id={`${id}-effect`} class="muted">
        {t(`flag.${flag}`)}
      </span>
      <Result outcome={outcome} />
    </div>
  );
}
