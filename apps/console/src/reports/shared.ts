import type { LocalizedText, Role } from '@polcenter/domain';
import { css, html, type TemplateResult } from 'lit';
import { BASE, type UnitChoice, unitOptions } from '../activities/shared.js';
import type { ConsolePage } from '../page.js';

/** Who reads a unit's reports, plan and output (`reports.period`, `plan`, `outputs`): packages/api's READERS. */
export const REPORT_READERS: readonly Role[] = ['center_staff', 'propaganda_staff', 'unit_coordinator'];
/** Who enters plan targets and propaganda output (`setTarget`, `recordOutput`…): the API's PLANNERS. */
export const PLANNERS: readonly Role[] = ['center_staff', 'propaganda_staff'];

const TEXT = {
  refused: {
    vi: 'Báo cáo, kế hoạch và số liệu tuyên truyền dành cho cán bộ Trung tâm Chính trị, Ban Tuyên giáo và cán bộ điều phối của đơn vị. Tài khoản của bạn không có vai trò này, nên không xem được trang này.',
    en: 'Reports, plans and output counts are for the staff of the political center, the propaganda department and unit coordinators. Your account holds none of these roles, so this page has nothing for you.',
  },
  home: { vi: 'Về trang chính', en: 'Back to the start page' },
  unit: {
    vi: 'Đơn vị (gồm cả các đơn vị trực thuộc và tiền thân)',
    en: 'Unit (with the units within it and before it)',
  },
  allUnits: { vi: 'Tất cả đơn vị', en: 'Every unit' },
  reports: { vi: 'Báo cáo', en: 'Reports' },
  plan: { vi: 'Chỉ tiêu kế hoạch năm', en: 'Year plan targets' },
  outputs: { vi: 'Sản phẩm tuyên truyền', en: 'Propaganda output' },
};

/** In place of a page the API would refuse: why, in words, and a way back (never a blank page). */
export function refusal(page: ConsolePage, heading: LocalizedText): TemplateResult {
  return html`<h1>${page.t(heading)}</h1>
    <p role="alert" class="warning" data-refused>${page.t(TEXT.refused)}</p>
    <p><a href="${BASE}/">${page.t(TEXT.home)}</a></p>`;
}

/**
 * The unit select: the units the person may pick. `everyUnit`: an administrator may also leave it
 * at every unit (a report; a plan or a tally always belongs to one unit).
 */
export function unitSelect(
  page: ConsolePage,
  units: readonly UnitChoice[] | undefined,
  selected: string | undefined,
  everyUnit = false,
): TemplateResult {
  const admin = everyUnit && (page.me?.roles.some((g) => g.role === 'admin') ?? false);
  return html`<div class="field">
    <label for="r-unitId">${page.t(TEXT.unit)}</label>
    <select id="r-unitId" name="unitId">
      ${admin ? html`<option value="" ?selected=${!selected}>${page.t(TEXT.allUnits)}</option>` : ''}
      ${unitOptions(units, selected)}
    </select>
  </div>`;
}

/** The three pages of the part, linked from each other (the current one marked). */
export function reportLinks(page: ConsolePage, current: 'reports' | 'plan' | 'outputs', query = ''): TemplateResult {
  const link = (key: 'reports' | 'plan' | 'outputs', path: string) =>
    html`<li><a href="${BASE}${path}${query}" aria-current=${key === current ? 'page' : 'false'}>${page.t(TEXT[key])}</a></li>`;
  return html`<nav class="report-links" aria-label=${page.t(TEXT.reports)}>
    <ul>${link('reports', '/reports')}${link('plan', '/reports/plan')}${link('outputs', '/reports/outputs')}</ul>
  </nav>`;
}

export const reportStyles = css`
  .report-links ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    margin: 0 0 1rem;
  }
  .report-links a[aria-current='page'] {
    font-weight: 700;
    text-decoration: none;
    color: inherit;
  }
  .two {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 0 1rem;
    align-items: start;
  }
  .two > * {
    min-width: 0;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.4rem;
  }
  .sentences p {
    margin: 0 0 0.5rem;
  }
  /* A figure never wraps digit by digit: the label column gives way at 360 px, not the number. */
  dl.facts {
    grid-template-columns: minmax(0, 26rem) max-content;
  }
  dl.facts dd {
    white-space: nowrap;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  /* A program's name keeps a readable width; the table scrolls in its box instead. */
  [data-table='by-program'] th[scope='row'] {
    min-width: 11rem;
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0.5rem 0 1rem;
  }
`;
