import { control } from '../../api.ts';
import { Result, Show } from '../../components.tsx';
import { chinaTime } from '../../format.ts';
import { type Key, t } from '../../i18n.ts';
import { href } from '../../router.ts';
import { useAction, useLoad } from '../../store.ts';
import type { Account, Link } from '../../types.ts';

/** The link records this account is part of, as an Official Account or as a Mini Program. */
export function LinksTab({ account }: { account: Account }) {
  const loaded = useLoad(async () => {
    const { links } = await control.links.list();
    return links.filter(
      (link) => link.official_account === account.appid || link.miniprogram === account.appid,
    );
  }, [account.appid]);
  return (
    <>
      <p class="muted">{t('linksIntro')}</p>
      <Show loaded={loaded}>
        {(links) =>
          links.length === 0 ? (
            <p class="muted">{t('noLinks')}</p>
          ) : (
            links.map((link) => (
              <LinkRecord key={`${link.official_account}/${link.miniprogram}`} link={link} />
            ))
          )
        }
      </Show>
    </>
  );
}

type StepState = 'done' | 'current' | 'refused' | 'todo';

/** The two-admin flow (docs/link-miniprogram.md §2.3) and where this record stands in it. */
function steps(link: Link): { title: Key; state: StepState }[] {
  const { status } = link;
  const after = (done: boolean, current: boolean): StepState =>
    done ? 'done' : current ? 'current' : 'todo';
  const flow: { title: Key; state: StepState }[] = [
    { title: link.origin === 'console' ? 'stepConsoleStarted' : 'stepInvited', state: 'done' },
    {
      title: 'stepOaConfirms',
      state: link.origin === 'console' ? 'done' : after(status !== 12, status === 12),
    },
    { title: 'stepMpConfirms', state: status === 3 ? 'refused' : after(status === 1, status === 2) },
    { title: 'stepLinked', state: status === 1 ? 'done' : 'todo' },
  ];
  if (link.unlink_pending) flow.push({ title: 'stepUnlinkPending', state: 'current' });
  return flow;
}

function LinkRecord({ link }: { link: Link }) {
  const { run, outcome, busy } = useAction();
  const respond = (admin: 'official_account' | 'miniprogram', accept: boolean) =>
    run(async () => {
      const answer = await control.links.respond({
        official_account: link.official_account,
        miniprogram: link.miniprogram,
        admin,
        accept,
      });
      return answer.status === null ? t('linkRemoved') : t('linkStatus', { status: answer.status });
    });
  const admins = [
    { admin: 'official_account', title: 'asOaAdmin' },
    { admin: 'miniprogram', title: 'asMpAdmin' },
  ] as const;
  return (
    <article class="card">
      <h3>
        {t('official_account')}{' '}
        <a href={href.account(link.official_account, 'links')}>{link.official_account}</a> ↔{' '}
        {t('miniprogram')} <a href={href.account(link.miniprogram, 'links')}>{link.miniprogram}</a>
      </h3>
      <p>
        {t('status')}: <span class="badge">{link.status}</span> {t(`linkState.${link.status}` as Key)}
        <span class="muted">
          {' '}
          · {t('origin')}: {link.origin} · {t('updatedAt')}: {chinaTime(link.updated_at)}
        </span>
      </p>
      <ol class="flow" aria-label={t('linkFlow')}>
        {steps(link).map((step) => (
          <li
            key={step.title}
            class={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span class="step-state">{t(`step.${step.state}`)}</span> {t(step.title)}
          </li>
        ))}
      </ol>
      <div class="admins">
        {admins.map(({ admin, title }) => (
          <fieldset key={admin} class="actions">
            <legend>{t(title)}</legend>
            <button type="button" disabled={busy} onClick={() => respond(admin, true)}>
              {t('accept')}
            </button>
            <button type="button" disabled={busy} onClick={() => respond(admin, false)}>
              {t('refuse')}
            </button>
          </fieldset>
        ))}
      </div>
      <Result outcome={outcome} />
    </article>
  );
}
