import type { Lang, LocalizedText } from '@polcenter/domain';
import type { Failure } from '@polcenter/widgets/failure';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Action } from './action.js';

const TEXT = {
  working: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
};

export interface FieldOptions {
  /** The API's name of the field (its error is shown under it). */
  readonly name: string;
  readonly label: LocalizedText;
  readonly value?: string | number | null | undefined;
  readonly type?: string;
  readonly required?: boolean;
  readonly hint?: LocalizedText;
  readonly wide?: boolean;
  readonly attrs?: { min?: string; max?: string; step?: string; autocomplete?: string; inputmode?: string };
}

/**
 * A labelled input with its hint and the API's reason when it was refused (announced, tied to the
 * input by `aria-describedby`). Inputs are read back by `name` from the form (`formValues`).
 */
export function field(action: Action<unknown> | undefined, lang: Lang, options: FieldOptions): TemplateResult {
  const id = `f-${options.name.replaceAll('.', '-')}`;
  const error = action?.fieldError(options.name);
  const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${options.wide ? 'wide' : ''}">
    <label for=${id}>${options.label[lang]}</label>
    <input
      id=${id}
      name=${options.name}
      type=${options.type ?? 'text'}
      .value=${options.value === null || options.value === undefined ? '' : String(options.value)}
      ?required=${options.required ?? false}
      min=${ifDefined(options.attrs?.min)}
      max=${ifDefined(options.attrs?.max)}
      step=${ifDefined(options.attrs?.step)}
      autocomplete=${ifDefined(options.attrs?.autocomplete)}
      inputmode=${ifDefined(options.attrs?.inputmode)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described || undefined)}
    />
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint[lang]}</p>` : nothing}
    ${error ? html`<p class="field-error" id="${id}-error">${error[lang]}</p>` : nothing}
  </div>`;
}

/** The error of a field drawn by the page itself (a select, a list), under it. */
export function fieldErrorOf(action: Action<unknown>, name: string, lang: Lang): TemplateResult | typeof nothing {
  const error = action.fieldError(name);
  return error ? html`<p class="field-error" id="f-${name.replaceAll('.', '-')}-error">${error[lang]}</p>` : nothing;
}

/**
 * Where an action tells how it went: progress while it runs, the success line, or the API's
 * refusal (its sentence; each field's reason is under the field) — announced, so it is heard too.
 */
export function actionStatus(
  action: Action<unknown>,
  lang: Lang,
  text: { working?: LocalizedText; done?: LocalizedText } = {},
): TemplateResult {
  return html`<span role="status" aria-live="polite">
    ${action.state === 'running' ? (text.working ?? TEXT.working)[lang] : nothing}
    ${action.state === 'done' ? html`<span class="success">${(text.done ?? TEXT.saved)[lang]}</span>` : nothing}
  </span>
  ${
    action.state === 'failed' && action.failure
      ? html`<p role="alert" class="failure">${sentence(action.failure, lang)}</p>`
      : nothing
  }`;
}

/** The refusal's own sentence (the fields' reasons are shown under each field). */
export function sentence(failure: Failure, lang: Lang): string {
  return typeof failure.text === 'string' ? failure.text : failure.text[lang];
}

/** The form's inputs by name, as strings (empty ones left out). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') values[name] = value;
  }
  return values;
}
