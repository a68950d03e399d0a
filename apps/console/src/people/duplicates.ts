import type { RouterOutputs } from '@polcenter/client';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus } from '../form.js';
import { ConsolePage } from '../page.js';
import { peopleStyles } from './people-styles.js';
import { PERSON_TEXT } from './person.js';

const BASE = '/console';
type Groups = RouterOutputs['people']['duplicates'];
type Person = Groups['items'][number]['people'][number];

const TEXT = {
  heading: { vi: 'Hồ sơ trùng lặp', en: 'Duplicate records' },
  intro: {
    vi: 'Những hồ sơ cùng họ tên và ngày sinh trong các đơn vị của bạn. Chọn hồ sơ giữ lại rồi gộp hồ sơ kia vào.',
    en: 'Records with the same name and date of birth in your units. Pick the record to keep, then merge the other into it.',
  },
  loading: { vi: 'Đang tìm hồ sơ trùng…', en: 'Looking for duplicates…' },
  none: { vi: 'Không có hồ sơ trùng lặp.', en: 'No duplicate records.' },
  keep: { vi: 'Giữ hồ sơ này', en: 'Keep this record' },
  merge: { vi: 'Gộp…', en: 'Merge…' },
  confirmHeading: { vi: 'Gộp hai hồ sơ?', en: 'Merge the two records?' },
  survivor: { vi: 'Giữ lại', en: 'Kept' },
  merged: { vi: 'Gộp vào và xoá', en: 'Merged in and removed' },
  explain: {
    vi: 'Mọi ghi danh, điểm danh, phân công, quyết định, hoạt động và tài khoản của hồ sơ bị gộp sẽ chuyển sang hồ sơ giữ lại; hồ sơ giữ lại chỉ lấy thêm những thông tin nó còn thiếu. Cả hai hồ sơ được ghi vào nhật ký.',
    en: 'Every enrolment, attendance, assignment, decision, activity and account of the merged record moves to the kept one, which takes only the details it lacks. Both records are kept in the audit log.',
  },
  confirm: { vi: 'Gộp hồ sơ', en: 'Merge the records' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  done: { vi: 'Đã gộp hồ sơ.', en: 'The records were merged.' },
  more: { vi: 'Xem thêm', en: 'More' },
};

/** Groups of probable duplicates in the caller's units; merging two is confirmed with both records shown. */
export class PcDuplicatesPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, peopleStyles];
  static override properties = { ...ConsolePage.properties, pair: { state: true }, kept: { state: true } };
  private readonly groups = new ApiResource<Groups>(this);
  private readonly merge = new Action<RouterOutputs['people']['merge']>(this);
  declare private pair: { survivor: Person; merged: Person } | undefined;
  /** The record picked to keep, per group (by the group's first id). */
  declare private kept: Record<string, string>;

  constructor() {
    super();
    this.kept = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
  }

  private load(): void {
    this.groups.start(({ client, signal }) => client.people.duplicates.query({ limit: 50 }, { signal }), {
      keep: true,
    });
  }

  private ask(people: readonly Person[]): void {
    const keepId = this.kept[people[0]?.id ?? ''] ?? people[0]?.id;
    const survivor = people.find((p) => p.id === keepId);
    const merged = people.find((p) => p.id !== keepId);
    if (!survivor || !merged) return;
    this.merge.reset();
    this.pair = { survivor, merged };
    void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
  }

  private async confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const pair = this.pair;
    if (!pair) return;
    const input = {
      survivorId: pair.survivor.id,
      survivorVersion: pair.survivor.version,
      mergedId: pair.merged.id,
      mergedVersion: pair.merged.version,
    };
    if (await this.merge.run(input, (client) => client.people.merge.mutate(input))) {
      this.renderRoot.querySelector('dialog')?.close();
      this.pair = undefined;
      this.load();
    }
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const state = stateOf(this.groups, lang, () => placeholder(this.t(TEXT.loading), html`${bones(4)}`));
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <p class="muted">${this.t(TEXT.intro)}</p>
      ${this.merge.state === 'done' ? html`<p role="status" class="success">${this.t(TEXT.done)}</p>` : nothing}
      ${state ?? this.list(this.groups.value?.items ?? [])}
      ${this.dialog()}`;
  }

  private list(groups: Groups['items']): TemplateResult {
    if (groups.length === 0) return html`<p role="status">${this.t(TEXT.none)}</p>`;
    return html`<ul class="plain">
      ${groups.map((g) => {
        const key = g.people[0]?.id ?? '';
        const keepId = this.kept[key] ?? key;
        return html`<li class="panel" data-group>
          <fieldset>
            <legend>${g.people[0]?.fullName} · ${g.people[0]?.birthDate}</legend>
            ${g.people.map(
              (p) => html`<p><label><input type="radio" name="keep-${key}" .checked=${p.id === keepId}
                @change=${() => {
                  this.kept = { ...this.kept, [key]: p.id };
                }} />
                ${this.t(TEXT.keep)}: <a href="${BASE}/people/${p.id}">${p.fullName}</a> — ${p.unitName ?? '—'}, ${p.phone ?? '—'}, ${p.nationalId ?? '—'}</label></p>`,
            )}
          </fieldset>
          <button type="button" @click=${() => this.ask(g.people)}>${this.t(TEXT.merge)}</button>
        </li>`;
      })}
    </ul>`;
  }

  private record(heading: { vi: string; en: string }, p: Person): TemplateResult {
    return html`<section>
      <h3>${this.t(heading)}</h3>
      <dl class="facts">
        <dt>${this.t(PERSON_TEXT.fullName)}</dt><dd>${p.fullName}</dd>
        <dt>${this.t(PERSON_TEXT.birthDate)}</dt><dd>${p.birthDate ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.unit)}</dt><dd>${p.unitName ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.position)}</dt><dd>${p.position ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.phone)}</dt><dd>${p.phone ?? '—'}</dd>
        <dt>${this.t(PERSON_TEXT.nationalId)}</dt><dd>${p.nationalId ?? '—'}</dd>
      </dl>
    </section>`;
  }

  private dialog(): TemplateResult {
    const pair = this.pair;
    return html`<dialog aria-labelledby="merge-h" @close=${() => {
      this.pair = undefined;
    }}>
      ${
        pair
          ? html`<form method="dialog" @submit=${this.confirm}>
              <h2 id="merge-h">${this.t(TEXT.confirmHeading)}</h2>
              <div class="records">${this.record(TEXT.survivor, pair.survivor)}${this.record(TEXT.merged, pair.merged)}</div>
              <p>${this.t(TEXT.explain)}</p>
              <div class="actions">
                <button type="submit" class="primary" ?disabled=${this.merge.running}>${this.t(TEXT.confirm)}</button>
                <button type="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${this.t(TEXT.cancel)}</button>
                ${actionStatus(this.merge, this.currentLang)}
              </div>
            </form>`
          : nothing
      }
    </dialog>`;
  }
}

customElements.define('pc-duplicates-page', PcDuplicatesPage);
