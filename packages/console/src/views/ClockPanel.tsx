import { useState } from 'preact/hooks';
import { control } from '../api.ts';
import { Result } from '../components.tsx';
import { chinaTime, nextChinaMonth, parseChinaTime } from '../format.ts';
import { t } from '../i18n.ts';
import { emulatedNow, noteClock, useAction, useNow } from '../store.ts';

/** The emulated clock and the moves a test makes with it; reset of the whole state sits with it. */
export function ClockPanel() {
  const now = useNow();
  const { run, outcome, busy } = useAction();
  const [target, setTarget] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);

  const move = (to: () => Promise<number>) =>
    run(async () => {
      const moved = await to();
      noteClock(moved);
      return t('clockNow', { time: chinaTime(moved) });
    });
  const set = (event: Event) => {
    event.preventDefault();
    const unix = parseChinaTime(target);
    if (unix === undefined) return run(() => Promise.reject(new Error(t('badTime'))));
    return move(() => control.clock.set(unix));
  };
  const reset = () => {
    if (!confirmReset) return setConfirmReset(true);
    setConfirmReset(false);
    return run(async () => {
      await control.reset();
      noteClock(await control.clock.now());
      return t('resetDone');
    });
  };

  return (
    <section aria-labelledby="clock-heading">
      <h2 id="clock-heading">{t('clock')}</h2>
      <p class="clock">
        <strong>{chinaTime(now)}</strong> <span class="muted">{t('chinaTime')}</span>{' '}
        <code class="muted">{now}</code>
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => move(() => control.clock.advance(3600))}>
          {t('plusHour')}
        </button>
        <button type="button" disabled={busy} onClick={() => move(() => control.clock.advance(86400))}>
          {t('plusDay')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => move(() => control.clock.set(nextChinaMonth(emulatedNow())))}
        >
          {t('nextMonth')}
        </button>
      </div>
      <form class="inline" onSubmit={set}>
        <label>
          {t('setClock')}
          <input
            type="datetime-local"
            step={1}
            name="clock"
            value={target}
            onInput={(event) => setTarget(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('set')}
        </button>
      </form>
      <div class="actions">
        <button type="button" class={confirmReset ? 'danger' : ''} disabled={busy} onClick={reset}>
          {confirmReset ? t('resetConfirm') : t('reset')}
        </button>
        {confirmReset && (
          <button type="button" onClick={() => setConfirmReset(false)}>
            {t('cancel')}
          </button>
        )}
      </div>
      <Result outcome={outcome} />
    </section>
  );
}
