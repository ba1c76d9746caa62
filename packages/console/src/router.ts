import { useEffect, useState } from 'preact/hooks';

/** The console's pages, addressed by the URL's hash so that the server serves one file. */
export type Route =
  | { view: 'overview' }
  | { view: 'account'; appid: string; tab: string | undefined }
  | { view: 'platform'; appid: string }
  | { view: 'requests' }
  | { view: 'faults' }
  | { view: 'missing' };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseHash(hash: string): Route {
  const [first, second, third] = hash.replace(/^#\/?/, '').split('/').map(decode);
  if (!first) return { view: 'overview' };
  if (first === 'accounts' && second) return { view: 'account', appid: second, tab: third || undefined };
  if (first === 'platforms' && second) return { view: 'platform', appid: second };
  if (first === 'requests' && !second) return { view: 'requests' };
  if (first === 'faults' && !second) return { view: 'faults' };
  return { view: 'missing' };
}

export const href = {
  overview: '#/',
  requests: '#/requests',
  faults: '#/faults',
  account: (appid: string, tab?: string) =>
    `#/accounts/${encodeURIComponent(appid)}${tab ? `/${encodeURIComponent(tab)}` : ''}`,
  platform: (appid: string) => `#/platforms/${encodeURIComponent(appid)}`,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
