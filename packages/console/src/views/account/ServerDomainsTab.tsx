import { controlSchemas } from '@wxlocal/api';
import { control } from '../../api.ts';
import { Items, Scroll, Show } from '../../components.tsx';
import { t } from '../../i18n.ts';
import { useLoad } from '../../store.ts';
import type { Account } from '../../types.ts';

const SETS = ['mp_domain', 'third_domain', 'direct_domain', 'effective_domain'] as const;
const KINDS = controlSchemas.serverDomainKinds;

/** The Mini Program's four server-domain sets of six kinds each (docs/server-domain.md). */
export function ServerDomainsTab({ account }: { account: Account }) {
  const loaded = useLoad(() => control.serverDomains.get(account.appid), [account.appid]);
  return (
    <>
      <p class="muted">{t('serverDomainsIntro')}</p>
      <Show loaded={loaded}>
        {(domains) => (
          <Scroll label={t('serverDomains')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('kind')}</th>
                  {SETS.map((set) => (
                    <th scope="col" key={set}>
                      <code>{set}</code>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {KINDS.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">
                      <code>{kind}</code>
                    </th>
                    {SETS.map((set) => (
                      <td key={set}>
                        <Items items={domains[set][kind]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        )}
      </Show>
    </>
  );
}
