import type { RouterOutputs } from '@polcenter/client';
import { EDUCATION_LEVEL_NAMES, GENDER_NAMES, type LocalizedText, PARTY_STATUS_NAMES } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field } from '../form.js';
import { dateTime } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { referenceNameRecord } from '../reference-names.js';
import { peopleStyles } from './people-styles.js';

const BASE = '/console';
type Person = RouterOutputs['people']['get'];
type History = RouterOutputs['people']['history'];

export const PERSON_TEXT = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  position: { vi: 'Chức vụ', en: 'Position' },
  partyStatus: { vi: 'Đảng viên', en: 'Party status' },
  partyAdmittedOn: { vi: 'Ngày kết nạp', en: 'Date admitted' },
  educationLevel: { vi: 'Trình độ học vấn', en: 'Education' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  nationalId: { vi: 'Số CCCD', en: 'National ID (CCCD)' },
};

const TEXT = {
  loading: { vi: 'Đang tải hồ sơ…', en: 'Loading the record…' },
  back: { vi: '← Danh sách cá nhân', en: '← People' },
  edit: { vi: 'Sửa hồ sơ', en: 'Edit the record' },
  masked: {
    vi: 'Số CCCD, điện thoại và ngày sinh đang được che.',
    en: 'National ID, phone and birth date are masked.',
  },
  revealed: { vi: 'Đang hiện đầy đủ thông tin cá nhân (đã ghi nhật ký).', en: 'Personal data shown in full (logged).' },
  reason: { vi: 'Lý do xem thông tin cá nhân', en: 'Why you need the personal data' },
  reasonHint: { vi: 'Lý do được ghi vào nhật ký cùng lần xem.', en: 'The reason is logged with the read.' },
  reveal: { vi: 'Hiện đầy đủ', en: 'Show in full' },
  historyHeading: { vi: 'Nhật ký của hồ sơ', en: 'The record’s audit trail' },
  when: { vi: 'Thời điểm', en: 'When' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  what: { vi: 'Việc', en: 'What' },
  change: { vi: 'Trước → sau', en: 'Before → after' },
  noHistory: { vi: 'Chưa có gì.', en: 'Nothing yet.' },
  olderHistory: { vi: 'Cũ hơn', en: 'Older entries' },
};

const ACTIONS: Record<string, LocalizedText> = {
  'person.create': { vi: 'Tạo hồ sơ', en: 'Created' },
  'person.update': { vi: 'Sửa hồ sơ', en: 'Edited' },
  'person.read_full': { vi: 'Xem đầy đủ thông tin cá nhân', en: 'Read the personal data' },
  'person.merge': { vi: 'Gộp hồ sơ trùng vào hồ sơ này', en: 'Merged a duplicate into this record' },
  'person.merged_into': { vi: 'Hồ sơ trùng đã được gộp', en: 'A duplicate record merged into this one' },
};

/** What changed, as a reader needs it: the fields that differ (before → after), or the entry's note. */
function changeOf(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (!before)
    return Object.entries(a)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n');
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => k !== 'version' && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return keys.map((k) => `${k}: ${JSON.stringify(b[k] ?? null)} → ${JSON.stringify(a[k] ?? null)}`).join('\n');
}

/**
 * One person: their record with personal fields masked until the reader gives a reason (the read
 * and its reason are audited), a link to edit it, and the record's own audit trail.
 */
export class PcPersonPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, peopleStyles];
  private readonly person = new ApiResource<Person>(this);
  private readonly history = new ApiResource<History>(this);
  private readonly reveal = new Action<Person>(this);

  override connectedCallback(): void {
    super.connectedCallback();
    const id = this.params.id ?? '';
    this.person.start(({ client, signal }) => client.people.get.query({ id }, { signal }));
    this.loadHistory();
  }

  private loadHistory(before?: number): void {
    const id = this.params.id ?? '';
    this.history.start(
      ({ client, signal }) => client.people.history.query({ id, ...(before ? { before } : {}) }, { signal }),
      { keep: true },
    );
  }

  private async submitReveal(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const reason = (new FormData(event.target as HTMLFormElement).get('reason') as string | null) ?? '';
    const input = { id: this.params.id ?? '', reason };
    if (await this.reveal.run(input, (client) => client.people.reveal.mutate(input))) this.loadHistory();
  }

  override render(): TemplateResult {
    const state = stateOf(this.person, this.currentLang, () => placeholder(this.t(TEXT.loading), html`${bones(6)}`));
    const shown = this.reveal.result ?? this.person.value;
    return html`<p><a href="${BASE}/people">${this.t(TEXT.back)}</a></p>
      ${state ?? (shown ? this.view(shown) : nothing)} ${this.trail()}`;
  }

  private view(p: Person): TemplateResult {
    const lang = this.currentLang;
    const name = <K extends string>(names: Record<K, LocalizedText>, key: K | null) => (key ? names[key][lang] : '—');
    return html`<h1>${p.fullName}</h1>
      <p><a class="button" href="${BASE}/people/${p.id}/edit">${this.t(TEXT.edit)}</a></p>
      <dl class="facts">
        <dt>${this.t(PERSON_TEXT.birthDate)}</dt><dd data-field="birthDate">${p.birthDate ? (p.masked ? p.birthDate : p.birthDate.split('-').reverse().join('/')) : '—'}</dd>
        <dt>${this.t(PERSON_TEXT.gender)}</dt><dd>${name(GENDER_NAMES, p.gender)}</dd>
        <dt>${this.t(PERSON_TEXT.ethnicity)}</dt><dd>${name(referenceNameRecord('ethnicity'), p.ethnicity)}</dd>
        <dt>${this.t(PERSON_TEXT.unit)}</dt><dd>${p.unitName ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.position)}</dt><dd>${p.position ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.partyStatus)}</dt><dd>${name(PARTY_STATUS_NAMES, p.partyStatus)}</dd>
        <dt>${this.t(PERSON_TEXT.educationLevel)}</dt><dd>${name(EDUCATION_LEVEL_NAMES, p.educationLevel)}</dd>
        <dt>${this.t(PERSON_TEXT.phone)}</dt><dd data-field="phone">${p.phone ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.nationalId)}</dt><dd data-field="nationalId">${p.nationalId ?? '—'}</dd>
      </dl>
      ${
        p.masked
          ? html`<form class="panel" @submit=${this.submitReveal} novalidate>
              <p>${this.t(TEXT.masked)}</p>
              <div class="fields">
                ${field(this.reveal, lang, { name: 'reason', label: TEXT.reason, hint: TEXT.reasonHint, required: true, wide: true })}
              </div>
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${this.reveal.running}>${this.t(TEXT.reveal)}</button>
                ${actionStatus(this.reveal, lang, { done: TEXT.revealed })}
              </div>
            </form>`
          : html`<p role="status">${this.t(TEXT.revealed)}</p>`
      }`;
  }

  private trail(): TemplateResult {
    const lang = this.currentLang;
    const data = this.history.value;
    return html`<section aria-labelledby="history-h">
      <h2 id="history-h">${this.t(TEXT.historyHeading)}</h2>
      ${
        !data
          ? (stateOf(this.history, lang, () => placeholder(this.t(TEXT.loading), html`${bones(3)}`)) ?? nothing)
          : data.items.length === 0
            ? html`<p>${this.t(TEXT.noHistory)}</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t(TEXT.historyHeading)}><table>
                <thead><tr><th scope="col">${this.t(TEXT.when)}</th><th scope="col">${this.t(TEXT.who)}</th><th scope="col">${this.t(TEXT.what)}</th><th scope="col">${this.t(TEXT.change)}</th></tr></thead>
                <tbody>${data.items.map(
                  (e) => html`<tr data-action=${e.action}>
                    <td>${dateTime(e.at)}</td><td>${e.actorLabel}</td>
                    <td>${ACTIONS[e.action]?.[lang] ?? e.action}</td>
                    <td><pre class="change">${changeOf(e.before, e.after)}</pre></td>
                  </tr>`,
                )}</tbody></table></div>
              ${data.nextBefore ? html`<button type="button" @click=${() => this.loadHistory(data.nextBefore ?? undefined)}>${this.t(TEXT.olderHistory)}</button>` : nothing}`
      }
    </section>`;
  }
}

customElements.define('pc-person-page', PcPersonPage);
