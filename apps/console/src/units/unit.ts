import type { RouterOutputs } from '@polcenter/client';
import { type LocalizedText, UNIT_KIND_NAMES, UNIT_LINK_KIND_NAMES } from '@polcenter/domain';
import { ApiResource } from '@polcenter/widgets/resource';
import { placeholder, stateOf } from '@polcenter/widgets/states';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { date, dateTime } from '../i18n.js';
import { ConsolePage } from '../page.js';

const BASE = '/console';

type Unit = RouterOutputs['units']['get'];
type Link = RouterOutputs['units']['links'][number];
type Entry = RouterOutputs['units']['history'][number];
type Level = RouterOutputs['reference']['list'][number];

/** What the page knows of one unit: itself, what lies under it today, its links with the other ends named. */
interface Loaded {
  readonly unit: Unit;
  readonly parent: Unit | null;
  readonly children: readonly Unit[];
  /** Units beside it: same parent and level, valid today (whom it may merge with). */
  readonly siblings: readonly Unit[];
  /** Every unit valid today (where it may move). */
  readonly everyone: readonly Unit[];
  readonly links: readonly (Link & { readonly other: Unit })[];
}

type Operation = 'rename' | 'move' | 'close' | 'merge' | 'split';

const TEXT = {
  heading: { vi: 'Đơn vị', en: 'Unit' },
  loading: { vi: 'Đang tải đơn vị…', en: 'Loading the unit…' },
  back: { vi: '← Cây đơn vị', en: '← Unit tree' },
  code: { vi: 'Mã', en: 'Code' },
  level: { vi: 'Cấp', en: 'Level' },
  kind: { vi: 'Loại', en: 'Kind' },
  parent: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  validity: { vi: 'Hiệu lực', en: 'Valid' },
  fromTo: (from: string, to: string): LocalizedText => ({
    vi: `${from || 'không rõ'} – ${to || 'nay'}`,
    en: `${from || 'unknown'} – ${to || 'now'}`,
  }),
  none: { vi: 'Không có', en: 'None' },
  children: { vi: 'Đơn vị trực thuộc hôm nay', en: 'Units below it today' },
  noChildren: { vi: 'Không có đơn vị trực thuộc.', en: 'No unit below it.' },
  links: { vi: 'Tiền thân và kế tục', en: 'Predecessors and successors' },
  noLinks: { vi: 'Không có liên kết sáp nhập, chia tách hay đổi tên.', en: 'No merger, split or rename links.' },
  successor: { vi: 'Kế tục bởi', en: 'Carried on by' },
  predecessor: { vi: 'Kế tục từ', en: 'Carries on' },
  linkKind: { vi: 'Loại', en: 'Kind' },
  linkUnit: { vi: 'Đơn vị', en: 'Unit' },
  linkDate: { vi: 'Từ ngày', en: 'From' },
  linkDecision: { vi: 'Quyết định', en: 'Decision' },
  history: { vi: 'Lịch sử thay đổi', en: 'History of changes' },
  noHistory: { vi: 'Chưa có thay đổi nào được ghi.', en: 'No change recorded.' },
  when: { vi: 'Lúc', en: 'When' },
  who: { vi: 'Người làm', en: 'By' },
  what: { vi: 'Thay đổi', en: 'Change' },
  change: { vi: 'Thay đổi đơn vị', en: 'Change the unit' },
  ops: {
    rename: { vi: 'Đổi tên', en: 'Rename' },
    move: { vi: 'Chuyển đơn vị cấp trên', en: 'Move' },
    close: { vi: 'Chấm dứt hiệu lực', en: 'Close' },
    merge: { vi: 'Sáp nhập', en: 'Merge' },
    split: { vi: 'Chia tách', en: 'Split' },
  } satisfies Record<Operation, LocalizedText>,
  actions: {
    'unit.create': { vi: 'Tạo đơn vị', en: 'Created' },
    'unit.rename': { vi: 'Đổi tên', en: 'Renamed' },
    'unit.move': { vi: 'Chuyển đơn vị cấp trên', en: 'Moved' },
    'unit.close': { vi: 'Chấm dứt hiệu lực', en: 'Closed' },
    'unit.merge': { vi: 'Sáp nhập', en: 'Merged' },
    'unit.split': { vi: 'Chia tách', en: 'Split' },
  } as Record<string, LocalizedText>,
  name: { vi: 'Tên mới', en: 'New name' },
  newCode: { vi: 'Mã (để trống nếu giữ nguyên)', en: 'Code (leave empty to keep it)' },
  newParent: { vi: 'Đơn vị cấp trên mới', en: 'New parent unit' },
  topLevel: { vi: '(Không có — cấp cao nhất)', en: '(None — top level)' },
  effectiveOn: { vi: 'Có hiệu lực từ ngày', en: 'Effective on' },
  validTo: { vi: 'Ngày cuối cùng còn hiệu lực', en: 'Last day valid' },
  decision: { vi: 'Căn cứ (nghị quyết, quyết định)', en: 'Decision or resolution' },
  mergeWith: { vi: 'Sáp nhập cùng với', en: 'Merge together with' },
  noSiblings: {
    vi: 'Không có đơn vị cùng cấp nào bên cạnh để sáp nhập.',
    en: 'No unit of the same level beside it to merge with.',
  },
  successorCode: { vi: 'Mã đơn vị mới', en: 'Code of the new unit' },
  successorName: { vi: 'Tên đơn vị mới', en: 'Name of the new unit' },
  newUnit: (n: number): LocalizedText => ({ vi: `Đơn vị mới ${n}`, en: `New unit ${n}` }),
  addNewUnit: { vi: 'Thêm một đơn vị mới', en: 'Add a new unit' },
  goesTo: (name: string): LocalizedText => ({ vi: `${name} về`, en: `${name} goes to` }),
  continue: { vi: 'Tiếp tục', en: 'Continue' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  confirmTitle: { vi: 'Xác nhận thay đổi', en: 'Confirm the change' },
  irreversible: {
    vi: 'Thay đổi được ghi vào lịch sử và không thể hoàn tác từ đây.',
    en: 'The change is recorded in the history and cannot be undone from here.',
  },
  done: { vi: 'Đã lưu thay đổi.', en: 'Change saved.' },
  working: { vi: 'Đang lưu…', en: 'Saving…' },
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One unit: its facts, what lies under it today, the units it carries on and that carry it on
 * (with the decision and date), and, for administrators, its history and the changes of the 2025
 * reform — rename, move, close, merge with units beside it, split — each a form, then a dialog that
 * says the change in words before it is sent (with the unit versions read: a stale screen is refused).
 */
export class PcUnitPage extends ConsolePage {
  static override styles = [
    ...ConsolePage.styles,
    css`
      dl.facts {
        display: grid;
        grid-template-columns: minmax(8rem, max-content) 1fr;
        gap: 0.25rem 1rem;
      }
      dl.facts div {
        display: contents;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      fieldset {
        border: 1px solid var(--pc-border, #ccc);
        margin: 0.5rem 0;
        min-width: 0;
      }
    `,
  ];
  static override properties = {
    ...ConsolePage.properties,
    operation: { state: true },
    pending: { state: true },
    splitCount: { state: true },
  };
  private readonly data = new ApiResource<Loaded>(this);
  private readonly history = new ApiResource<Entry[]>(this);
  private readonly levels = new ApiResource<Level[]>(this);
  private readonly action = new Action<unknown>(this);
  declare private operation: Operation | undefined;
  /** The change the dialog asks about: its input, the call, and the sentence saying it. */
  declare private pending: { input: unknown; say: LocalizedText; send: (id: string) => Promise<string> } | undefined;
  declare private splitCount: number;
  private address = '';

  constructor() {
    super();
    this.splitCount = 2;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.params.id;
    if (changed.has('params') && id && id !== this.address) {
      this.address = id;
      this.load(id);
    }
  }

  private load(id: string): void {
    this.data.start(async ({ client, signal }) => {
      const unit = await client.units.get.query({ id }, { signal });
      const at = today();
      const [children, links, everyone] = await Promise.all([
        client.units.list.query({ under: id, at }, { signal }).then((all) => all.filter((u) => u.parentId === id)),
        client.units.links.query({ id }, { signal }),
        client.units.list.query({ at }, { signal }),
      ]);
      const named = await Promise.all(
        links.map(async (link) => ({
          ...link,
          other: await client.units.get.query(
            { id: link.predecessorId === id ? link.successorId : link.predecessorId },
            { signal },
          ),
        })),
      );
      const parent = unit.parentId ? await client.units.get.query({ id: unit.parentId }, { signal }) : null;
      return {
        unit,
        parent,
        children,
        links: named,
        everyone,
        siblings: everyone.filter((u) => u.id !== id && u.parentId === unit.parentId && u.level === unit.level),
      };
    });
    if (this.can('admin')) {
      this.history.start(({ client, signal }) => client.units.history.query({ id }, { signal }));
      this.levels.start(({ client, signal }) => client.reference.list.query({ list: 'unit_level' }, { signal }));
    }
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const loaded = this.data.value;
    return html`<p><a href="${BASE}/units">${this.t(TEXT.back)}</a></p>
      ${
        loaded
          ? this.renderUnit(loaded)
          : html`<h1>${this.t(TEXT.heading)}</h1>
              ${stateOf(this.data, lang, () => placeholder(this.t(TEXT.loading), html``)) ?? nothing}`
      }`;
  }

  private renderUnit(loaded: Loaded): TemplateResult {
    const { unit } = loaded;
    const lang = this.currentLang;
    const row = (label: LocalizedText, value: unknown) => html`<div><dt>${this.t(label)}</dt><dd>${value}</dd></div>`;
    return html`<h1>${unit.name}</h1>
      <dl class="facts">
        ${row(TEXT.code, unit.code)} ${row(TEXT.level, unit.levelName[lang])} ${row(TEXT.kind, UNIT_KIND_NAMES[unit.kind][lang])}
        ${row(
          TEXT.parent,
          loaded.parent
            ? html`<a href="${BASE}/units/${loaded.parent.id}">${loaded.parent.name}</a>`
            : this.t(TEXT.none),
        )}
        ${row(TEXT.validity, this.t(TEXT.fromTo(date(unit.validFrom), date(unit.validTo))))}
      </dl>
      ${this.renderLinks(loaded)} ${this.renderChildren(loaded)}
      ${this.can('admin') ? html`${this.renderOperations(loaded)} ${this.renderHistory()}` : nothing}
      ${this.renderDialog()}`;
  }

  private renderLinks(loaded: Loaded): TemplateResult {
    const lang = this.currentLang;
    const id = loaded.unit.id;
    return html`<section aria-labelledby="links-h">
      <h2 id="links-h">${this.t(TEXT.links)}</h2>
      ${
        loaded.links.length === 0
          ? html`<p>${this.t(TEXT.noLinks)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="links-h">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${this.t(TEXT.linkUnit)}</th>
                    <th scope="col">${this.t(TEXT.linkKind)}</th>
                    <th scope="col">${this.t(TEXT.linkDate)}</th>
                    <th scope="col">${this.t(TEXT.linkDecision)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${loaded.links.map(
                    (l) => html`<tr data-link=${l.predecessorId === id ? 'successor' : 'predecessor'}>
                      <td>${this.t(l.predecessorId === id ? TEXT.successor : TEXT.predecessor)}:
                        <a href="${BASE}/units/${l.other.id}">${l.other.name}</a></td>
                      <td>${UNIT_LINK_KIND_NAMES[l.kind][lang]}</td>
                      <td>${date(l.effectiveOn)}</td>
                      <td>${l.decision ?? ''}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  private renderChildren(loaded: Loaded): TemplateResult {
    return html`<section aria-labelledby="children-h">
      <h2 id="children-h">${this.t(TEXT.children)}</h2>
      ${
        loaded.children.length === 0
          ? html`<p>${this.t(TEXT.noChildren)}</p>`
          : html`<ul>
              ${loaded.children.map((c) => html`<li><a href="${BASE}/units/${c.id}">${c.name}</a> (${c.code})</li>`)}
            </ul>`
      }
    </section>`;
  }

  private renderHistory(): TemplateResult {
    const lang = this.currentLang;
    const entries = this.history.value;
    return html`<section aria-labelledby="history-h">
      <h2 id="history-h">${this.t(TEXT.history)}</h2>
      ${
        stateOf(this.history, lang, () => placeholder(this.t(TEXT.loading), html``)) ??
        (entries && entries.length > 0
          ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-h">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${this.t(TEXT.when)}</th>
                    <th scope="col">${this.t(TEXT.who)}</th>
                    <th scope="col">${this.t(TEXT.what)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (e) => html`<tr>
                      <td>${dateTime(e.at)}</td>
                      <td>${e.actor}</td>
                      <td>${TEXT.actions[e.action]?.[lang] ?? e.action} ${describe(e.before, e.after)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>${this.t(TEXT.noHistory)}</p>`)
      }
    </section>`;
  }

  private open(operation: Operation): void {
    this.operation = this.operation === operation ? undefined : operation;
    this.action.reset();
    this.splitCount = 2;
  }

  private renderOperations(loaded: Loaded): TemplateResult {
    if (loaded.unit.validTo !== null) return html``;
    const ops: Operation[] = ['rename', 'move', 'close', 'merge', 'split'];
    return html`<section class="panel" aria-labelledby="change-h">
      <h2 id="change-h">${this.t(TEXT.change)}</h2>
      <div class="actions">
        ${ops.map(
          (op) =>
            html`<button type="button" data-op=${op} aria-expanded=${this.operation === op ? 'true' : 'false'}
              @click=${() => this.open(op)}>${this.t(TEXT.ops[op])}</button>`,
        )}
      </div>
      ${this.operation ? this.renderForm(this.operation, loaded) : nothing}
    </section>`;
  }

  private renderForm(op: Operation, loaded: Loaded): TemplateResult {
    const lang = this.currentLang;
    const { unit } = loaded;
    const a = this.action;
    const dateField = (name: string, label: LocalizedText) =>
      field(a, lang, { name, label, type: 'date', required: true });
    const decision = field(a, lang, { name: 'decision', label: TEXT.decision, wide: true });
    let body: TemplateResult;
    switch (op) {
      case 'rename':
        body = html`${field(a, lang, { name: 'name', label: TEXT.name, value: unit.name, required: true, wide: true })}
          ${field(a, lang, { name: 'code', label: TEXT.newCode })}`;
        break;
      case 'move': {
        const candidates = loaded.everyone.filter((u) => u.id !== unit.id && u.id !== unit.parentId);
        body = html`<div class="field wide">
            <label for="f-parentId">${this.t(TEXT.newParent)}</label>
            <select id="f-parentId" name="parentId">
              <option value="">${this.t(TEXT.topLevel)}</option>
              ${candidates.map((u) => html`<option value=${u.id}>${u.name} (${u.levelName[lang]}, ${u.code})</option>`)}
            </select>
            ${fieldErrorOf(a, 'parentId', lang)}
          </div>
          ${dateField('effectiveOn', TEXT.effectiveOn)}`;
        break;
      }
      case 'close':
        body = dateField('validTo', TEXT.validTo);
        break;
      case 'merge':
        body = html`<fieldset>
            <legend>${this.t(TEXT.mergeWith)}</legend>
            ${
              loaded.siblings.length === 0
                ? html`<p>${this.t(TEXT.noSiblings)}</p>`
                : loaded.siblings.map(
                    (s) =>
                      html`<div><label><input type="checkbox" name="with" value=${s.id} /> ${s.name} (${s.code})</label></div>`,
                  )
            }
            ${fieldErrorOf(a, 'units', lang)}
          </fieldset>
          ${field(a, lang, { name: 'successor.code', label: TEXT.successorCode, required: true })}
          ${field(a, lang, { name: 'successor.name', label: TEXT.successorName, required: true, wide: true })}
          ${dateField('effectiveOn', TEXT.effectiveOn)} ${decision}`;
        break;
      case 'split':
        body = html`${Array.from(
          { length: this.splitCount },
          (_, i) => html`<fieldset>
            <legend>${this.t(TEXT.newUnit(i + 1))}</legend>
            ${field(a, lang, { name: `successors.${i}.code`, label: TEXT.successorCode, required: true })}
            ${field(a, lang, { name: `successors.${i}.name`, label: TEXT.successorName, required: true, wide: true })}
          </fieldset>`,
        )}
          <button type="button" @click=${() => {
            this.splitCount += 1;
          }}>${this.t(TEXT.addNewUnit)}</button>
          ${loaded.children.map(
            (c) => html`<div class="field">
              <label for="goes-${c.id}">${this.t(TEXT.goesTo(c.name))}</label>
              <select id="goes-${c.id}" name="goes.${c.id}">
                ${Array.from({ length: this.splitCount }, (_, i) => html`<option value=${i}>${this.t(TEXT.newUnit(i + 1))}</option>`)}
              </select>
            </div>`,
          )}
          ${fieldErrorOf(a, 'successors', lang)} ${dateField('effectiveOn', TEXT.effectiveOn)} ${decision}`;
        break;
    }
    return html`<form aria-label=${this.t(TEXT.ops[op])} @submit=${(e: SubmitEvent) => this.ask(e, op, loaded)}>
      <div class="fields">${body}</div>
      <div class="actions">
        <button type="submit" class="primary">${this.t(TEXT.continue)}</button>
        ${this.pending ? nothing : actionStatus(a, lang, { working: TEXT.working, done: TEXT.done })}
      </div>
    </form>`;
  }

  /** Reads the form into the API's input and asks for confirmation in words. */
  private ask(event: SubmitEvent, op: Operation, loaded: Loaded): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const { unit } = loaded;
    const name = (id: string | null) => loaded.everyone.find((u) => u.id === id)?.name ?? '';
    const on = date(v.effectiveOn);
    const decision = v.decision ? { decision: v.decision } : {};
    this.action.reset();
    switch (op) {
      case 'rename': {
        const input = { id: unit.id, version: unit.version, name: v.name ?? '', ...(v.code ? { code: v.code } : {}) };
        this.pending = {
          input,
          say: { vi: `Đổi tên ${unit.name} thành ${input.name}?`, en: `Rename ${unit.name} to ${input.name}?` },
          send: (_) => this.client.units.rename.mutate(input).then((u) => u.id),
        };
        break;
      }
      case 'move': {
        const input = {
          id: unit.id,
          version: unit.version,
          parentId: v.parentId ?? null,
          effectiveOn: v.effectiveOn ?? '',
        };
        const to = input.parentId ? name(input.parentId) : this.t(TEXT.topLevel);
        this.pending = {
          input,
          say: {
            vi: `Chuyển ${unit.name} về ${to} từ ngày ${on}?`,
            en: `Move ${unit.name} under ${to} from ${on}?`,
          },
          send: () => this.client.units.move.mutate(input).then((u) => u.id),
        };
        break;
      }
      case 'close': {
        const input = { id: unit.id, version: unit.version, validTo: v.validTo ?? '' };
        this.pending = {
          input,
          say: {
            vi: `Chấm dứt hiệu lực ${unit.name} sau ngày ${date(v.validTo)}, không có đơn vị kế tục?`,
            en: `Close ${unit.name} after ${date(v.validTo)}, with no successor?`,
          },
          send: () => this.client.units.close.mutate(input).then((u) => u.id),
        };
        break;
      }
      case 'merge': {
        const chosen = new FormData(form).getAll('with').map(String);
        const others = loaded.siblings.filter((s) => chosen.includes(s.id));
        const input = {
          units: [unit, ...others].map((u) => ({ id: u.id, version: u.version })),
          successor: { code: v['successor.code'] ?? '', name: v['successor.name'] ?? '' },
          effectiveOn: v.effectiveOn ?? '',
          ...decision,
        };
        const names = [unit, ...others].map((u) => u.name).join(', ');
        this.pending = {
          input,
          say: {
            vi: `Sáp nhập ${names} thành ${input.successor.name} (${input.successor.code}) từ ngày ${on}? Các đơn vị cũ hết hiệu lực từ ngày hôm trước; các thôn, bản chuyển về đơn vị mới.`,
            en: `Merge ${names} into ${input.successor.name} (${input.successor.code}) from ${on}? The old units end the day before; their villages move to the new unit.`,
          },
          send: () => this.client.units.merge.mutate(input).then((u) => u.id),
        };
        break;
      }
      case 'split': {
        const successors = Array.from({ length: this.splitCount }, (_, i) => ({
          code: v[`successors.${i}.code`] ?? '',
          name: v[`successors.${i}.name`] ?? '',
          childIds: loaded.children.filter((c) => v[`goes.${c.id}`] === String(i)).map((c) => c.id),
        }));
        const input = {
          unit: { id: unit.id, version: unit.version },
          successors,
          effectiveOn: v.effectiveOn ?? '',
          ...decision,
        };
        const names = successors.map((s) => s.name).join(', ');
        this.pending = {
          input,
          say: {
            vi: `Chia tách ${unit.name} thành ${names} từ ngày ${on}?`,
            en: `Split ${unit.name} into ${names} from ${on}?`,
          },
          send: () => this.client.units.split.mutate(input).then(() => unit.id),
        };
        break;
      }
    }
    void this.updateComplete.then(() => this.dialog()?.showModal());
  }

  private dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog#confirm');
  }

  private async confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const pending = this.pending;
    if (!pending) return;
    const id = await this.action.run(pending.input, () => pending.send(this.params.id as string));
    this.dialog()?.close();
    this.pending = undefined;
    if (typeof id !== 'string') return;
    this.operation = undefined;
    if (id !== this.params.id) {
      this.navigate(`/units/${id}`);
      return;
    }
    this.load(id);
  }

  private renderDialog(): TemplateResult {
    const lang = this.currentLang;
    return html`<dialog id="confirm" aria-labelledby="confirm-h" @close=${() => {
      this.pending = undefined;
    }}>
      <form method="dialog" @submit=${(e: SubmitEvent) => this.confirm(e)}>
        <h2 id="confirm-h">${this.t(TEXT.confirmTitle)}</h2>
        <p>${this.pending ? this.pending.say[lang] : ''}</p>
        <p>${this.t(TEXT.irreversible)}</p>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.action.running}>${this.t(TEXT.confirm)}</button>
          <button type="button" @click=${() => this.dialog()?.close()}>${this.t(TEXT.cancel)}</button>
        </div>
      </form>
    </dialog>`;
  }
}

/** An entry's before → after, short: the fields that changed. */
function describe(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['name', 'code', 'validTo', 'validFrom', 'effectiveOn', 'decision']) {
    if (a[key] !== undefined && a[key] !== null && a[key] !== b[key]) {
      const show = (value: unknown) =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : String(value);
      parts.push(b[key] ? `${show(b[key])} → ${show(a[key])}` : show(a[key]));
    }
  }
  return parts.length > 0 ? `(${parts.join('; ')})` : '';
}

customElements.define('pc-unit-page', PcUnitPage);
