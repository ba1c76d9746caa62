import { type MeterOwner, meters } from '../api.ts';
import { Scroll, Show, YesNo } from '../components.tsx';
import { t } from '../i18n.ts';
import { STATE_EVENTS, useLoad } from '../store.ts';
import type { Counter } from '../types.ts';
import { QuotaForm } from './QuotaForm.tsx';

/** An account's or a platform's daily API counters and the month's quota clears (docs/quota.md §1, §6). */
export function QuotaPanel({ owner, appid }: { owner: MeterOwner; appid: string }) {
  // A call is counted without a state event (counts reach the store later), so each call is one to look again.
  const loaded = useLoad(() => meters.get(owner, appid), [owner, appid], [...STATE_EVENTS, 'call']);
  return (
    <>
      <p class="muted">{t('quotaIntro')}</p>
      <Show loaded={loaded}>
        {(meter) => (
          <>
            <p>{t('quotaDay', { day: meter.day })}</p>
            <Counters counters={meter.counters} />
            <dl>
              <dt>{t('quotaClears')}</dt>
              <dd>
                {meter.clears.used} / {meter.clears.limit}
              </dd>
              <dt>{t('apiClears')}</dt>
              <dd>
                {meter.api_clears.used} / {meter.api_clears.limit}
              </dd>
            </dl>
          </>
        )}
      </Show>
      <QuotaForm owner={owner} appid={appid} />
    </>
  );
}

function Counters({ counters }: { counters: Counter[] }) {
  if (counters.length === 0) return <p class="muted">{t('noCounters')}</p>;
  return (
    <Scroll label={t('apiCounters')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('apiPath')}</th>
            <th scope="col">{t('usedOfLimit')}</th>
            <th scope="col">{t('remain')}</th>
            <th scope="col">{t('enforced')}</th>
          </tr>
        </thead>
        <tbody>
          {counters.map((counter) => (
            <tr key={counter.cgi_path}>
              <td>
                <code>{counter.cgi_path}</code>
              </td>
              <td>
                {counter.used} / {counter.daily_limit}
              </td>
              <td>{counter.remain}</td>
              <td>
                <YesNo value={counter.enforced} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}
