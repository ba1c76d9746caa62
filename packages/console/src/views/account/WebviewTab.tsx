import { control } from '../../api.ts';
import { Items, Result, Show } from '../../components.tsx';
import { t } from '../../i18n.ts';
import { useAction, useLoad } from '../../store.ts';
import type { Account } from '../../types.ts';

const LISTS = [
  'mp_webviewdomain',
  'third_webviewdomain',
  'direct_webviewdomain',
  'effective_webviewdomain',
] as const;

function hostOf(entry: string): string | undefined {
  try {
    return new URL(entry).host;
  } catch {
    return undefined;
  }
}

/** The Mini Program's four business-domain lists (docs/webview-domain.md §2) and the confirm files on them. */
export function WebviewTab({ account }: { account: Account }) {
  const loaded = useLoad(async () => {
    const [lists, { confirm_files }] = await Promise.all([
      control.webviewDomains.get(account.appid),
      control.confirmFiles.list(),
    ]);
    const hosts = new Set(LISTS.flatMap((list) => lists[list].map(hostOf)));
    return { lists, files: confirm_files.filter((file) => hosts.has(hostOf(file.url))) };
  }, [account.appid]);
  const { run, outcome, busy } = useAction();
  const release = () =>
    run(async () => {
      await control.accounts.release(account.appid);
      const lists = await control.webviewDomains.get(account.appid);
      return t('released', { domains: lists.effective_webviewdomain.join(', ') || t('empty') });
    });
  return (
    <>
      <Show loaded={loaded}>
        {({ lists, files }) => (
          <>
            <div class="cards">
              {LISTS.map((list) => (
                <article class="card" key={list}>
                  <h3>
                    <code>{list}</code>
                  </h3>
                  <p class="muted">{t(`webview.${list}`)}</p>
                  <Items items={lists[list]} />
                </article>
              ))}
            </div>
            <h3>{t('confirmFiles')}</h3>
            {files.length === 0 ? (
              <p class="muted">{t('noConfirmFiles')}</p>
            ) : (
              <Items items={files.map((file) => file.url)} />
            )}
          </>
        )}
      </Show>
      <div class="actions">
        <button type="button" disabled={busy} onClick={release}>
          {t('releaseCode')}
        </button>
      </div>
      <p class="muted">{t('releaseCodeHint')}</p>
      <Result outcome={outcome} />
    </>
  );
}
