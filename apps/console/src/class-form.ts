import type { RouterOutputs } from '@polcenter/client';
import type { Lang, LocalizedText, Role } from '@polcenter/domain';
import { html, nothing, type TemplateResult } from 'lit';
import type { Action } from './action.js';
import { field, fieldErrorOf } from './form.js';
import { date } from './i18n.js';
import type { ConsolePage } from './page.js';

/**
 * What the class pages' forms share (create and edit): the fields of a class that may change
 * after it is planned, the online sites' editor, and reading them back as the API's input.
 */

export type UnitOption = Pick<RouterOutputs['units']['get'], 'id' | 'name'>;

/** A site row of the editor: an existing one keeps its id (and unit), a new one has none. */
export interface SiteRow {
  readonly id?: string | undefined;
  readonly name: string;
  readonly unitId?: string | null | undefined;
}

/** What the shared fields show: a class's values (ISO dates), or a kept draft's (as typed). */
export interface ClassFieldValues {
  readonly title?: string | null | undefined;
  readonly venue?: string | null | undefined;
  readonly onlineLink?: string | null | undefined;
  readonly capacity?: number | string | null | undefined;
  readonly startDate?: string | null | undefined;
  readonly endDate?: string | null | undefined;
  readonly enrolmentOpensOn?: string | null | undefined;
  readonly enrolmentClosesOn?: string | null | undefined;
}

export const CLASS_FORM_TEXT = {
  title: { vi: 'Tên lớp', en: 'Title' },
  venue: { vi: 'Địa điểm học', en: 'Venue' },
  onlineLink: { vi: 'Đường dẫn học trực tuyến', en: 'Online meeting link' },
  capacity: { vi: 'Số chỗ (sức chứa)', en: 'Seats (capacity)' },
  startDate: { vi: 'Ngày khai giảng', en: 'Start date' },
  endDate: { vi: 'Ngày bế giảng', en: 'End date' },
  opensOn: { vi: 'Mở đăng ký từ ngày', en: 'Enrolment opens on' },
  closesOn: { vi: 'Hạn đăng ký', en: 'Enrolment closes on' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2026', en: 'dd/mm/yyyy, e.g. 14/03/2026' },
  sites: { vi: 'Điểm cầu trực tuyến', en: 'Online sites' },
  siteName: (n: number): LocalizedText => ({ vi: `Tên điểm cầu ${n}`, en: `Site ${n} name` }),
  addSite: { vi: 'Thêm điểm cầu', en: 'Add a site' },
  removeSite: (n: number): LocalizedText => ({ vi: `Bỏ điểm cầu ${n}`, en: `Remove site ${n}` }),
  noSites: { vi: 'Chưa có điểm cầu nào.', en: 'No site yet.' },
};

/** A date as the form shows it: dd/mm/yyyy for a stored ISO date, a typed one as it was typed. */
export function shownDate(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
}

/** Title, dates, venue, link, capacity and enrolment window: the fields create and edit share. */
export function classFields(
  action: Action<unknown>,
  lang: Lang,
  values: ClassFieldValues,
  options: { mode: string },
): TemplateResult {
  const dateField = (name: keyof ClassFieldValues, label: LocalizedText, required = false) =>
    field(action, lang, {
      name,
      label,
      value: shownDate(values[name] as string | null | undefined),
      required,
      hint: CLASS_FORM_TEXT.dateHint,
      attrs: { autocomplete: 'off', inputmode: 'numeric' },
    });
  return html`${field(action, lang, { name: 'title', label: CLASS_FORM_TEXT.title, value: values.title, wide: true })}
    ${dateField('startDate', CLASS_FORM_TEXT.startDate, true)} ${dateField('endDate', CLASS_FORM_TEXT.endDate, true)}
    ${field(action, lang, {
      name: 'capacity',
      label: CLASS_FORM_TEXT.capacity,
      type: 'number',
      value: values.capacity,
      required: true,
      attrs: { min: '1', step: '1', inputmode: 'numeric' },
    })}
    ${dateField('enrolmentOpensOn', CLASS_FORM_TEXT.opensOn)} ${dateField('enrolmentClosesOn', CLASS_FORM_TEXT.closesOn)}
    ${
      options.mode !== 'online'
        ? field(action, lang, { name: 'venue', label: CLASS_FORM_TEXT.venue, value: values.venue, wide: true })
        : nothing
    }
    ${
      options.mode !== 'in_person'
        ? field(action, lang, {
            name: 'onlineLink',
            label: CLASS_FORM_TEXT.onlineLink,
            type: 'url',
            value: values.onlineLink,
            wide: true,
          })
        : nothing
    }`;
}

/**
 * The online sites, one row each (a kept site carries its id, so the timetable's sessions stay on
 * it), with add and remove. `onChange` gets the new list; the page keeps it.
 */
export function sitesEditor(
  page: ConsolePage,
  action: Action<unknown>,
  sites: readonly SiteRow[],
  onChange: (sites: SiteRow[]) => void,
): TemplateResult {
  const lang = page.currentLang;
  const rename = (index: number, name: string) =>
    onChange(sites.map((site, i) => (i === index ? { ...site, name } : site)));
  return html`<fieldset class="sites field wide">
    <legend>${page.t(CLASS_FORM_TEXT.sites)}</legend>
    ${sites.length === 0 ? html`<p class="hint">${page.t(CLASS_FORM_TEXT.noSites)}</p>` : nothing}
    ${sites.map((site, index) => {
      const id = `f-sites-${index}-name`;
      const error = action.fieldError(`sites.${index}.name`) ?? action.fieldError(`sites.${index}.id`);
      return html`<div class="site">
        <label for=${id}>${page.t(CLASS_FORM_TEXT.siteName(index + 1))}</label>
        <input id=${id} .value=${site.name} required maxlength="200"
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
          @input=${(e: Event) => rename(index, (e.target as HTMLInputElement).value)} />
        <button type="button" @click=${() => onChange(sites.filter((_, i) => i !== index))}>
          ${page.t(CLASS_FORM_TEXT.removeSite(index + 1))}
        </button>
        ${error ? html`<p class="field-error" id="${id}-error">${error[lang]}</p>` : nothing}
      </div>`;
    })}
    ${fieldErrorOf(action, 'sites', lang)}
    <div><button type="button" @click=${() => onChange([...sites, { name: '' }])}>${page.t(CLASS_FORM_TEXT.addSite)}</button></div>
  </fieldset>`;
}

/** The sites as the API takes them: blank rows left out. */
export function sitesInput(sites: readonly SiteRow[]): { id?: string; name: string; unitId?: string | null }[] {
  return sites
    .filter((site) => site.name.trim() !== '')
    .map((site) => ({
      ...(site.id ? { id: site.id } : {}),
      name: site.name.trim(),
      ...(site.unitId ? { unitId: site.unitId } : {}),
    }));
}

/** A number typed in a field, or undefined when none was (the API names a missing required one). */
export function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The units a person may pick as organiser or filter by: those their grants are for (of `roles`,
 * when given), by name. An administrator, bound to no unit, picks among all units.
 */
export async function unitsOf(page: ConsolePage, signal: AbortSignal, roles?: readonly Role[]): Promise<UnitOption[]> {
  const grants = page.me?.roles ?? [];
  const ids = [
    ...new Set(
      grants
        .filter((g) => !roles || roles.includes(g.role) || g.role === 'admin')
        .flatMap((g) => (g.unitId ? [g.unitId] : [])),
    ),
  ];
  if (ids.length === 0 && grants.some((g) => g.role === 'admin')) {
    return (await page.client.units.list.query({}, { signal })).map((u) => ({ id: u.id, name: u.name }));
  }
  return Promise.all(ids.map((id) => page.client.units.get.query({ id }, { signal })));
}
