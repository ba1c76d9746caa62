import { useState } from 'preact/hooks';
import { control } from '../api.ts';
import { Result, Scroll, Show } from '../components.tsx';
import { t } from '../i18n.ts';
import { STATE_EVENTS, useAction, useLoad } from '../store.ts';

/** Injected errors: an endpoint's next calls answer an errcode (`POST /_wxlocal/faults`). */
export function Faults() {
  // A call that meets a fault uses it up: the list is shown anew after each call too.
  const loaded = useLoad(() => control.faults.list(), [], [...STATE_EVENTS, 'call']);
  const { run, outcome, busy } = useAction();
  const [endpoint, setEndpoint] = useState('');
  const [errcode, setErrcode] = useState('-1');
  const [count, setCount] = useState('1');

  const arm = (event: Event) => {
    event.preventDefault();
    run(async () => {
      await control.faults.inject({
        endpoint: endpoint.trim(),
        errcode: Number(errcode),
        count: Number(count),
      });
      loaded.reload();
      return t('faultArmed', { endpoint: endpoint.trim(), errcode, count });
    });
  };
  const disarm = (which?: string) =>
    run(async () => {
      await control.faults.clear(which === undefined ? {} : { endpoint: which });
      loaded.reload();
      return which === undefined ? t('faultsDisarmed') : t('faultDisarmed', { endpoint: which });
    });

  return (
    <>
      <h1 tabIndex={-1}>{t('faults')}</h1>
      <p class="muted">{t('faultsIntro')}</p>
      <form class="stack" onSubmit={arm} aria-labelledby="arm-heading">
        <h2 id="arm-heading">{t('armFault')}</h2>
        <label>
          {t('endpoint')}
          <input
            name="endpoint"
            required
            value={endpoint}
            placeholder="getSearchStatus"
            onInput={(event) => setEndpoint(event.currentTarget.value)}
          />
        </label>
        <label>
          errcode
          <input
            name="errcode"
            type="number"
            required
            value={errcode}
            onInput={(event) => setErrcode(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('count')}
          <input
            name="count"
            type="number"
            min={1}
            required
            value={count}
            onInput={(event) => setCount(event.currentTarget.value)}
          />
        </label>
        <div>
          <button type="submit" disabled={busy}>
            {t('arm')}
          </button>
        </div>
      </form>
      <Result outcome={outcome} />
      <section aria-labelledby="armed-heading">
        <h2 id="armed-heading">{t('armedFaults')}</h2>
        <Show loaded={loaded}>
          {({ faults }) =>
            faults.length === 0 ? (
              <p class="muted">{t('noFaults')}</p>
            ) : (
              <>
                <Scroll label={t('armedFaults')}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('endpoint')}</th>
                        <th scope="col">errcode</th>
                        <th scope="col">{t('remaining')}</th>
                        <th scope="col">{t('actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {faults.map((fault, index) => (
                        <tr key={`${fault.endpoint}-${index}`}>
                          <td>
                            <code>{fault.endpoint}</code>
                          </td>
                          <td>{fault.errcode}</td>
                          <td>{fault.remaining}</td>
                          <td>
                            <button
                              type="button"
                              disabled={busy}
                              aria-label={t('disarmWhat', { endpoint: fault.endpoint })}
                              onClick={() => disarm(fault.endpoint)}
                            >
                              {t('disarm')}
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </Scroll>
                <div class="actions">
                  <button type="button" disabled={busy} onClick={() => disarm()}>
                    {t('disarmAll')}
                  </button>
                </div>
              </>
            )
          }
        </Show>
      </section>
    </>
  );
}
