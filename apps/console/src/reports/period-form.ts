import type { LocalizedText } from '@polcenter/domain';
import { html, nothing, type TemplateResult } from 'lit';
import { isoOf } from '../activities/shared.js';
import { shownDate } from '../class-form.js';
import type { ConsolePage } from '../page.js';
import { PERIOD_KIND_NAMES, PERIOD_KINDS, type PeriodChoice, type PeriodKind, periodDates } from './period-choice.js';

const TEXT = {
  kind: { vi: 'Kỳ báo cáo', en: 'Period' },
  year: { vi: 'Năm', en: 'Year' },
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2022', en: 'dd/mm/yyyy, e.g. 14/03/2022' },
  badDate: {
    vi: 'Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 14/03/2022.',
    en: 'Type the date as dd/mm/yyyy, e.g. 14/03/2022.',
  },
  badYear: { vi: 'Hãy nhập năm gồm 4 chữ số, ví dụ 2022.', en: 'Type a four-digit year, e.g. 2022.' },
  endBeforeStart: { vi: 'Ngày cuối phải sau ngày đầu.', en: 'The end date must come after the start.' },
};

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A field's own error, under it, tied to its input. */
export type PeriodErrors = Partial<Record<'year' | 'from' | 'to', LocalizedText>>;

function errorOf(page: ConsolePage, id: string, error: LocalizedText | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" id="${id}-error">${page.t(error)}</p>` : nothing;
}

const describedBy = (id: string, error: unknown, hint = '') =>
  [hint, error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;

/**
 * The period chooser's fields (inside the page's form): the kind, then the year and the month or
 * quarter, or two dates typed dd/mm/yyyy. `onKind` redraws when the kind changes.
 */
export function periodFields(
  page: ConsolePage,
  choice: PeriodChoice,
  onKind: (kind: PeriodKind) => void,
  errors: PeriodErrors = {},
): TemplateResult {
  const kind = choice.kind;
  const dateField = (name: 'from' | 'to', value: string) => html`<div class="field">
    <label for="p-${name}">${page.t(TEXT[name])}</label>
    <input id="p-${name}" name=${name} inputmode="numeric" autocomplete="off" .value=${shownDate(value)}
      aria-invalid=${errors[name] ? 'true' : 'false'} aria-describedby=${describedBy(`p-${name}`, errors[name], 'p-date-hint')} />
    ${errorOf(page, `p-${name}`, errors[name])}
  </div>`;
  return html`<div class="field">
      <label for="p-kind">${page.t(TEXT.kind)}</label>
      <select id="p-kind" name="kind" @change=${(e: Event) => onKind((e.target as HTMLSelectElement).value as PeriodKind)}>
        ${PERIOD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${page.t(PERIOD_KIND_NAMES[k])}</option>`)}
      </select>
    </div>
    ${
      kind === 'range'
        ? html`${dateField('from', choice.from)}${dateField('to', choice.to)}
            <p class="hint field wide" id="p-date-hint">${page.t(TEXT.dateHint)}</p>`
        : html`<div class="field">
              <label for="p-year">${page.t(TEXT.year)}</label>
              <input id="p-year" name="year" inputmode="numeric" autocomplete="off" .value=${String(choice.year)}
                aria-invalid=${errors.year ? 'true' : 'false'} aria-describedby=${describedBy('p-year', errors.year)} />
              ${errorOf(page, 'p-year', errors.year)}
            </div>
            ${
              kind === 'month' || kind === 'quarter'
                ? html`<div class="field">
                    <label for="p-n">${page.t(kind === 'month' ? TEXT.month : TEXT.quarter)}</label>
                    <select id="p-n" name="n">
                      ${(kind === 'month' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 2, 3, 4]).map(
                        (n) =>
                          html`<option value=${n} ?selected=${n === choice.n}>${kind === 'month' ? n : ROMAN[n - 1]}</option>`,
                      )}
                    </select>
                  </div>`
                : nothing
            }`
    }`;
}

/** The chosen period's dates, or why they cannot be read (each reason under its field). */
export function readPeriod(
  form: HTMLFormElement,
  current: PeriodChoice,
): { choice: PeriodChoice; dates?: { from: string; to: string }; errors: PeriodErrors } {
  const values = new FormData(form);
  const text = (name: string) => ((values.get(name) as string | null) ?? '').trim();
  const kind = (text('kind') || current.kind) as PeriodKind;
  const yearText = text('year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  const n = Number(text('n') || current.n) || 1;
  const from = isoOf(text('from')) ?? '';
  const to = isoOf(text('to')) ?? '';
  const errors: PeriodErrors = {};
  if (kind === 'range') {
    if (!from) errors.from = TEXT.badDate;
    if (!to) errors.to = TEXT.badDate;
    if (from && to && from > to) errors.to = TEXT.endBeforeStart;
  } else if (Number.isNaN(year)) {
    errors.year = TEXT.badYear;
  }
  const choice: PeriodChoice = {
    kind,
    year: Number.isNaN(year) ? current.year : year,
    n: kind === 'quarter' ? Math.min(n, 4) : n,
    from: from || text('from'),
    to: to || text('to'),
  };
  return Object.keys(errors).length ? { choice, errors } : { choice, dates: periodDates(choice), errors };
}
