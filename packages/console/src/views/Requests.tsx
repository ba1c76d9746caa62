import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { control } from '../api.ts';
import { Scroll, Show } from '../components.tsx';
import { chinaTime, faultEffect } from '../format.ts';
import { t } from '../i18n.ts';
import { useEvents, useLoad } from '../store.ts';
import type { JournalEntry } from '../types.ts';

/** How many calls the page shows. */
const LIMIT = 200;

interface Filter {
  appid: string;
  endpoint: string;
  errcode: string;
  rid: string;
}
const NO_FILTER: Filter = { appid: '', endpoint: '', errcode: '', rid: '' };

/** The filter as the control plane takes it: exact appid, endpoint and errcode, part of a rid. */
function matches(entry: JournalEntry, filter: Filter): boolean {
  return (
    (!filter.appid || entry.appid === filter.appid) &&
    (!filter.endpoint || entry.endpoint === filter.endpoint) &&
    (!filter.errcode || String(entry.errcode) === filter.errcode) &&
    (!filter.rid || entry.rid.includes(filter.rid))
  );
}

/** The request journal, newest first, with the calls made since the page opened added as they happen. */
export function Requests() {
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [selected, setSelected] = useState<string>();
  const [added, setAdded] = useState<JournalEntry[]>([]);
  const loaded = useLoad(
    async () => {
      const given = (value: string) => value.trim() || undefined;
      const { requests } = await control.requests.list({
        limit: LIMIT,
        appid: given(filter.appid),
        endpoint: given(filter.endpoint),
        errcode: given(filter.errcode) === undefined ? undefined : Number(filter.errcode),
        rid: given(filter.rid),
      });
      return requests;
    },
    [filter],
    ['reset'],
  );
  useEvents(['call', 'reset'], (event) => {
    if (event.type === 'reset') setAdded([]);
    else if (event.type === 'call' && matches(event.data, filter))
      setAdded((calls) => [event.data, ...calls].slice(0, LIMIT));
  });
  const apply = (next: Filter) => {
    setAdded([]);
    setSelected(undefined);
    setFilter(next);
  };
  const search = (event: Event) => {
    event.preventDefault();
    apply({ ...draft });
  };
  const field = (name: keyof Filter, label: string) => (
    <label>
      {label}
      <input
        name={name}
        value={draft[name]}
        inputMode={name === 'errcode' ? 'numeric' : undefined}
        onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
      />
    </label>
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('requests')}</h1>
      <form class="filters" onSubmit={search} aria-label={t('filterRequests')}>
        {field('appid', 'appid')}
        {field('endpoint', t('endpoint'))}
        {field('errcode', 'errcode')}
        {field('rid', t('ridContains'))}
        <div class="actions">
          <button type="submit">{t('filter')}</button>
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTER);
              apply(NO_FILTER);
            }}
          >
            {t('clearFilter')}
          </button>
        </div>
      </form>
      <Show loaded={loaded}>
        {(requests) => {
          const seen = new Set(added.map((entry) => entry.rid));
          const calls = [...added, ...requests.filter((entry) => !seen.has(entry.rid))].slice(0, LIMIT);
          return calls.length === 0 ? (
            <p class="muted">{t('noRequests')}</p>
          ) : (
            <Scroll label={t('requests')}>
              <table class="journal">
                <thead>
                  <tr>
                    <th scope="col">rid</th>
                    <th scope="col">{t('time')}</th>
                    <th scope="col">{t('endpoint')}</th>
                    <th scope="col">appid</th>
                    <th scope="col">errcode</th>
                    <th scope="col">{t('fault')}</th>
                  </tr>
                </thead>
                <tbody>
                  {calls.map((entry) => (
                    <Fragment key={entry.rid}>
                      <tr class={entry.rid === selected ? 'selected' : undefined}>
                        <td>
                          <button
                            type="button"
                            class="link"
                            aria-expanded={entry.rid === selected}
                            onClick={() => setSelected(entry.rid === selected ? undefined : entry.rid)}
                          >
                            {entry.rid}
                          </button>
                        </td>
                        <td>{chinaTime(entry.time)}</td>
                        <td>
                          <code>{entry.endpoint}</code>
                          <div class="muted">
                            {entry.method} {entry.path}
                          </div>
                        </td>
                        <td>
                          <code>{entry.appid ?? ''}</code>
                        </td>
                        <td>
                          <span class={entry.errcode === 0 ? 'badge on' : 'badge warn'}>{entry.errcode}</span>
                        </td>
                        <td>
                          {entry.fault && (
                            <span class="badge warn">
                              {t('faultMark', { id: entry.fault.id, effect: faultEffect(entry.fault) })}
                            </span>
                          )}
                        </td>
                      </tr>
                      {entry.rid === selected && (
                        <tr>
                          <td colSpan={6}>
                            <Call rid={entry.rid} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </Scroll>
          );
        }}
      </Show>
    </>
  );
}

/** One call: what was sent and what came back, secrets shortened by the control plane. */
function Call({ rid }: { rid: string }) {
  const loaded = useLoad(() => control.requests.get(rid), [rid], []);
  return (
    <section class="call" aria-labelledby="call-heading">
      <h2 id="call-heading">
        {t('call')} <code>{rid}</code>
      </h2>
      <Show loaded={loaded}>
        {(call) => (
          <>
            <p>
              <code>
                {call.method} {call.path}
              </code>
            </p>
            {call.fault && <p>{t('faultCall', { id: call.fault.id, effect: faultEffect(call.fault) })}</p>}
            <h3>{t('query')}</h3>
            <pre>{JSON.stringify(call.request.query, null, 2)}</pre>
            <h3>{t('body')}</h3>
            <pre>{call.request.body ?? t('none')}</pre>
            <h3>{t('answer')}</h3>
            <pre>{call.answer === null ? t('notJson') : JSON.stringify(call.answer, null, 2)}</pre>
          </>
        )}
      </Show>
    </section>
  );
}
