import type { RouterOutputs } from '@polcenter/client';
import { ETHNICITY_NAMES, type Ethnicity, type LocalizedText } from '@polcenter/domain';
import { html, type PropertyValues } from 'lit';
import { type AttributeProblem, firstProblem, required, wholeNumber } from '../attributes.js';
import { PcElement } from '../element.js';
import { ApiResource } from '../resource.js';
import { panelPlaceholder, stateOf } from '../states.js';
import { TERMS } from '../terms.js';
import { base, tokens } from '../tokens.styles.js';
import { styles } from './stats.styles.js';

type Report = RouterOutputs['reports']['published'];

const TEXT = {
  loading: { vi: 'Đang tải số liệu…', en: 'Loading the figures…' },
  title: { vi: 'Kết quả đào tạo, bồi dưỡng', en: 'Training and education' },
  classes: { vi: 'lớp', en: 'classes' },
  trainees: { vi: 'học viên', en: 'trainees' },
  passed: { vi: 'đạt yêu cầu', en: 'passed' },
  briefings: { vi: 'buổi tuyên truyền miệng', en: 'briefings' },
  byProgram: { vi: 'Học viên theo chương trình', en: 'Trainees by program' },
  byEthnicity: { vi: 'Học viên theo dân tộc', en: 'Trainees by ethnic group' },
  output: { vi: 'Sản phẩm tuyên truyền', en: 'Propaganda output' },
  count: { vi: 'Số lượng', en: 'Count' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  percent: { vi: '% kế hoạch', en: '% of plan' },
  program: TERMS.program,
  ethnicity: TERMS.ethnicity,
  classesHead: { vi: 'Số lớp', en: 'Classes' },
  traineesHead: { vi: 'Học viên', en: 'Trainees' },
  passedHead: { vi: 'Đạt', en: 'Passed' },
  total: { vi: 'Tổng', en: 'Total' },
  unknown: { vi: 'Chưa rõ', en: 'Not stated' },
  none: { vi: 'Chưa có số liệu nào trong kỳ này.', en: 'Nothing recorded in this period.' },
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The dates of a year, one of its halves or one of its quarters. */
export function periodDates(year: number, half?: number, quarter?: number): { from: string; to: string } {
  const [first, last] = quarter ? [quarter * 3 - 2, quarter * 3] : half ? [half * 6 - 5, half * 6] : [1, 12];
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${lastDay(year, last)}` };
}

interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * @tag pc-stats
 * @summary The published figures of a unit for a year, a half or a quarter (`reports.published`):
 * the headline counts, bars of trainees by program and of propaganda output, and the figures as
 * tables (with the output's plan and % of plan, and trainees by ethnic group). Counts only, never
 * a person.
 *
 * @csspart figures - the headline counts
 * @csspart chart - each chart of bars
 * @csspart table - each table of figures
 * @cssproperty [--pc-stats-bar=var(--pc-color-accent)] - colour of the bars
 * @fires pc-loaded - when the figures have been read; `detail.trainees` holds the trainees counted
 */
export class PcStats extends PcElement {
  static override styles = [tokens, base, styles];

  static override properties = {
    unit: { type: String },
    year: { type: Number },
    half: { type: Number },
    quarter: { type: Number },
  };

  protected static override fieldAttributes = { unitCode: 'unit' };

  /** Code of the unit whose figures (with every unit under it) are shown, e.g. `064`. */
  declare unit: string | undefined;
  /** The year reported, e.g. `2022` (required). */
  declare year: number | undefined;
  /** `1` or `2`: only the first or the second half of the year. */
  declare half: number | undefined;
  /** `1` to `4`: only that quarter of the year. */
  declare quarter: number | undefined;

  readonly #figures = new ApiResource<Report>(this, (report) =>
    this.emit('pc-loaded', { trainees: report.training.trainees.actual }),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!(['api', 'unit', 'year', 'half', 'quarter'] as const).some((key) => changed.has(key))) return;
    const both: AttributeProblem | undefined =
      this.half != null && this.quarter != null
        ? {
            attribute: 'quarter',
            value: String(this.quarter),
            text: {
              vi: 'Chỉ dùng một trong hai thuộc tính half hoặc quarter.',
              en: 'Use either half or quarter, not both.',
            },
          }
        : undefined;
    const problem = firstProblem(
      required('year', this.year == null ? '' : String(this.year), '2022'),
      wholeNumber('year', this.year, 2000, 2100),
      wholeNumber('half', this.half, 1, 2),
      wholeNumber('quarter', this.quarter, 1, 4),
      both,
    );
    if (this.report(problem)) {
      this.#figures.stop(problem);
      return;
    }
    const period = periodDates(this.year as number, this.half, this.quarter);
    this.#figures.start(({ client, signal }) =>
      client.reports.published.query({ ...period, ...(this.unit ? { unitCode: this.unit } : {}) }, { signal }),
    );
  }

  protected override render() {
    const lang = this.language;
    const loading = () => panelPlaceholder(TEXT.loading[lang], 6);
    const state = stateOf(this.#figures, lang, loading);
    const r = this.#figures.value;
    if (state || !r) return state;
    const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
    const t = r.training;
    const period = r.periodTitle[lang];
    const programs = t.byProgram.filter((p) => p.classes).map((p) => ({ label: p.name[lang], value: p.trainees, p }));
    // Kinds the unit tallied or planned: a kind nobody counts (banners, in the article) is not a zero.
    const outputs = r.output
      .filter((o) => o.count.actual || o.count.plan)
      .map((o) => ({ label: o.name[lang], value: o.count.actual, o }));
    const ethnicities = t.byEthnicity.map((e) => [
      e.ethnicity ? (ETHNICITY_NAMES[e.ethnicity as Ethnicity]?.[lang] ?? e.ethnicity) : TEXT.unknown[lang],
      e.trainees,
    ]);
    const figure = (value: number, label: LocalizedText) =>
      html`<div><dt>${label[lang]}</dt><dd>${number(value)}</dd></div>`;
    return html`<section tabindex="-1" data-focus aria-busy=${this.#figures.loading ? 'true' : 'false'}>
      <h2>${TEXT.title[lang]}</h2>
      <p class="meta">${r.sentences.training[lang]}</p>
      <dl part="figures">
        ${figure(t.classes.actual, TEXT.classes)} ${figure(t.trainees.actual, TEXT.trainees)}
        ${figure(t.passed, TEXT.passed)} ${figure(r.rapporteurs.briefings.actual, TEXT.briefings)}
      </dl>
      ${t.trainees.actual ? chart(TEXT.byProgram[lang], programs, number) : ''}
      ${outputs.length ? chart(TEXT.output[lang], outputs, number) : ''}
      ${
        t.trainees.actual
          ? table(
              `${TEXT.byProgram[lang]} — ${period}`,
              [TEXT.program, TEXT.classesHead, TEXT.traineesHead, TEXT.passedHead].map((h) => h[lang]),
              programs.map(({ label, p }) => [label, p.classes, p.trainees, p.passed]),
              [TEXT.total[lang], t.classes.actual, t.trainees.actual, t.passed],
              number,
            )
          : ''
      }
      ${
        outputs.length
          ? table(
              `${TEXT.output[lang]} — ${period}`,
              [TEXT.output, TEXT.count, TEXT.plan, TEXT.percent].map((h) => h[lang]),
              outputs.map(({ label, o }) => [
                label,
                o.count.actual,
                o.count.plan ?? '—',
                o.count.percent == null ? '—' : `${number(o.count.percent)}%`,
              ]),
              undefined,
              number,
            )
          : ''
      }
      ${
        t.trainees.actual
          ? table(
              `${TEXT.byEthnicity[lang]} — ${period}`,
              [TEXT.ethnicity[lang], TEXT.traineesHead[lang]],
              ethnicities,
              [TEXT.total[lang], t.trainees.actual],
              number,
            )
          : outputs.length
            ? ''
            : html`<p role="status">${TEXT.none[lang]}</p>`
      }
    </section>`;
  }
}

/**
 * Bars drawn as SVG rectangles sized in percent of the largest: no chart library, no inline style
 * (a portal's CSP may forbid it). The chart is a picture of the table below, hidden from screen
 * readers, which read the table instead.
 */
function chart(title: string, bars: readonly Bar[], number: (n: number) => string) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return html`<figure part="chart" aria-hidden="true">
    <figcaption>${title}</figcaption>
    ${bars.map(
      (b) => html`<div class="bar">
        <span>${b.label}</span><b>${number(b.value)}</b>
        <svg><rect height="100%" width="${Math.max(0.5, (100 * b.value) / max)}%"></rect></svg>
      </div>`,
    )}
  </figure>`;
}

/** A table a keyboard can scroll: a focusable region named by its caption. */
function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  total: readonly (string | number)[] | undefined,
  number: (n: number) => string,
) {
  const cells = (row: readonly (string | number)[]) =>
    row.map((cell, i) =>
      i ? html`<td>${typeof cell === 'number' ? number(cell) : cell}</td>` : html`<th scope="row">${cell}</th>`,
    );
  return html`<div class="scroll" role="region" tabindex="0" aria-label=${caption}>
    <table part="table">
      <caption>${caption}</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((row) => html`<tr>${cells(row)}</tr>`)}</tbody>
      ${total ? html`<tfoot><tr>${cells(total)}</tr></tfoot>` : ''}
    </table>
  </div>`;
}
