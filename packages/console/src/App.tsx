import { useEffect, useRef, useState } from 'preact/hooks';
import { control } from './api.ts';
import { LANGUAGES, type Language, language, setLanguage, t } from './i18n.ts';
import { href, type Route, useRoute } from './router.ts';
import { followEvents, noteClock, useEvents, useLiveStatus } from './store.ts';
import { AccountView } from './views/Account.tsx';
import { Faults } from './views/Faults.tsx';
import { Overview } from './views/Overview.tsx';
import { PlatformView } from './views/Platform.tsx';
import { Requests } from './views/Requests.tsx';

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
      return <Overview />;
    case 'account':
      return <AccountView key={route.appid} appid={route.appid} tab={route.tab} />;
    case 'platform':
      return <PlatformView key={route.appid} appid={route.appid} />;
    case 'requests':
      return <Requests />;
    case 'faults':
      return <Faults />;
    case 'missing':
      return (
        <>
          <h1 tabIndex={-1}>{t('notFound')}</h1>
          <p>
            <a href={href.overview}>{t('overview')}</a>
          </p>
        </>
      );
  }
}

function LiveBadge() {
  const live = useLiveStatus();
  return (
    <span class={live.connected ? 'badge on' : 'badge warn'} role="status">
      {live.connected
        ? t('live')
        : live.error
          ? t('liveLost', { message: live.error })
          : t('liveReconnecting')}
    </span>
  );
}

export function App() {
  const route = useRoute();
  const [, setShown] = useState<Language>(language());
  const first = useRef(true);

  useEffect(() => {
    const stop = new AbortController();
    void followEvents(stop.signal);
    return () => stop.abort();
  }, []);
  useEvents(['clock', 'reset'], (event) => {
    if (event.type === 'clock') noteClock(event.data.now);
    // Were it refused, the views' own loads say so.
    else control.clock.now().then(noteClock, () => undefined);
  });
  // Keyboard and screen-reader users land on the new page's heading (not on a change of tab).
  const page =
    route.view === 'account' || route.view === 'platform' ? `${route.view}/${route.appid}` : route.view;
  useEffect(() => {
    if (first.current) first.current = false;
    else document.querySelector<HTMLElement>('main h1')?.focus();
  }, [page]);

  const choose = (next: Language) => {
    setLanguage(next);
    setShown(next);
  };
  const nav = [
    { href: href.overview, title: t('overview'), current: route.view === 'overview' },
    { href: href.requests, title: t('requests'), current: route.view === 'requests' },
    { href: href.faults, title: t('faults'), current: route.view === 'faults' },
  ];
  return (
    <>
      <header>
        <a class="brand" href={href.overview}>
          wxlocal
        </a>
        <nav aria-label={t('mainNav')}>
          {nav.map((item) => (
            <a key={item.href} href={item.href} aria-current={item.current ? 'page' : undefined}>
              {item.title}
            </a>
          ))}
        </nav>
        <LiveBadge />
        <label class="language">
          {t('language')}
          <select value={language()} onChange={(event) => choose(event.currentTarget.value as Language)}>
            {LANGUAGES.map((candidate) => (
              <option key={candidate.code} value={candidate.code} lang={candidate.code}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <View route={route} />
      </main>
    </>
  );
}
