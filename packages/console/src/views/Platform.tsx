import { useState } from 'preact/hooks';
import { control } from '../api.ts';
import { Items, Result, Show, YesNo } from '../components.tsx';
import { chinaTime } from '../format.ts';
import { t } from '../i18n.ts';
import { useAction, useLoad } from '../store.ts';
import type { Platform } from '../types.ts';
import { QuotaPanel } from './QuotaPanel.tsx';

/** How many of the newest pushes the page looks through for this platform's. */
const PUSH_WINDOW = 500;

export function PlatformView({ appid }: { appid: string }) {
  const loaded = useLoad(async () => {
    const [platform, domains] = await Promise.all([
      control.platforms.get(appid),
      control.platforms.domains(appid),
    ]);
    return { platform, domains };
  }, [appid]);
  return (
    <>
      <h1 tabIndex={-1}>{loaded.data?.platform.name ?? appid}</h1>
      <Show loaded={loaded}>
        {({ platform, domains }) => (
          <>
            <p class="summary">
              <span class="badge">{t('platform')}</span> <code>{platform.appid}</code>{' '}
              <span>
                {t('published')}: <YesNo value={platform.published} />
              </span>
            </p>
            <Actions platform={platform} />
            <section aria-labelledby="pools-heading">
              <h2 id="pools-heading">{t('domainPools')}</h2>
              <p class="muted">{t('domainPoolsIntro')}</p>
              <div class="cards">
                {(['server', 'jump'] as const).map((pool) => (
                  <article class="card" key={pool}>
                    <h3>{t(pool === 'server' ? 'serverPool' : 'jumpPool')}</h3>
                    <dl>
                      <dt>{t('testingValue')}</dt>
                      <dd>
                        <Items items={domains[pool].testing} />
                      </dd>
                      <dt>{t('publishedValue')}</dt>
                      <dd>
                        {domains[pool].published === null ? (
                          <span class="muted">{t('neverPublished')}</span>
                        ) : (
                          <Items items={domains[pool].published} />
                        )}
                      </dd>
                    </dl>
                  </article>
                ))}
              </div>
            </section>
          </>
        )}
      </Show>
      <section aria-labelledby="quota-heading">
        <h2 id="quota-heading">{t('apiQuota')}</h2>
        <QuotaPanel owner="platforms" appid={appid} />
      </section>
      <Pushes appid={appid} />
    </>
  );
}

/** The auth_code the authorization page hands back when it leads here, taken out of the address bar. */
function landedAuthCode(): string | null {
  const code = new URLSearchParams(location.search).get('auth_code');
  if (code) history.replaceState(null, '', `${location.pathname}${location.hash}`);
  return code;
}

function Actions({ platform }: { platform: Platform }) {
  const { run, outcome, busy } = useAction();
  const [landed] = useState(landedAuthCode);
  const publish = () =>
    run(async () => {
      await control.platforms.publish(platform.appid);
      return t('publishedDone');
    });
  const authorize = () =>
    run(async () => {
      const issued = await control.platforms.preAuthCode(platform.appid);
      // The authorization page leads back here (its redirect_uri) once an account is authorized.
      location.assign(issued.authorization_url);
      return t('preAuthCodeIssued', { code: issued.pre_auth_code });
    });
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions')}</h2>
      <div class="actions">
        <button type="button" disabled={busy} onClick={publish}>
          {t('publishPlatform')}
        </button>
        <button type="button" disabled={busy} onClick={authorize}>
          {t('authorizeAccount')}
        </button>
      </div>
      <p class="muted">{t('publishHint')}</p>
      <Result
        outcome={outcome ?? (landed ? { ok: true, text: t('authorizedBack', { code: landed }) } : undefined)}
      />
    </section>
  );
}

/** The pushes sent to the platform's callback, with the XML they carried once decrypted. */
function Pushes({ appid }: { appid: string }) {
  const loaded = useLoad(async () => {
    const { pushes } = await control.pushes.list({ limit: PUSH_WINDOW });
    return pushes.filter((push) => push.platform === appid);
  }, [appid]);
  return (
    <section aria-labelledby="pushes-heading">
      <h2 id="pushes-heading">{t('pushes')}</h2>
      <Show loaded={loaded}>
        {(pushes) =>
          pushes.length === 0 ? (
            <p class="muted">{t('noPushes')}</p>
          ) : (
            <ul class="rows">
              {pushes.map((push, index) => (
                <li key={`${push.time}-${index}`}>
                  <details>
                    <summary>
                      <span class={push.outcome === 'delivered' ? 'badge on' : 'badge warn'}>
                        {t(`outcome.${push.outcome}`)}
                      </span>{' '}
                      <code>{push.info_type}</code> <span class="muted">{chinaTime(push.time)}</span>
                    </summary>
                    <dl>
                      <dt>URL</dt>
                      <dd>
                        <code>{push.url}</code>
                      </dd>
                      <dt>{t('httpStatus')}</dt>
                      <dd>{push.status ?? t('none')}</dd>
                      <dt>{t('answer')}</dt>
                      <dd>{push.answer === null ? t('none') : <code>{push.answer}</code>}</dd>
                    </dl>
                    <p class="muted">{t('decryptedXml')}</p>
                    <pre>{push.xml}</pre>
                  </details>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
