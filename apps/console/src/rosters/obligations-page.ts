import type { RouterOutputs } from '@polcenter/client';
import {
  checkDate,
  formatRatio,
  type LocalizedText,
  OBLIGATION_KIND_NAMES,
  OBLIGATION_KINDS,
  type ObligationKind,
} from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { numberOf, type UnitOption, unitsOf } from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { date, number } from '../i18n.js';
import { ConsolePage } from '../page.js';
import { RowCorrection } from '../row-correction.js';
import { rosterStyles } from './roster-styles.js';
import { BASE, levelName, levelRank, ROSTER_KEEPERS } from './roster-words.js';
import '../export-buttons.js';
import { referenceEntries } from '../reference-names.js';

type Obligation = RouterOutputs['obligations']['list'][number];
type Report = RouterOutputs['obligations']['shortfalls'];

const TEXT = {
  heading: { vi: 'Nghĩa vụ báo cáo viên', en: 'Rapporteurs’ obligations' },
  back: { vi: 'Danh sách báo cáo viên', en: 'Rapporteur rosters' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  year: { vi: 'Năm', en: 'Year' },
  asOf: { vi: 'Tính đến ngày (không bắt buộc)', en: 'Count up to (optional)' },
  asOfHint: { vi: 'dd/mm/yyyy; bỏ trống: hết năm, hoặc hôm nay', en: 'dd/mm/yyyy; empty: the year’s end, or today' },
  show: { vi: 'Xem', en: 'Show' },
  rules: { vi: 'Nghĩa vụ theo cấp', en: 'Obligations by level' },
  noRules: { vi: 'Chưa có nghĩa vụ nào cho năm này.', en: 'No obligation for this year.' },
  rule: { vi: 'Nghĩa vụ', en: 'Obligation' },
  code: { vi: 'Mã', en: 'Code' },
  kind: { vi: 'Loại', en: 'Kind' },
  asks: { vi: 'Mức yêu cầu', en: 'Asks' },
  edit: { vi: 'Sửa', en: 'Edit' },
  editHeading: (code: string): LocalizedText => ({ vi: `Sửa nghĩa vụ ${code}`, en: `Correct obligation ${code}` }),
  editNote: {
    vi: 'Người chưa đạt được tính lại theo nghĩa vụ đã sửa cho mọi năm nghĩa vụ áp dụng. Nghĩa vụ đổi từ một năm nào đó: thêm nghĩa vụ mới từ năm ấy và cho nghĩa vụ cũ kết thúc năm trước.',
    en: 'Shortfalls are counted by the corrected rule for every year it covers. A rule that changes from some year on: add a new rule from that year and end the old one the year before.',
  },
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Thôi', en: 'Cancel' },
  reload: { vi: 'Tải lại thông tin mới nhất', en: 'Load the latest version' },
  owner: { vi: 'Của', en: 'Whose' },
  everyone: { vi: 'Dùng chung', en: 'Everyone' },
  ownUnit: { vi: 'Đơn vị', en: 'A unit' },
  perYear: (n: string): LocalizedText => ({ vi: `ít nhất ${n} mỗi năm`, en: `at least ${n} a year` }),
  share: (p: string): LocalizedText => ({ vi: `ít nhất ${p} số hội nghị`, en: `at least ${p} of the conferences` }),
  years: { vi: 'Áp dụng', en: 'Applies' },
  always: { vi: 'mọi năm', en: 'every year' },
  shortfalls: (year: number, on: string): LocalizedText => ({
    vi: `Người chưa đạt năm ${year} (tính đến ${on})`,
    en: `Falling short in ${year} (counted up to ${on})`,
  }),
  members: (n: string): LocalizedText => ({ vi: `${n} thành viên được xét.`, en: `${n} members judged.` }),
  nobodyShort: { vi: 'Không ai chưa đạt.', en: 'Nobody falls short.' },
  name: { vi: 'Họ và tên', en: 'Name' },
  level: { vi: 'Cấp', en: 'Level' },
  required: { vi: 'Yêu cầu', en: 'Required' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
  shortBy: { vi: 'Còn thiếu', en: 'Short by' },
  define: { vi: 'Thêm nghĩa vụ', en: 'Add an obligation' },
  defineCode: { vi: 'Mã nghĩa vụ', en: 'Code' },
  nameVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  defineLevel: { vi: 'Cấp áp dụng', en: 'Level bound' },
  minimum: { vi: 'Số tối thiểu mỗi năm', en: 'Minimum a year' },
  minShare: { vi: 'Hoặc tỷ lệ hội nghị (%)', en: 'Or share of conferences (%)' },
  ownerUnit: { vi: 'Đơn vị ban hành', en: 'Unit' },
  fromYear: { vi: 'Từ năm (không bắt buộc)', en: 'From year (optional)' },
  toYear: { vi: 'Đến năm (không bắt buộc)', en: 'To year (optional)' },
  defineButton: { vi: 'Thêm nghĩa vụ', en: 'Add the obligation' },
  defined: { vi: 'Đã thêm nghĩa vụ.', en: 'Obligation added.' },
  saved: { vi: 'Đã lưu nghĩa vụ.', en: 'Obligation saved.' },
};

/**
 * The obligations that bind the person's rosters, by level, and who falls short of them in a
 * year up to a date; each name opens the member's page. Propaganda staff add their unit's rules.
 */
export class PcObligationsPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, rosterStyles];
  static override properties = {
    ...ConsolePage.properties,
    year: { state: true },
    asOfError: { state: true },
  };

  private readonly rules = new ApiResource<Obligation[]>(this);
  private readonly shortfallReport = new ApiResource<Report>(this);
  private readonly units = new ApiResource<UnitOption[]>(this);
  private readonly defineAction = new Action<Obligation>(this);
  /** The rule being corrected, if any: the form then corrects it instead of adding a rule. */
  private readonly correction = new RowCorrection<Obligation>(this, this.rules, () => {
    const year = this.year;
    return ({ client, signal }) => client.obligations.list.query({ year }, { signal });
  });
  declare private year: number;
  declare private asOfError: LocalizedText | undefined;
  private asOf: string | undefined;

  constructor() {
    super();
    const query = new URL(location.href).searchParams;
    const year = Number(query.get('year'));
    this.year = Number.isInteger(year) && year >= 1945 && year <= 2200 ? year : new Date().getFullYear();
    const asOf = checkDate(query.get('asOf') ?? '');
    this.asOf = asOf.ok ? asOf.value : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.load();
    if (this.can(ROSTER_KEEPERS)) this.units.start(({ signal }) => unitsOf(this, signal, ROSTER_KEEPERS));
  }

  private load(): void {
    const year = this.year;
    const asOf = this.asOf;
    this.rules.start(({ client, signal }) => client.obligations.list.query({ year }, { signal }), { keep: true });
    this.shortfallReport.start(
      ({ client, signal }) => client.obligations.shortfalls.query({ year, ...(asOf ? { asOf } : {}) }, { signal }),
      { keep: true },
    );
  }

  private choose(event: SubmitEvent): void {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const year = Number(values.year);
    if (!Number.isInteger(year)) return;
    let asOf: string | undefined;
    if (values.asOf) {
      const checked = checkDate(values.asOf);
      if (!checked.ok) {
        this.asOfError = checked.message;
        return;
      }
      asOf = checked.value;
    }
    this.asOfError = undefined;
    this.year = year;
    this.asOf = asOf;
    const query = new URLSearchParams({ year: String(year), ...(asOf ? { asOf } : {}) }).toString();
    history.replaceState(history.state, '', `${location.pathname}?${query}`);
    this.load();
  }

  override render(): TemplateResult {
    const lang = this.currentLang;
    const error = this.asOfError;
    return html`<p><a href="${BASE}/rosters">${this.t(TEXT.back)}</a></p>
      <h1>${this.t(TEXT.heading)}</h1>
      <form class="toolbar" @submit=${(e: SubmitEvent) => this.choose(e)}>
        <div class="field">
          <label for="f-year">${this.t(TEXT.year)}</label>
          <input id="f-year" name="year" type="number" min="1945" max="2200" step="1" .value=${String(this.year)} />
        </div>
        <div class="field">
          <label for="f-asOf">${this.t(TEXT.asOf)}</label>
          <input id="f-asOf" name="asOf" inputmode="numeric" autocomplete="off" .value=${this.asOf ? date(this.asOf) : ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'f-asOf-hint f-asOf-error' : 'f-asOf-hint'} />
          <p class="hint" id="f-asOf-hint">${this.t(TEXT.asOfHint)}</p>
          ${error ? html`<p class="field-error" id="f-asOf-error">${error[lang]}</p>` : nothing}
        </div>
        <button type="submit">${this.t(TEXT.show)}</button>
      </form>
      ${this.renderRules()} ${this.renderShortfalls()}
      ${this.can(ROSTER_KEEPERS) ? this.renderDefine() : nothing}`;
  }

  private renderRules(): TemplateResult {
    const lang = this.currentLang;
    const rules = this.rules.value;
    if (!rules) {
      return this.rules.failure
        ? html`<p role="alert">${failureText(this.rules.failure, lang)}</p>`
        : html`<p role="status">${this.t(TEXT.loading)}</p>`;
    }
    const levels = [...new Set(rules.map((r) => r.rosterLevel))].sort((a, b) => levelRank(a) - levelRank(b));
    const asks = (r: Obligation) =>
      r.minimum
        ? this.t(TEXT.perYear(number(r.minimum, lang)))
        : this.t(TEXT.share(formatRatio(r.minShare ?? 0, lang)));
    const years = (r: Obligation) =>
      r.validFromYear || r.validToYear ? `${r.validFromYear ?? '…'}–${r.validToYear ?? '…'}` : this.t(TEXT.always);
    return html`<h2>${this.t(TEXT.rules)}</h2>
      <pc-export-buttons list="obligations" .filter=${{ year: this.year }}></pc-export-buttons>
      ${
        rules.length === 0
          ? html`<p>${this.t(TEXT.noRules)}</p>`
          : levels.map(
              (level, i) => html`<h3 id="level-${i}">${levelName(level, lang)}</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="level-${i}"><table class="rules">
                  <thead><tr><th scope="col">${this.t(TEXT.code)}</th><th scope="col">${this.t(TEXT.rule)}</th>
                    <th scope="col">${this.t(TEXT.kind)}</th><th scope="col">${this.t(TEXT.asks)}</th>
                    <th scope="col">${this.t(TEXT.years)}</th><th scope="col">${this.t(TEXT.owner)}</th>
                    <th scope="col">${this.t(TEXT.edit)}</th></tr></thead>
                  <tbody>${rules
                    .filter((r) => r.rosterLevel === level)
                    .map(
                      (r) => html`<tr data-code=${r.code}>
                        <td>${r.code}</td><td>${r.name[lang]}</td><td>${OBLIGATION_KIND_NAMES[r.kind][lang]}</td>
                        <td>${asks(r)}</td><td>${years(r)}</td><td>${this.t(r.ownerUnitId ? TEXT.ownUnit : TEXT.everyone)}</td>
                        <td>${
                          this.can(ROSTER_KEEPERS, r.ownerUnitId)
                            ? html`<button type="button" aria-label="${this.t(TEXT.edit)} ${r.code}" @click=${() => this.correction.open(r, '#define-h')}>${this.t(TEXT.edit)}</button>`
                            : nothing
                        }</td>
                      </tr>`,
                    )}</tbody>
                </table></div>`,
            )
      }`;
  }

  private renderShortfalls(): TemplateResult {
    const lang = this.currentLang;
    const report = this.shortfallReport.value;
    if (!report) {
      return this.shortfallReport.failure
        ? html`<p role="alert">${failureText(this.shortfallReport.failure, lang)}</p>`
        : html`<p role="status">${this.t(TEXT.loading)}</p>`;
    }
    return html`<h2 id="short-h">${this.t(TEXT.shortfalls(report.year, date(report.asOf)))}</h2>
      <pc-export-buttons list="shortfalls" .filter=${{ year: report.year, asOf: report.asOf }}></pc-export-buttons>
      <p>${this.t(TEXT.members(number(report.members, lang)))}</p>
      ${
        report.shortfalls.length === 0
          ? html`<p>${this.t(TEXT.nobodyShort)}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="short-h"><table class="shortfalls">
              <thead><tr><th scope="col">${this.t(TEXT.name)}</th><th scope="col">${this.t(TEXT.level)}</th>
                <th scope="col">${this.t(TEXT.rule)}</th><th scope="col" class="num">${this.t(TEXT.required)}</th>
                <th scope="col" class="num">${this.t(TEXT.done)}</th><th scope="col" class="num">${this.t(TEXT.shortBy)}</th></tr></thead>
              <tbody>${report.shortfalls.map(
                (s) => html`<tr data-person=${s.personId} data-code=${s.code}>
                  <td><a href="${BASE}/rapporteurs/${s.personId}?year=${report.year}">${s.fullName}</a></td>
                  <td>${levelName(s.rosterLevel, lang)}</td><td>${s.name[lang]}</td>
                  <td class="num">${number(s.required, lang)}</td><td class="num">${number(s.done, lang)}</td>
                  <td class="num">${number(s.shortBy, lang)}</td>
                </tr>`,
              )}</tbody>
            </table></div>`
      }`;
  }

  private async define(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const share = numberOf(v.minShare);
    const fields = {
      code: v.code ?? '',
      kind: (v.kind ?? 'briefings') as ObligationKind,
      rosterLevel: v.rosterLevel ?? null,
      minimum: numberOf(v.minimum) ?? null,
      minShare: share === undefined ? null : share / 100,
      name: { vi: v['name.vi'] ?? '', en: v['name.en'] ?? '' },
      validFromYear: numberOf(v.validFromYear) ?? null,
      validToYear: numberOf(v.validToYear) ?? null,
    };
    const editing = this.correction.editing;
    if (editing) {
      const input = { ...fields, id: editing.id, expectedVersion: editing.version };
      if (await this.correction.save(input, (client) => client.obligations.update.mutate(input))) this.load();
      return;
    }
    const input = { ...fields, ownerUnitId: v.ownerUnitId ?? null };
    if (await this.defineAction.run(input, (client) => client.obligations.define.mutate(input))) {
      form.reset();
      this.load();
    }
  }

  private renderDefine(): TemplateResult {
    const lang = this.currentLang;
    const r = this.correction.editing;
    const a = r ? this.correction.action : this.defineAction;
    const select = (name: string, label: LocalizedText, options: TemplateResult[]) => html`<div class="field">
        <label for="f-${name}">${this.t(label)}</label>
        <select id="f-${name}" name=${name} aria-invalid=${a.fieldError(name) ? 'true' : 'false'} aria-describedby="f-${name}-error">${options}</select>
        ${fieldErrorOf(a, name, lang)}
      </div>`;
    return html`<form aria-labelledby="define-h" @submit=${(e: SubmitEvent) => this.define(e)}
        @input=${() => a.state === 'failed' && a.code !== 'OBLIGATION.STALE' && a.reset()}>
      <h2 id="define-h" tabindex="-1">${this.t(r ? TEXT.editHeading(r.code) : TEXT.define)}</h2>
      ${r ? html`<p class="hint">${this.t(TEXT.editNote)}</p>` : nothing}
      ${!r && this.correction.action.state === 'done' ? html`<p class="success" role="status">${this.t(TEXT.saved)}</p>` : nothing}
      <div class="fields">
        ${field(a, lang, { name: 'code', label: TEXT.defineCode, value: r?.code ?? '', required: true, attrs: { autocomplete: 'off' } })}
        ${select(
          'kind',
          TEXT.kind,
          OBLIGATION_KINDS.map(
            (k) => html`<option value=${k} ?selected=${r?.kind === k}>${OBLIGATION_KIND_NAMES[k][lang]}</option>`,
          ),
        )}
        ${field(a, lang, { name: 'name.vi', label: TEXT.nameVi, value: r?.name.vi ?? '', required: true, wide: true })}
        ${field(a, lang, { name: 'name.en', label: TEXT.nameEn, value: r?.name.en ?? '', required: true, wide: true })}
        ${select('rosterLevel', TEXT.defineLevel, [
          html`<option value="" ?selected=${r ? r.rosterLevel === null : false}>${levelName(null, lang)}</option>`,
          ...referenceEntries('roster_level').map(
            (l) => html`<option value=${l.code} ?selected=${r?.rosterLevel === l.code}>${l.name[lang]}</option>`,
          ),
        ])}
        ${
          r
            ? nothing
            : select(
                'ownerUnitId',
                TEXT.ownerUnit,
                (this.units.value ?? []).map((u) => html`<option value=${u.id}>${u.name}</option>`),
              )
        }
        ${field(a, lang, { name: 'minimum', label: TEXT.minimum, value: r?.minimum ?? '', type: 'number', attrs: { min: '1', max: '1000', step: '1' } })}
        ${field(a, lang, { name: 'minShare', label: TEXT.minShare, value: r?.minShare ? Math.round(r.minShare * 100) : '', type: 'number', attrs: { min: '1', max: '100', step: '1' } })}
        ${field(a, lang, { name: 'validFromYear', label: TEXT.fromYear, value: r?.validFromYear ?? '', type: 'number', attrs: { min: '1945', max: '2200', step: '1' } })}
        ${field(a, lang, { name: 'validToYear', label: TEXT.toYear, value: r?.validToYear ?? '', type: 'number', attrs: { min: '1945', max: '2200', step: '1' } })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${a.running}>${this.t(r ? TEXT.save : TEXT.defineButton)}</button>
        ${r ? this.correction.cancelButton(TEXT.cancel) : nothing}
        ${actionStatus(a, lang, { done: r ? TEXT.saved : TEXT.defined })}
        ${r ? this.correction.latestButton('OBLIGATION.STALE', TEXT.reload) : nothing}
      </div>
    </form>`;
  }
}

customElements.define('pc-obligations-page', PcObligationsPage);
