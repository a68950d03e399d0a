import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Action } from '../action.js';
import { numberOf, type UnitOption, unitsOf } from '../class-form.js';
import { actionStatus, field, fieldErrorOf, formValues } from '../form.js';
import { ConsolePage } from '../page.js';
import { referenceEntries } from '../reference-names.js';
import { rosterStyles } from './roster-styles.js';
import { BASE, ROSTER_KEEPERS, type RosterView, rosterTitle } from './roster-words.js';

const TEXT = {
  newHeading: { vi: 'Lập danh sách báo cáo viên', en: 'New rapporteur roster' },
  editHeading: { vi: 'Sửa thông tin danh sách', en: 'Correct the roster' },
  editNote: {
    vi: 'Sửa cấp, nhiệm kỳ hoặc tên khi nhập nhầm. Thành viên chỉ thay đổi bằng quyết định.',
    en: 'Correct a mistyped level, term or name. Members change only by decision.',
  },
  back: { vi: 'Về danh sách', en: 'Back to the roster' },
  backAll: { vi: 'Tất cả danh sách', en: 'All rosters' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  level: { vi: 'Cấp', en: 'Level' },
  owner: { vi: 'Đơn vị', en: 'Unit' },
  start: { vi: 'Năm bắt đầu nhiệm kỳ', en: 'Term starts' },
  end: { vi: 'Năm kết thúc nhiệm kỳ', en: 'Term ends' },
  name: { vi: 'Tên danh sách (không bắt buộc)', en: 'Name (optional)' },
  create: { vi: 'Lập danh sách', en: 'Create the roster' },
  save: { vi: 'Lưu', en: 'Save' },
  creating: { vi: 'Đang lập…', en: 'Creating…' },
  reload: { vi: 'Tải lại thông tin mới nhất', en: 'Load the latest version' },
};

/**
 * A new roster (level, unit, term, name) or the correction of one's own fields, on the version
 * read: a correction someone saved meanwhile is refused (ROSTER.STALE) with a button to load it.
 */
export class PcRosterFormPage extends ConsolePage {
  static override styles = [...ConsolePage.styles, rosterStyles];
  private readonly roster = new ApiResource<RosterView>(this);
  private readonly units = new ApiResource<UnitOption[]>(this);
  private readonly save = new Action<RosterView>(this, { persistAs: 'pc-roster-new' });
  private address: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('params') || this.address === (this.params.id ?? '')) return;
    this.address = this.params.id ?? '';
    const id = this.params.id;
    if (id) this.roster.start(({ client, signal }) => client.rosters.get.query({ id }, { signal }));
    else this.units.start(({ signal }) => unitsOf(this, signal, ROSTER_KEEPERS));
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const common = {
      level: values.level ?? '',
      termStartYear: numberOf(values.termStartYear) ?? Number.NaN,
      termEndYear: numberOf(values.termEndYear) ?? Number.NaN,
      name: values.name ?? null,
    };
    const current = this.roster.value;
    const saved = current
      ? await this.save.run({ id: current.id, expectedVersion: current.version, ...common }, (client) =>
          client.rosters.update.mutate({ id: current.id, expectedVersion: current.version, ...common }),
        )
      : await this.save.run({ ownerUnitId: values.ownerUnitId ?? '', ...common }, (client) =>
          client.rosters.create.mutate({ ownerUnitId: values.ownerUnitId ?? '', ...common }),
        );
    if (saved) this.navigate(`/rosters/${saved.id}?saved=roster`);
  }

  override render(): TemplateResult {
    const id = this.params.id;
    const roster = this.roster.value;
    const lang = this.currentLang;
    if (id && !roster) {
      return html`<h1>${this.t(TEXT.editHeading)}</h1>${
        this.roster.failure
          ? html`<p role="alert">${failureText(this.roster.failure, lang)}</p>`
          : html`<p role="status">${this.t(TEXT.loading)}</p>`
      }`;
    }
    const kept = roster ? undefined : this.save.kept<Record<string, unknown>>();
    const value = (name: string, fallback: unknown) => (kept?.[name] ?? fallback) as string | number | null;
    const level = String(value('level', roster?.level ?? 'district'));
    // The reference data's levels (an administrator may add and rename them), and the roster's own if it is not among them.
    const known = referenceEntries('roster_level').map((l) => ({ code: l.code, name: l.name[lang] }));
    const levels = known.some((l) => l.code === level) ? known : [...known, { code: level, name: level }];
    const year = new Date().getFullYear();
    return html`<p><a href=${roster ? `${BASE}/rosters/${roster.id}` : `${BASE}/rosters`}>${this.t(roster ? TEXT.back : TEXT.backAll)}</a></p>
      <h1>${this.t(roster ? TEXT.editHeading : TEXT.newHeading)}</h1>
      ${roster ? html`<p>${rosterTitle(roster, lang)}</p><p class="hint">${this.t(TEXT.editNote)}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.submit(e)}
        @input=${() => this.save.state === 'failed' && this.save.reset()}>
        <div class="fields">
          <div class="field">
            <label for="f-level">${this.t(TEXT.level)}</label>
            <select id="f-level" name="level" aria-invalid=${this.save.fieldError('level') ? 'true' : 'false'} aria-describedby="f-level-error">
              ${levels.map((l) => html`<option value=${l.code} ?selected=${l.code === level}>${l.name}</option>`)}
            </select>
            ${fieldErrorOf(this.save, 'level', lang)}
          </div>
          ${roster ? nothing : this.unitSelect(String(value('ownerUnitId', '')))}
          ${field(this.save, lang, { name: 'termStartYear', label: TEXT.start, type: 'number', value: value('termStartYear', roster?.termStartYear ?? year), required: true, attrs: { min: '1945', max: '2200', step: '1' } })}
          ${field(this.save, lang, { name: 'termEndYear', label: TEXT.end, type: 'number', value: value('termEndYear', roster?.termEndYear ?? year + 5), required: true, attrs: { min: '1945', max: '2200', step: '1' } })}
          ${field(this.save, lang, { name: 'name', label: TEXT.name, value: value('name', roster?.name ?? ''), wide: true })}
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.save.running}>${this.t(roster ? TEXT.save : TEXT.create)}</button>
          ${actionStatus(this.save, lang, roster ? {} : { working: TEXT.creating })}
          ${
            this.save.code === 'ROSTER.STALE' && roster
              ? html`<button type="button" @click=${() => {
                  this.save.reset();
                  const rosterId = roster.id;
                  this.roster.start(({ client, signal }) => client.rosters.get.query({ id: rosterId }, { signal }));
                }}>${this.t(TEXT.reload)}</button>`
              : nothing
          }
        </div>
      </form>`;
  }

  private unitSelect(chosen: string): TemplateResult {
    const lang = this.currentLang;
    const units = this.units.value ?? [];
    return html`<div class="field">
      <label for="f-ownerUnitId">${this.t(TEXT.owner)}</label>
      <select id="f-ownerUnitId" name="ownerUnitId" required
        aria-invalid=${this.save.fieldError('ownerUnitId') ? 'true' : 'false'} aria-describedby="f-ownerUnitId-error">
        ${units.map((u) => html`<option value=${u.id} ?selected=${u.id === chosen}>${u.name}</option>`)}
      </select>
      ${fieldErrorOf(this.save, 'ownerUnitId', lang)}
    </div>`;
  }
}

customElements.define('pc-roster-form-page', PcRosterFormPage);
