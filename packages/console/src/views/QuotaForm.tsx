import { endpointList } from '@wxlocal/api';
import { useState } from 'preact/hooks';
import { type MeterChanges, type MeterOwner, meters } from '../api.ts';
import { Result } from '../components.tsx';
import { t } from '../i18n.ts';
import { useAction } from '../store.ts';
import type { Meter } from '../types.ts';

/** The paths wxlocal serves: the only ones the control plane keeps a counter or a limit for. */
const PATHS = [...new Set(endpointList.map((endpoint) => endpoint.path))].sort();

/** The form as typed; an empty field leaves its value as it is. */
interface Draft {
  cgi_path: string;
  daily_limit: string;
  used: string;
  clears_used: string;
  api_clears_used: string;
}
type Field = keyof Draft;

const BLANK: Draft = { cgi_path: '', daily_limit: '', used: '', clears_used: '', api_clears_used: '' };

const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text));

/**
 * The PATCH body. Nothing is checked here: the control plane refuses a path it does not serve, or a limit
 * without its path, with a message the page shows.
 */
function changesOf(draft: Draft, toDefault: boolean): MeterChanges {
  return {
    cgi_path: draft.cgi_path.trim() || undefined,
    daily_limit: toDefault ? null : numberOf(draft.daily_limit),
    used: numberOf(draft.used),
    clears_used: numberOf(draft.clears_used),
    api_clears_used: numberOf(draft.api_clears_used),
  };
}

/** What the meter shows now of what was changed. */
function summary(meter: Meter, path: string | undefined): string {
  const clears = t('clearsNow', {
    clears: meter.clears.used,
    limit: meter.clears.limit,
    apiClears: meter.api_clears.used,
    apiLimit: meter.api_clears.limit,
  });
  if (!path) return clears;
  const counter = meter.counters.find((candidate) => candidate.cgi_path === path);
  const line = counter
    ? t('counterNow', {
        path,
        used: counter.used,
        limit: counter.daily_limit,
        enforced: t(counter.enforced ? 'enforcedYes' : 'enforcedNo'),
      })
    : t('counterUntouched', { path });
  return `${line}. ${clears}`;
}

/** Sets an API's daily limit and today's count (so that a test reaches 45009 in one call) and the clears used. */
export function QuotaForm({ owner, appid }: { owner: MeterOwner; appid: string }) {
  const [draft, setDraft] = useState<Draft>(BLANK);
  const { run, outcome, busy } = useAction();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const toDefault = (event.submitter as HTMLButtonElement | null)?.value === 'default';
    const changes = changesOf(draft, toDefault);
    run(async () => summary(await meters.set(owner, appid, changes), changes.cgi_path));
  };

  const field = (name: Field, label: string, hint: string, attributes: Record<string, unknown> = {}) => (
    <div class={name === 'cgi_path' ? 'field wide' : 'field'}>
      <label for={`quota-${name}`}>{label}</label>
      <input
        {...attributes}
        id={`quota-${name}`}
        name={name}
        value={draft[name]}
        aria-describedby={`quota-${name}-hint`}
        onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
      />
      <span id={`quota-${name}-hint`} class="hint">
        {hint}
      </span>
    </div>
  );
  const count = { type: 'number', min: 0, step: 1 };

  return (
    <>
      <form class="meter" onSubmit={submit} aria-labelledby="meter-heading">
        <h3 id="meter-heading">{t('changeMeter')}</h3>
        <fieldset>
          <legend>{t('oneCounter')}</legend>
          {field('cgi_path', t('apiPath'), t('apiPathHint'), {
            list: 'quota-paths',
            placeholder: '/wxa/getwxasearchstatus',
            autocomplete: 'off',
          })}
          {field('daily_limit', t('dailyLimit'), t('dailyLimitHint'), count)}
          {field('used', t('usedToday'), t('unchangedHint'), count)}
          <datalist id="quota-paths">
            {PATHS.map((path) => (
              <option key={path} value={path} />
            ))}
          </datalist>
        </fieldset>
        <fieldset>
          <legend>{t('monthClears')}</legend>
          {field('clears_used', t('clearsUsed'), t('unchangedHint'), count)}
          {field('api_clears_used', t('apiClearsUsed'), t('unchangedHint'), count)}
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('set')}
          </button>
          <button type="submit" value="default" disabled={busy}>
            {t('defaultLimit')}
          </button>
        </div>
      </form>
      <Result outcome={outcome} />
    </>
  );
}
