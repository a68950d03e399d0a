import type { RouterOutputs } from '@polcenter/client';
import type { LocalizedText, Role } from '@polcenter/domain';
import { failureText } from '@polcenter/widgets/failure';
import { ApiResource } from '@polcenter/widgets/resource';
import { css, html, nothing, type TemplateResult } from 'lit';
import { shownDate } from '../class-form.js';
import type { ConsolePage } from '../page.js';

/**
 * What the propaganda pages share: who does what (the API's roles, to hide what it would refuse),
 * the period / unit / words filter kept in the address, the units a person may pick, and a people
 * search that picks presenters, reporters, attendees, entrants and judges.
 */

/** Who reads the activities, who logs briefings and opinion reports, who runs conferences and contests. */
export const READERS: readonly Role[] = ['propaganda_staff', 'center_staff', 'unit_coordinator', 'lecturer'];
export const LOGGERS: readonly Role[] = ['propaganda_staff', 'unit_coordinator', 'lecturer'];
export const PROPAGANDA: readonly Role[] = ['propaganda_staff'];

/** The console's address (routes.ts's `BASE`; importing routes.ts from a page would be a cycle). */
export const BASE = '/console';

export interface PeriodFilter {
  readonly from: string;
  readonly to: string;
  readonly unitId?: string;
  readonly search?: string;
}

export const FILTER_TEXT = {
  filters: { vi: 'Lọc theo thời gian, đơn vị, từ khoá', en: 'Filter by period, unit, words' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  unit: { vi: 'Đơn vị (gồm cả đơn vị trực thuộc)', en: 'Unit (and the units below it)' },
  allUnits: { vi: 'Tất cả đơn vị được xem', en: 'Every unit I may see' },
  search: { vi: 'Tìm (không cần dấu)', en: 'Search (diacritics optional)' },
  apply: { vi: 'Lọc', en: 'Filter' },
  dateHint: { vi: 'ngày/tháng/năm, ví dụ 14/03/2026', en: 'dd/mm/yyyy, e.g. 14/03/2026' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  more: { vi: 'Xem thêm', en: 'More' },
};

/** A date as the API reads it (`2024-06-30`), from one typed `30/06/2024`; undefined when neither. */
export function isoOf(value: string | undefined): string | undefined {
  const typed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value?.trim() ?? '');
  if (typed) return `${typed[3]}-${(typed[2] as string).padStart(2, '0')}-${(typed[1] as string).padStart(2, '0')}`;
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** This year so far: what a list shows before anyone filters it. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const year = now.getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The filter as the address holds it (`?from=2022-01-01&to=2022-12-31&search=ban+cuon`). */
export function filterFromAddress(defaults = defaultPeriod()): PeriodFilter {
  const query = new URLSearchParams(location.search);
  const text = (name: string) => query.get(name) || undefined;
  return {
    from: text('from') ?? defaults.from,
    to: text('to') ?? defaults.to,
    ...(text('unitId') ? { unitId: text('unitId') } : {}),
    ...(text('search') ? { search: text('search') } : {}),
  };
}

/** Reads the filter form and writes it into the address, so Back and reload find the list as left. */
export function filterFromForm(form: HTMLFormElement): PeriodFilter {
  const values = new FormData(form);
  const text = (name: string) => ((values.get(name) as string | null) ?? '').trim() || undefined;
  const defaults = defaultPeriod();
  const filter: PeriodFilter = {
    from: text('from') ?? defaults.from,
    to: text('to') ?? defaults.to,
    ...(text('unitId') ? { unitId: text('unitId') } : {}),
    ...(text('search') ? { search: text('search') } : {}),
  };
  const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)])).toString();
  history.replaceState(history.state, '', `${location.pathname}?${query}`);
  return filter;
}

export type UnitChoice = { readonly id: string; readonly name: string; readonly depth: number };

/**
 * The units a person may pick for `roles`: each unit they hold one of them for and every unit
 * below it (a briefing is held in a village of the commune); every unit for an administrator.
 * `at`: units as they were on that day (a report of 2024 picks the communes of 2024, merged since).
 */
export async function unitChoices(
  page: ConsolePage,
  signal: AbortSignal,
  roles: readonly Role[],
  at?: string,
): Promise<UnitChoice[]> {
  const grants = page.me?.roles ?? [];
  const valid = at && /^\d{4}-\d{2}-\d{2}$/.test(at) ? { at } : {};
  if (grants.some((g) => g.role === 'admin')) {
    return (await page.client.units.list.query(valid, { signal })).map((u) => ({ id: u.id, name: u.name, depth: 0 }));
  }
  const roots = [...new Set(grants.filter((g) => roles.includes(g.role) && g.unitId).map((g) => g.unitId as string))];
  const lists = await Promise.all(
    roots.map(async (id) => {
      const [root, below] = await Promise.all([
        page.client.units.get.query({ id }, { signal }),
        page.client.units.list.query({ under: id, ...valid }, { signal }),
      ]);
      return [{ id: root.id, name: root.name, depth: 0 }, ...below.map((u) => ({ id: u.id, name: u.name, depth: 1 }))];
    }),
  );
  const seen = new Set<string>();
  return lists.flat().filter((u) => !seen.has(u.id) && seen.add(u.id));
}

/** `<option>`s of units, those below their commune indented. */
export function unitOptions(units: readonly UnitChoice[] | undefined, selected: string | undefined): TemplateResult[] {
  return (units ?? []).map(
    (u) =>
      html`<option value=${u.id} ?selected=${u.id === selected}>${u.depth ? '\u00a0\u00a0' : ''}${u.name}</option>`,
  );
}

/** The period, unit and words filter of a list page. */
export function filterForm(
  page: ConsolePage,
  filter: PeriodFilter,
  units: readonly UnitChoice[] | undefined,
  onFilter: (filter: PeriodFilter) => void,
  options: { search?: LocalizedText | false } = {},
): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onFilter(filterFromForm(event.currentTarget as HTMLFormElement));
  };
  return html`<form role="search" aria-label=${page.t(FILTER_TEXT.filters)} @submit=${submit}>
    <div class="fields">
      ${
        options.search === false
          ? nothing
          : html`<div class="field wide">
              <label for="f-search">${page.t(options.search ?? FILTER_TEXT.search)}</label>
              <input id="f-search" name="search" type="search" autocomplete="off" .value=${filter.search ?? ''} />
            </div>`
      }
      <div class="field">
        <label for="f-from">${page.t(FILTER_TEXT.from)}</label>
        <input id="f-from" name="from" inputmode="numeric" autocomplete="off" aria-describedby="f-period-hint"
          .value=${shownDate(filter.from)} />
      </div>
      <div class="field">
        <label for="f-to">${page.t(FILTER_TEXT.to)}</label>
        <input id="f-to" name="to" inputmode="numeric" autocomplete="off" aria-describedby="f-period-hint"
          .value=${shownDate(filter.to)} />
      </div>
      <div class="field">
        <label for="f-unitId">${page.t(FILTER_TEXT.unit)}</label>
        <select id="f-unitId" name="unitId">
          <option value="" ?selected=${!filter.unitId}>${page.t(FILTER_TEXT.allUnits)}</option>
          ${unitOptions(units, filter.unitId)}
        </select>
      </div>
    </div>
    <p class="hint" id="f-period-hint">${page.t(FILTER_TEXT.dateHint)}</p>
    <div class="actions"><button type="submit" class="primary">${page.t(FILTER_TEXT.apply)}</button></div>
  </form>`;
}

export type PersonHit = RouterOutputs['people']['search']['items'][number];

const PEOPLE_TEXT = {
  search: { vi: 'Tìm người theo tên (không cần dấu)', en: 'Find people by name (diacritics optional)' },
  find: { vi: 'Tìm', en: 'Find' },
  none: { vi: 'Không tìm thấy ai.', en: 'Nobody found.' },
  pick: (name: string): LocalizedText => ({ vi: `Chọn ${name}`, en: `Pick ${name}` }),
  picked: { vi: 'Đã chọn', en: 'Picked' },
};

/**
 * A people search inside a page's form: typing and Enter (or "Tìm") search the people the person
 * may see; each hit has a "Chọn" button. It is a group of inputs, not a form, so it can sit inside
 * the form that is sent.
 */
export class PeopleSearch {
  readonly found: ApiResource<RouterOutputs['people']['search']>;

  constructor(
    private readonly page: ConsolePage,
    private readonly id: string,
  ) {
    this.found = new ApiResource(page);
  }

  private run(input: HTMLInputElement): void {
    const query = input.value.trim();
    if (!query) return;
    this.found.start(({ client, signal }) => client.people.search.query({ query, limit: 10 }, { signal }));
  }

  render(
    label: LocalizedText | undefined,
    pickedIds: readonly string[],
    onPick: (person: PersonHit) => void,
  ): TemplateResult {
    const lang = this.page.currentLang;
    const inputId = `${this.id}-query`;
    const find = (event: Event) => {
      const input = this.page.renderRoot.querySelector<HTMLInputElement>(`#${inputId}`);
      if (input) this.run(input);
      event.preventDefault();
    };
    const page = this.found.value;
    return html`<div class="people-search">
      <label for=${inputId}>${this.page.t(label ?? PEOPLE_TEXT.search)}</label>
      <div class="inline">
        <input id=${inputId} type="search" autocomplete="off"
          @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' ? find(e) : undefined)} />
        <button type="button" @click=${find}>${this.page.t(PEOPLE_TEXT.find)}</button>
      </div>
      ${this.found.failure ? html`<p role="alert">${failureText(this.found.failure, lang)}</p>` : nothing}
      ${this.found.loading ? html`<p role="status">${this.page.t(FILTER_TEXT.loading)}</p>` : nothing}
      ${
        page
          ? page.items.length === 0
            ? html`<p role="status">${this.page.t(PEOPLE_TEXT.none)}</p>`
            : html`<ul class="hits">
                ${page.items.map(
                  (p) => html`<li>
                    <span>${p.fullName}${p.unitName ? html` <span class="muted">· ${p.unitName}</span>` : nothing}</span>
                    ${
                      pickedIds.includes(p.id)
                        ? html`<span class="muted">${this.page.t(PEOPLE_TEXT.picked)}</span>`
                        : html`<button type="button" @click=${() => onPick(p)}>${this.page.t(PEOPLE_TEXT.pick(p.fullName))}</button>`
                    }
                  </li>`,
                )}
              </ul>`
          : nothing
      }
    </div>`;
  }
}

/** A list of picked people, each with a remove button. */
export function pickedPeople(
  page: ConsolePage,
  people: readonly { readonly id: string; readonly fullName: string }[],
  onRemove: (id: string) => void,
  empty: LocalizedText,
): TemplateResult {
  return people.length === 0
    ? html`<p class="hint">${page.t(empty)}</p>`
    : html`<ul class="picked">
        ${people.map(
          (p) => html`<li>${p.fullName}
            <button type="button" @click=${() => onRemove(p.id)}>${page.t({ vi: `Bỏ ${p.fullName}`, en: `Remove ${p.fullName}` })}</button></li>`,
        )}
      </ul>`;
}

/** A load's failure or its progress, in place of what it would show. */
export function loadState(
  page: ConsolePage,
  resource: { readonly failure: ApiResource<unknown>['failure'] },
): TemplateResult {
  return resource.failure
    ? html`<p role="alert" class="failure">${failureText(resource.failure, page.currentLang)}</p>`
    : html`<p role="status">${page.t(FILTER_TEXT.loading)}</p>`;
}

/** The propaganda pages' own pieces: the people search's row, hits and picks, the audience grid. */
export const activityStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Hidden labels inside a scrolled table stay inside it (an absolute box would widen the page). */
  .table-wrap {
    position: relative;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .inline input {
    flex: 1 1 10rem;
  }
  .hits,
  .picked {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }
  .hits li,
  .picked li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  .people-search {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  fieldset {
    border: 1px solid var(--pc-line);
    border-radius: var(--pc-radius);
    padding: 0.75rem;
    min-width: 0;
  }
  .grid-table input {
    width: 5rem;
  }
  .sentence {
    font-size: 1.05rem;
    background: var(--pc-surface);
    border-left: 4px solid var(--pc-accent);
    padding: 0.6rem 0.8rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.3rem 1rem;
    margin: 0 0 1rem;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
