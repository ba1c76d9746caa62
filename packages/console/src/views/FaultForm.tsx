import { useState } from 'preact/hooks';
import { control } from '../api.ts';
import { Result } from '../components.tsx';
import { faultEffect } from '../format.ts';
import { t } from '../i18n.ts';
import { useAction } from '../store.ts';
import type { NewFaultRule } from '../types.ts';

const EFFECTS = ['errcode', 'status', 'reset', 'malformed', 'hang', 'none'] as const;
type Effect = (typeof EFFECTS)[number];

/** The form as typed: every field a string, as its input holds it. */
interface Draft {
  endpoint: string;
  appid: string;
  effect: Effect;
  errcode: string;
  status: string;
  hang_ms: string;
  latency: string;
  latencyMax: string;
  after_commit: boolean;
  probability: string;
  seed: string;
  count: string;
}
type TextField = Exclude<keyof Draft, 'effect' | 'after_commit'>;

/** A field's hint shown under it, and for a number its bounds (`step` 1 unless given). */
interface FieldOptions {
  number?: { step?: number | 'any'; min?: number; max?: number };
  required?: boolean;
  placeholder?: string;
  hint?: string;
}

const BLANK: Draft = {
  endpoint: '',
  appid: '',
  effect: 'errcode',
  errcode: '-1',
  status: '503',
  hang_ms: '',
  latency: '',
  latencyMax: '',
  after_commit: false,
  probability: '1',
  seed: '',
  count: '1',
};

const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** `latency_ms`: one number, or a range when an upper bound is given. */
function latencyOf(draft: Draft): NewFaultRule['latency_ms'] {
  const min = numberOf(draft.latency);
  const max = numberOf(draft.latencyMax);
  return max === undefined ? min : { min: min ?? 0, max };
}

function effectOf(draft: Draft): Pick<NewFaultRule, 'errcode' | 'status' | 'network' | 'hang_ms'> {
  switch (draft.effect) {
    case 'errcode':
      return { errcode: Number(draft.errcode) };
    case 'status':
      return { status: Number(draft.status) };
    case 'none':
      return {};
    case 'hang':
      return { network: 'hang', hang_ms: numberOf(draft.hang_ms) };
    default:
      return { network: draft.effect };
  }
}

/**
 * The rule `POST /_wxlocal/faults` takes. Nothing is checked here: the control plane refuses a bad rule
 * with a message naming the field, which the page shows.
 */
function ruleOf(draft: Draft): NewFaultRule {
  return {
    endpoint: draft.endpoint.trim() || '*',
    appid: draft.appid.trim() || undefined,
    ...effectOf(draft),
    latency_ms: latencyOf(draft),
    after_commit: draft.after_commit || undefined,
    probability: numberOf(draft.probability),
    seed: numberOf(draft.seed),
    count: numberOf(draft.count) ?? null,
  };
}

/** Arms a fault rule with any of its fields. */
export function FaultForm({ onArmed }: { onArmed: () => void }) {
  const [draft, setDraft] = useState<Draft>(BLANK);
  const { run, outcome, busy } = useAction();
  const arm = (event: Event) => {
    event.preventDefault();
    run(async () => {
      const rule = await control.faults.inject(ruleOf(draft));
      onArmed();
      const endpoint = rule.endpoint === '*' ? t('everyEndpoint') : rule.endpoint;
      return t('ruleArmed', { id: rule.id, endpoint, effect: faultEffect(rule) });
    });
  };

  const field = (name: TextField, label: string, { number, hint, ...attributes }: FieldOptions = {}) => {
    const common = {
      ...attributes,
      id: `fault-${name}`,
      name,
      value: draft[name],
      'aria-describedby': hint ? `fault-${name}-hint` : undefined,
      onInput: (event: { currentTarget: HTMLInputElement }) =>
        setDraft({ ...draft, [name]: event.currentTarget.value }),
    };
    return (
      <div class="field">
        <label for={common.id}>{label}</label>
        {number ? <input type="number" step={1} {...number} {...common} /> : <input {...common} />}
        {hint && (
          <span id={`fault-${name}-hint`} class="hint">
            {hint}
          </span>
        )}
      </div>
    );
  };

  return (
    <>
      <form class="rule" onSubmit={arm} aria-labelledby="arm-heading">
        <h2 id="arm-heading">{t('armRule')}</h2>
        <fieldset>
          <legend>{t('whichCalls')}</legend>
          {field('endpoint', t('endpoint'), { placeholder: 'getSearchStatus', hint: t('endpointHint') })}
          {field('appid', 'appid', { hint: t('appidHint') })}
        </fieldset>
        <fieldset>
          <legend>{t('whatCallerGets')}</legend>
          <div class="field">
            <label for="fault-effect">{t('effect')}</label>
            <select
              id="fault-effect"
              name="effect"
              value={draft.effect}
              onChange={(event) => setDraft({ ...draft, effect: event.currentTarget.value as Effect })}
            >
              {EFFECTS.map((effect) => (
                <option key={effect} value={effect}>
                  {t(`effect.${effect}`)}
                </option>
              ))}
            </select>
          </div>
          {draft.effect === 'errcode' && field('errcode', 'errcode', { number: {}, required: true })}
          {draft.effect === 'status' &&
            field('status', t('httpStatus'), { number: { min: 500, max: 599 }, required: true })}
          {draft.effect === 'hang' &&
            field('hang_ms', t('hangMs'), {
              number: { min: 0 },
              placeholder: '30000',
              hint: t('hangMsHint'),
            })}
          {field('latency', t('latencyMs'), { number: { min: 0 }, hint: t('latencyHint') })}
          {field('latencyMax', t('latencyMaxMs'), { number: { min: 0 } })}
          <label class="check">
            <input
              type="checkbox"
              name="after_commit"
              checked={draft.after_commit}
              onChange={(event) => setDraft({ ...draft, after_commit: event.currentTarget.checked })}
            />
            {t('afterCommit')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('howOften')}</legend>
          {field('probability', t('probability'), { number: { step: 'any' }, hint: t('probabilityHint') })}
          {field('seed', t('seed'), { number: {}, hint: t('seedHint') })}
          {field('count', t('count'), { number: { min: 1 }, hint: t('countHint') })}
        </fieldset>
        <div>
          <button type="submit" disabled={busy}>
            {t('arm')}
          </button>
        </div>
      </form>
      <Result outcome={outcome} />
    </>
  );
}
