import type { Lang } from '@polcenter/domain';
import { html, nothing, type TemplateResult } from 'lit';
import type { AttributeProblem } from './attributes.js';
import { failureText } from './failure.js';
import type { ApiResource } from './resource.js';

const TEXT = {
  retry: { vi: 'Thử lại', en: 'Try again' },
  retrying: { vi: 'Đang thử lại…', en: 'Trying again…' },
};

/**
 * A placeholder shaped like the content (`shape`: grey bones), announced by `label` to screen
 * readers. It takes the focus if the control that had it went away.
 */
export function placeholder(label: string, shape: TemplateResult | TemplateResult[]): TemplateResult {
  return html`<div class="placeholder" role="status" aria-busy="true" tabindex="-1" data-focus>
    <span class="sr-only">${label}</span>
    <div aria-hidden="true">${shape}</div>
  </div>`;
}

/**
 * `count` grey bars of varying widths: the lines of a list or a table. Widths come from the
 * stylesheet, not `style` attributes, which a portal's Content-Security-Policy may forbid.
 */
export function bones(count: number): TemplateResult[] {
  return Array.from({ length: count }, () => html`<span class="bone"></span>`);
}

/** A heading's bar: wider and taller than a line's. */
export const headingBone = html`<span class="bone heading"></span>`;

/** The placeholder of a panel: a heading's bar over `lines` lines (a roster, a list of units, figures). */
export function panelPlaceholder(label: string, lines: number): TemplateResult {
  return placeholder(label, html`<section>${headingBone}${bones(lines)}</section>`);
}

/** A webmaster's mistake in an attribute, shown in the widget's place. */
export function problemView(problem: AttributeProblem, lang: Lang): TemplateResult {
  return html`<p class="problem" role="alert" tabindex="-1" data-focus>${problem.text[lang]}</p>`;
}

function retryButton<T>(resource: ApiResource<T>, lang: Lang) {
  return html`<button type="button" class="retry" @click=${() => resource.retry()}>
    ${resource.loading ? TEXT.retrying[lang] : TEXT.retry[lang]}
  </button>`;
}

/**
 * What a resource says instead of its content, or `undefined` when its content can show:
 * the attribute problem, the failure with its retry button, or the placeholder.
 */
export function stateOf<T>(
  resource: ApiResource<T>,
  lang: Lang,
  loading: () => TemplateResult,
): TemplateResult | undefined {
  if (resource.problem) return problemView(resource.problem, lang);
  if (resource.value !== undefined) return undefined;
  const failure = resource.failure;
  if (!failure) return loading();
  return html`<div class="failure" role="alert">
    <p>${failureText(failure, lang)}</p>
    ${failure.transient ? retryButton(resource, lang) : nothing}
  </div>`;
}

/** A later load failed while its content is still shown: a line under it, with a retry button. */
export function noticeOf<T>(resource: ApiResource<T>, lang: Lang): TemplateResult | typeof nothing {
  const failure = resource.failure;
  if (!failure || resource.value === undefined || resource.problem) return nothing;
  return html`<p class="notice" role="alert">
    ${failureText(failure, lang)} ${failure.transient ? retryButton(resource, lang) : nothing}
  </p>`;
}
