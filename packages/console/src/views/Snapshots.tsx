import { control } from '../api.ts';
import { Result, Show } from '../components.tsx';
import { chinaTime } from '../format.ts';
import { t } from '../i18n.ts';
import { useAction, useLoad } from '../store.ts';

/** Snapshots of the whole state, to take and to go back to. */
export function Snapshots() {
  const loaded = useLoad(() => control.snapshots.list(), []);
  const { run, outcome, busy } = useAction();
  const take = () =>
    run(async () => {
      const snapshot = await control.snapshots.take();
      loaded.reload();
      return t('snapshotTaken', { id: snapshot.id });
    });
  return (
    <section aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">{t('snapshots')}</h2>
      <div class="actions">
        <button type="button" disabled={busy} onClick={take}>
          {t('takeSnapshot')}
        </button>
      </div>
      <Show loaded={loaded}>
        {(snapshots) =>
          snapshots.length === 0 ? (
            <p class="muted">{t('noSnapshots')}</p>
          ) : (
            <ul class="rows">
              {snapshots.map((snapshot) => (
                <li key={snapshot.id}>
                  <code>{snapshot.id}</code> <span class="muted">{chinaTime(snapshot.created_at)}</span>{' '}
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('restoreWhat', { id: snapshot.id })}
                    onClick={() =>
                      run(async () => {
                        await snapshot.restore();
                        return t('snapshotRestored', { id: snapshot.id });
                      })
                    }
                  >
                    {t('restore')}
                  </button>{' '}
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('dropWhat', { id: snapshot.id })}
                    onClick={() =>
                      run(async () => {
                        await snapshot.drop();
                        loaded.reload();
                        return t('snapshotDropped', { id: snapshot.id });
                      })
                    }
                  >
                    {t('drop')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      <Result outcome={outcome} />
    </section>
  );
}
