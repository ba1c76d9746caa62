import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { messageOf } from './api.ts';
import { t } from './i18n.ts';
import type { Loaded, Outcome } from './store.ts';

/** Where an action's result or refusal appears; a live region, so screen readers announce it too. */
export function Result({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <div class="result" role="status">
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'refused'}>
          {outcome.ok ? outcome.text : t('refused', { message: outcome.text })}
        </p>
      )}
    </div>
  );
}

/** A view's data once loaded, the reason when it could not be, and the last data shown meanwhile. */
export function Show<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) {
  return (
    <>
      {loaded.error && (
        <p class="refused" role="alert">
          {t('loadFailed', { message: loaded.error })}
        </p>
      )}
      {loaded.data === undefined
        ? !loaded.error && <p class="muted loading">{t('loading')}</p>
        : children(loaded.data)}
    </>
  );
}

/** A wide table scrolls sideways on a narrow screen; the region can be focused to scroll it with the keys. */
export function Scroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard
    <section class="scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Without the clipboard API (or its permission), the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error(t('copyFailed'));
}

/** A value to paste elsewhere (a token, a ticket), shown shortened, with a button that copies it whole. */
export function Secret({ value, label }: { value: string | null; label: string }) {
  const [state, setState] = useState<string>();
  if (!value) return <span class="muted">{t('none')}</span>;
  const copy = () =>
    writeClipboard(value).then(
      () => setState(t('copied')),
      (error: unknown) => setState(t('refused', { message: messageOf(error) })),
    );
  return (
    <span class="secret">
      <code title={value}>{value.length > 28 ? `${value.slice(0, 24)}…` : value}</code>
      <button type="button" class="small" onClick={copy} aria-label={t('copyWhat', { what: label })}>
        {t('copy')}
      </button>
      <span role="status" class="muted">
        {state}
      </span>
    </span>
  );
}

/** A list of strings, or a word saying it is empty. */
export function Items({ items }: { items: readonly string[] | null | undefined }) {
  if (!items || items.length === 0) return <span class="muted">{t('empty')}</span>;
  return (
    <ul class="items">
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}

export function YesNo({ value }: { value: boolean }) {
  return <span class={value ? 'badge on' : 'badge'}>{value ? t('yes') : t('no')}</span>;
}
