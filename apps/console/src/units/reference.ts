import type { RouterOutputs } from '@polcenter/client';
import { OPEN_REFERENCE_LISTS, REFERENCE_LIST_NAMES, REFERENCE_LISTS, type ReferenceList } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { bones, placeholder, stateOf } from '@polcenter/widgets/states';
import { css, html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, formValues } from '../form.js';
import { ConsolePage } from '../page.js';
import { forgetReferenceNames } from '../reference-names.js';

type Value = RouterOutputs['reference']['list'][number];

const TEXT = {
  heading: { vi: 'Danh mục dùng chung', en: 'Reference data' },
  intro: {
    vi: 'Các danh mục một hệ thống mới cần trước mọi việc khác. Mã không đổi sau khi tạo; tên và thứ tự sửa được.',
    en: 'The lists a new installation needs before anything else. A code never changes once made; names and order do.',
  },
  loading: { vi: 'Đang tải danh mục…', en: 'Loading the lists…' },
  code: { vi: 'Mã', en: 'Code' },
  rank: { vi: 'Thứ tự', en: 'Order' },
  nameVi: { vi: 'Tên tiếng Việt', en: 'Vietnamese name' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  save: { vi: 'Lưu', en: 'Save' },
  add: { vi: 'Thêm', en: 'Add' },
  newEntry: { vi: 'Mục mới', en: 'New entry' },
  fixed: {
    vi: 'Danh mục có mã cố định: phần mềm dựa vào các mã này, chỉ sửa tên và thứ tự.',
    en: 'A list with fixed codes: the software relies on them; only names and order change.',
  },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
};

/**
 * Reference data for administrators (ADR 0029): each list with its entries, each entry's names and
 * order editable on the version read; open lists (unit levels, roster levels) take new entries.
 */
export class PcReferencePage extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      form.entry {
        border-top: 1px solid var(--pc-border, #ddd);
        padding: 0.5rem 0;
      }
      .code {
        font-family: monospace;
        font-weight: 600;
      }
    `,
  ];
  static override properties = { ...ConsolePage.properties, list: { state: true } };
  private readonly values = new ApiResource<Value[]>(this);
  /** One action per entry (and per list's new entry), so each form says how its own save went. */
  private readonly actions = new Map<string, Action<Value>>();
  declare private list: ReferenceList;

  constructor() {
    super();
    this.list = 'unit_level';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.values.start(({ client, signal }) => client.reference.list.query({}, { signal }));
  }

  private actionFor(key: string): Action<Value> {
    let action = this.actions.get(key);
    if (!action) {
      action = new Action<Value>(this);
      this.actions.set(key, action);
    }
    return action;
  }

  private async save(event: SubmitEvent, key: string, entry: Value | undefined): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = {
      list: this.list,
      code: entry?.code ?? v.code ?? '',
      rank: Number(v.rank ?? '0'),
      nameVi: v.nameVi ?? '',
      nameEn: v.nameEn ?? '',
      ...(entry ? { version: entry.version } : {}),
    };
    const saved = await this.actionFor(key).run(input, (client) => client.reference.save.mutate(input));
    if (!saved) return;
    // Labels everywhere in the console read these lists: read them again at once in this tab.
    forgetReferenceNames(this.client);
    const all = this.values.value ?? [];
    this.values.value = entry ? all.map((e) => (e === entry ? saved : e)) : [...all, saved];
    if (!entry) form.reset();
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <p>${this.t(TEXT.intro)}</p>
      <div class="toolbar" role="group" aria-label=${this.t(TEXT.heading)}>
        ${REFERENCE_LISTS.map(
          (list) =>
            html`<button type="button" data-list=${list} aria-pressed=${this.list === list ? 'true' : 'false'}
              @click=${() => {
                this.list = list;
              }}>${REFERENCE_LIST_NAMES[list][lang]}</button>`,
        )}
      </div>
      ${stateOf(this.values, lang, () => placeholder(this.t(TEXT.loading), html`${bones(6)}`)) ?? this.renderList()}`;
  }

  private renderList(): TemplateResult {
    const lang = this.currentLang;
    const list = this.list;
    const entries = (this.values.value ?? []).filter((v) => v.list === list);
    const open = OPEN_REFERENCE_LISTS.includes(list);
    return html`<section aria-labelledby="list-h">
      <h2 id="list-h">${REFERENCE_LIST_NAMES[list][lang]}</h2>
      ${open ? nothing : html`<p class="muted">${this.t(TEXT.fixed)}</p>`}
      ${entries.map((entry) => this.renderEntry(`${list}:${entry.code}`, entry))}
      ${open ? this.renderEntry(`${list}:+`, undefined) : nothing}
    </section>`;
  }

  private renderEntry(key: string, entry: Value | undefined): TemplateResult {
    const lang = this.currentLang;
    const action = this.actionFor(key);
    const prefix = `r-${key.replace(':+', '-new').replace(/[^a-z0-9_-]/g, '-')}`;
    // One form per entry: ids are made unique per entry, names are the API's (its refusal shows
    // under the field it names).
    const input = (name: string, label: { vi: string; en: string }, value: unknown, type = 'text') => {
      const id = `${prefix}-${name}`;
      const error = action.fieldError(name);
      return html`<div class="field">
        <label for=${id}>${this.t(label)}</label>
        <input id=${id} name=${name} type=${type} required .value=${value === undefined ? '' : String(value)}
          min=${type === 'number' ? '0' : nothing} step=${type === 'number' ? '1' : nothing}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
        ${error ? html`<p class="field-error" id="${id}-error">${error[lang]}</p>` : nothing}
      </div>`;
    };
    return html`<form class="entry" data-code=${entry?.code ?? '+'}
      aria-label=${entry ? `${entry.code}: ${entry.name[lang]}` : this.t(TEXT.newEntry)}
      @submit=${(e: SubmitEvent) => this.save(e, key, entry)}>
      <div class="fields">
        ${
          entry
            ? html`<div class="field"><span>${this.t(TEXT.code)}</span> <span class="code">${entry.code}</span></div>`
            : input('code', TEXT.code, undefined)
        }
        ${input('rank', TEXT.rank, entry?.rank, 'number')} ${input('nameVi', TEXT.nameVi, entry?.name.vi)}
        ${input('nameEn', TEXT.nameEn, entry?.name.en)}
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${action.running}>${this.t(entry ? TEXT.save : TEXT.add)}</button>
        ${actionStatus(action, lang, { done: TEXT.saved })}
      </div>
    </form>`;
  }
}

customElements.define('pc-reference-page', PcReferencePage);
