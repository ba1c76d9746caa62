import { useState } from 'preact/hooks';
import { control } from '../../api.ts';
import { Items, Result, Scroll, Show } from '../../components.tsx';
import { chinaTime } from '../../format.ts';
import { t } from '../../i18n.ts';
import { useAction, useLoad } from '../../store.ts';
import type { Account } from '../../types.ts';

/** The account's QR-code jump rules (docs/qrcode-jump.md) and a scan tester. */
export function QrcodeTab({ account }: { account: Account }) {
  const loaded = useLoad(() => control.qrcode.rules(account.appid), [account.appid]);
  return (
    <>
      <Show loaded={loaded}>
        {({ rules, publishes_left }) => (
          <>
            <p>{t('publishesLeft', { n: publishes_left })}</p>
            {rules.length === 0 ? (
              <p class="muted">{t('noRules')}</p>
            ) : (
              <Scroll label={t('qrcodeRules')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">prefix</th>
                      <th scope="col">{t('state')}</th>
                      <th scope="col">path</th>
                      <th scope="col">open_version</th>
                      <th scope="col">debug_url</th>
                      <th scope="col">{t('publishedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rules.map((rule) => (
                      <tr key={rule.prefix}>
                        <td>
                          <code>{rule.prefix}</code>
                          {rule.target_appid && (
                            <div class="muted">
                              {t('opens')} <code>{rule.target_appid}</code>
                            </div>
                          )}
                        </td>
                        <td>
                          <span class="badge">{rule.state}</span>{' '}
                          {rule.state === 2 ? t('rulePublished') : t('ruleUnpublished')}
                        </td>
                        <td>
                          <code>{rule.path}</code>
                        </td>
                        <td>{t(`openVersion.${rule.open_version}` as 'openVersion.3')}</td>
                        <td>
                          <Items items={rule.debug_url} />
                        </td>
                        <td>{rule.published_at === null ? t('never') : chinaTime(rule.published_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Scroll>
            )}
          </>
        )}
      </Show>
      <ScanTester />
    </>
  );
}

const VIEWERS = ['user', 'developer', 'admin', 'tester'] as const;

/** What a WeChat scan of a URL opens, and why (`GET /_wxlocal/qrcode/resolve`). */
function ScanTester() {
  const [url, setUrl] = useState('');
  const [viewer, setViewer] = useState<(typeof VIEWERS)[number]>('user');
  const { run, outcome, busy } = useAction();
  const scan = (event: Event) => {
    event.preventDefault();
    run(async () => {
      const answer = await control.qrcode.resolve(url, viewer);
      return answer.opens
        ? t('scanOpens', {
            appid: answer.appid,
            path: answer.path,
            version: answer.version,
            rule: answer.rule,
            via: answer.via,
          })
        : t('scanOpensNothing', { reason: answer.reason });
    });
  };
  return (
    <>
      <h3>{t('scanTester')}</h3>
      <form class="stack" onSubmit={scan}>
        <label>
          {t('scannedUrl')}
          <input
            type="url"
            name="url"
            required
            value={url}
            placeholder="https://example.com/shop/1"
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('viewer')}
          <select
            name="viewer"
            value={viewer}
            onChange={(event) => setViewer(event.currentTarget.value as (typeof VIEWERS)[number])}
          >
            {VIEWERS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`viewer.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button type="submit" disabled={busy}>
            {t('scan')}
          </button>
        </div>
      </form>
      <Result outcome={outcome} />
    </>
  );
}
