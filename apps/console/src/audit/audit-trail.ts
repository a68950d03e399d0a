import type { PolCenterClient } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { dateTime } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { actionName, changes } from './changes.js';

/** One entry of a trail, as every audit procedure answers it (`audit.list`, `audit.forClass`, `programs.history`…). */
export interface TrailEntry {
  readonly id: number;
  readonly at: string;
  readonly actorLabel: string;
  readonly actorUsername?: string | null;
  readonly action: string;
  /** What the entry is about when a trail spans several records (a trainee's name, a session's date). */
  readonly subject?: string;
  readonly entity?: string;
  readonly entityId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface TrailPage {
  readonly items: readonly TrailEntry[];
  readonly nextBefore: number | null;
}

/** Reads one page of a trail: entries older than `before` (the first page without it). */
export type TrailLoader = (
  call: { client: PolCenterClient; signal: AbortSignal },
  before: number | undefined,
) => Promise<TrailPage>;

const TEXT = {
  heading: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  when: { vi: 'Thời điểm', en: 'When' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  what: { vi: 'Việc', en: 'What' },
  subject: { vi: 'Đối tượng', en: 'Record' },
  change: { vi: 'Trước → sau', en: 'Before → after' },
  more: { vi: 'Xem cũ hơn', en: 'Older entries' },
  empty: { vi: 'Chưa có thay đổi nào.', en: 'No change recorded yet.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
} satisfies Record<string, LocalizedText>;

/**
 * The audit trail of a record, to drop into any page: who did what, when, and each changed field
 * before → after in words, newest first, a page at a time ("older entries" for the next).
 *
 * ```ts
 * html`<pc-audit-trail .load=${(call, before) =>
 *   call.client.programs.history.query({ programId, before }, { signal: call.signal })}></pc-audit-trail>`
 * ```
 * `key` (any string, e.g. the record's id) reloads it from the first page when it changes;
 * `heading` replaces "Nhật ký thay đổi" (`''` for none); `subjects` adds the record column.
 */
export class PcAuditTrail extends ConsolePage {
  static override properties = {
    ...ConsolePage.properties,
    load: { attribute: false },
    key: {},
    heading: { attribute: false },
    subjects: { type: Boolean },
    entries: { state: true },
  };

  static override styles = [
    ...ConsolePage.styles,
    css`
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      td.change {
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare load: TrailLoader | undefined;
  declare key: string | undefined;
  declare heading: LocalizedText | '' | undefined;
  declare subjects: boolean;
  declare private entries: TrailEntry[];
  private appending = false;

  private readonly trail = new ApiResource<TrailPage>(this, (page) => {
    this.entries = this.appending ? [...this.entries, ...page.items] : [...page.items];
    this.appending = false;
  });

  constructor() {
    super();
    this.entries = [];
    this.subjects = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('load') || changed.has('key')) && this.load) this.page();
  }

  /** Reads the trail again from its newest entry (after the page changed the record). */
  reload(): void {
    this.page();
  }

  private page(before?: number): void {
    const load = this.load;
    if (!load) return;
    this.appending = before !== undefined;
    // A new search starts afresh (a refusal is not shown beside the old results); older entries add on.
    this.trail.start((call) => load(call, before), { keep: before !== undefined });
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const page = this.trail.value;
    const heading = this.heading === undefined ? TEXT.heading : this.heading;
    const label = this.t(heading || TEXT.heading);
    return html`${heading ? html`<h2>${this.t(heading)}</h2>` : nothing}
      ${page && this.trail.failure ? html`<p role="alert">${failureText(this.trail.failure, lang)}</p>` : nothing}
      ${
        page
          ? this.entries.length === 0
            ? html`<p>${this.t(TEXT.empty)}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${label}><table class="audit-trail">
                <thead><tr><th scope="col">${this.t(TEXT.when)}</th><th scope="col">${this.t(TEXT.who)}</th>
                  <th scope="col">${this.t(TEXT.what)}</th>
                  ${this.subjects ? html`<th scope="col">${this.t(TEXT.subject)}</th>` : nothing}
                  <th scope="col">${this.t(TEXT.change)}</th></tr></thead>
                <tbody>${this.entries.map((e) => this.row(e))}</tbody>
              </table></div>
              ${page.nextBefore ? html`<button type="button" @click=${() => this.page(page.nextBefore ?? undefined)}>${this.t(TEXT.more)}</button>` : nothing}`
          : this.trail.failure
            ? html`<p role="alert">${failureText(this.trail.failure, lang)}</p>`
            : html`<p role="status">${this.t(TEXT.loading)}</p>`
      }`;
  }

  private row(e: TrailEntry): TemplateResult {
    const lang = this.currentLang;
    const list = changes(e.before, e.after, lang);
    return html`<tr data-action=${e.action}>
      <td>${dateTime(e.at)}</td>
      <td>${e.actorLabel}${e.actorUsername && e.actorUsername !== e.actorLabel ? html` <span class="muted">(${e.actorUsername})</span>` : nothing}</td>
      <td>${actionName(e.action, lang)}</td>
      ${this.subjects ? html`<td>${e.subject ?? html`${e.entity ?? ''} <code class="muted">${e.entityId ?? ''}</code>`}</td>` : nothing}
      <td class="change">${
        list.length === 0
          ? '—'
          : html`<ul class="plain">${list.map(
              (c) =>
                html`<li><strong>${c.label}</strong>: ${
                  c.from === undefined ? c.to : c.to === undefined ? `${c.from} → —` : `${c.from} → ${c.to}`
                }</li>`,
            )}</ul>`
      }</td>
    </tr>`;
  }
}

customElements.define('pc-audit-trail', PcAuditTrail);
