import { control } from '../api.ts';
import { Result, Scroll, Show } from '../components.tsx';
import { faultEffect } from '../format.ts';
import { t } from '../i18n.ts';
import { STATE_EVENTS, useAction, useLoad } from '../store.ts';
import type { FaultRule } from '../types.ts';
import { FaultForm } from './FaultForm.tsx';

/** Fault rules (`/_wxlocal/faults`): the form that arms one, and those armed, each with its draws so far. */
export function Faults() {
  // A call a rule fires on counts towards it: the list is shown anew after each call too.
  const loaded = useLoad(() => control.faults.list(), [], [...STATE_EVENTS, 'call']);
  const { run, outcome, busy } = useAction();
  const remove = (id?: string) =>
    run(async () => {
      if (id === undefined) await control.faults.clear();
      else await control.faults.remove(id);
      loaded.reload();
      return id === undefined ? t('rulesRemoved') : t('ruleRemoved', { id });
    });

  return (
    <>
      <h1 tabIndex={-1}>{t('faults')}</h1>
      <p class="muted">{t('faultsIntro')}</p>
      <FaultForm onArmed={loaded.reload} />
      <section aria-labelledby="armed-heading">
        <h2 id="armed-heading">{t('armedRules')}</h2>
        <Result outcome={outcome} />
        <Show loaded={loaded}>
          {({ faults }) =>
            faults.length === 0 ? (
              <p class="muted">{t('noFaults')}</p>
            ) : (
              <>
                <Rules faults={faults} busy={busy} onRemove={remove} />
                <div class="actions">
                  <button type="button" disabled={busy} onClick={() => remove()}>
                    {t('removeAll')}
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

function Rules({
  faults,
  busy,
  onRemove,
}: {
  faults: FaultRule[];
  busy: boolean;
  onRemove: (id: string) => void;
}) {
  return (
    <Scroll label={t('armedRules')}>
      <table class="rules">
        <thead>
          <tr>
            <th scope="col">id</th>
            <th scope="col">{t('endpoint')}</th>
            <th scope="col">appid</th>
            <th scope="col">{t('effect')}</th>
            <th scope="col">{t('probability')}</th>
            <th scope="col">{t('seed')}</th>
            <th scope="col">{t('count')}</th>
            <th scope="col">{t('fired')}</th>
            <th scope="col">{t('remaining')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {faults.map((rule) => (
            <tr key={rule.id}>
              <td>
                <code>{rule.id}</code>
              </td>
              <td>{rule.endpoint === '*' ? t('everyEndpoint') : <code>{rule.endpoint}</code>}</td>
              <td>{rule.appid === null ? t('everyAccount') : <code>{rule.appid}</code>}</td>
              <td>{faultEffect(rule)}</td>
              <td>{rule.probability}</td>
              <td>
                <code>{rule.seed}</code>
              </td>
              <td>{rule.count ?? t('noLimit')}</td>
              <td>{rule.fired}</td>
              <td>{rule.remaining ?? t('noLimit')}</td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('removeRule', { id: rule.id })}
                  onClick={() => onRemove(rule.id)}
                >
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}
