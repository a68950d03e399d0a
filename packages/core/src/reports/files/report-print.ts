import { formatDate, type Lang } from '@polcenter/domain';
import type { PeriodReport } from '../period-report.js';
import { type Cell, reportHeading, reportTables } from './report-tables.js';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const cell = (value: Cell, lang: Lang) =>
  value === null ? '' : typeof value === 'number' ? value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : value;

/**
 * Print sections whose rows would run past a page are cut there, the rest said in a line (the files
 * hold them all). A row's height is guessed from its longest cell against its column's width.
 */
const LINES_PER_PAGE = 26;
const CHARACTERS_PER_LINE = 84;

function rowsThatFit(rows: readonly (readonly Cell[])[], columns: number, lines = LINES_PER_PAGE) {
  const perCell = Math.max(6, Math.floor(CHARACTERS_PER_LINE / columns) - 2);
  let used = 0;
  let count = 0;
  for (const row of rows) {
    used += Math.max(1, ...row.map((v) => Math.ceil(String(v ?? '').length / perCell)));
    if (used > lines) break;
    count++;
  }
  return count;
}

/**
 * The report as an A4 page to print or save as PDF, laid out as an official report: the national
 * motto and the organiser side by side, the place and date, the title, then each section on a page
 * of its own (its sentence, its table). No script, no outside resource: styles are inline.
 */
export function reportHtml(
  report: PeriodReport,
  lang: Lang = 'vi',
  today = new Date().toISOString().slice(0, 10),
): string {
  const heading = reportHeading(report, lang);
  const vi = lang === 'vi';
  const place = report.organiser?.name.replace(/^(Tỉnh|Huyện|Xã|Thị trấn|Thành phố|Thị xã|Quận|Phường) /, '') ?? '';
  const [y, m, d] = today.split('-');
  const dateLine = vi
    ? `${place ? `${place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`
    : `${place ? `${place}, ` : ''}${formatDate(today)}`;
  const sections = reportTables(report, lang).map((table, i) => {
    const shown = table.rows.slice(
      0,
      rowsThatFit(table.rows, table.headers.length, table.sentence ? LINES_PER_PAGE - 3 : LINES_PER_PAGE),
    );
    const more = table.rows.length - shown.length;
    const body = shown.length
      ? `<table><thead><tr>${table.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${shown
          .map(
            (row) =>
              `<tr>${row.map((v) => `<td${typeof v === 'number' ? ' class="n"' : ''}>${escapeHtml(cell(v, lang))}</td>`).join('')}</tr>`,
          )
          .join('\n')}</tbody></table>${
          more > 0
            ? `<p class="more">${escapeHtml(vi ? `… và ${more} dòng nữa (xem tệp XLSX).` : `… and ${more} more rows (see the XLSX file).`)}</p>`
            : ''
        }`
      : `<p class="none">${escapeHtml(vi ? 'Không có số liệu.' : 'Nothing to report.')}</p>`;
    return `<section class="page" aria-labelledby="s${i}">
${i === 0 ? head() : ''}<h2 id="s${i}">${i + 1}. ${escapeHtml(table.title)}</h2>
${table.sentence ? `<p class="sentence">${escapeHtml(table.sentence)}</p>` : ''}${body}
</section>`;
  });

  function head() {
    return `<header class="letterhead">
<div class="organiser"><p>${escapeHtml(heading.organiser.toLocaleUpperCase('vi'))}</p><p class="rule"></p></div>
<div class="motto"><p><strong>${vi ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'SOCIALIST REPUBLIC OF VIETNAM'}</strong></p>
<p><strong>${vi ? 'Độc lập - Tự do - Hạnh phúc' : 'Independence - Freedom - Happiness'}</strong></p><p class="rule"></p>
<p class="date"><em>${escapeHtml(dateLine)}</em></p></div>
</header>
<h1>${vi ? 'BÁO CÁO' : 'REPORT'}<span>${escapeHtml(vi ? `Kết quả công tác ${heading.period}` : `Results for ${heading.period}`)}</span></h1>
`;
  }

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${heading.title} – ${heading.organiser}`)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; color: #000; }
body { margin: 0; }
.page { width: 165mm; height: 257mm; overflow: hidden; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.letterhead { display: flex; justify-content: space-between; text-align: center; font-size: 12pt; }
.letterhead p { margin: 0; }
.organiser { width: 40%; font-weight: bold; }
.motto { width: 58%; }
.rule { width: 35%; margin: 2pt auto 4pt !important; border-top: 1px solid #000; }
.date { margin-top: 6pt !important; text-align: right; }
h1 { text-align: center; font-size: 14pt; margin: 14pt 0 10pt; }
h1 span { display: block; font-size: 13pt; font-weight: bold; }
h2 { font-size: 13pt; margin: 8pt 0 6pt; }
.sentence { text-indent: 1cm; text-align: justify; margin: 0 0 6pt; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; }
td.n { text-align: right; white-space: nowrap; }
.more, .none { font-style: italic; }
@media screen { body { background: #888; } .page { background: #fff; margin: 10mm auto; padding: 0; outline: 1px solid #ccc; } }
</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}
