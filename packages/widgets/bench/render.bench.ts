import { type Figure, median } from '@polcenter/bench';
import { EXPERTISE_FIELD_NAMES, EXPERTISE_FIELDS } from '@polcenter/domain';
import { demoPortal, rosterStyles } from './portal.js';

export const ids = ['widgets.render.ratio'];

const ROWS = 1000;
const WARMUP = 3;
const ROUNDS = 15;

/** A district roster of 1,000 rapporteurs, as `rosters.public` answers it. */
function bigRoster() {
  const family = ['Nguyễn', 'Hoàng', 'Nông', 'Triệu', 'Lường', 'Hà', 'Ma', 'Đinh', 'Bàn', 'Lý'];
  const given = ['Văn Tuấn', 'Thị Mai', 'Đức Minh', 'Thị Hồng', 'Văn Khánh', 'Thị Lan', 'Quang Huy'];
  const members = Array.from({ length: ROWS }, (_, i) => ({
    fullName: `${family[i % family.length]} ${given[i % given.length]} ${i + 1}`,
    position: i % 5 === 0 ? null : ['Bí thư', 'Phó Bí thư', 'Trưởng ban', 'Chủ tịch'][i % 4],
    unitName: `Xã số ${(i % 20) + 1}`,
    fields: EXPERTISE_FIELDS.filter((_, f) => (i + f) % 4 === 0),
  }));
  return {
    roster: {
      level: 'district',
      levelName: { vi: 'Cấp huyện', en: 'District' },
      owner: 'Huyện ủy Chợ Đồn',
      term: '2020–2025',
    },
    date: '2022-10-15',
    members,
  };
}

/**
 * `widgets.render.ratio`: `<pc-rapporteur-roster>` rendering 1,000 rows in Chromium ÷ a page doing
 * the same with plain DOM calls (written here, independently): the same markup in a shadow root with
 * the same style sheets. Both read the same answer through `fetch`, which the page answers from
 * memory so the network does not blur the render; both are timed from that answer to the laid-out
 * table (the note adds the time from the element's insertion, which also holds the API client's
 * batching and the loading line), alternately, after a warm-up, and must show the same rows.
 */
export default async function renderBench(): Promise<Figure[]> {
  const portal = await demoPortal();
  try {
    const page = await portal.newPage();
    const answer = JSON.stringify([{ result: { data: bigRoster() } }]);
    await page.addInitScript((answer) => {
      const real = window.fetch.bind(window);
      window.fetch = (input, init) =>
        String(input instanceof Request ? input.url : input).includes('/trpc/rosters.public')
          ? Promise.resolve().then(() => {
              (window as Window & { answeredAt?: number }).answeredAt = performance.now();
              return new Response(answer, { headers: { 'content-type': 'application/json' } });
            })
          : real(input, init);
    }, answer);
    const pageUrl = `${portal.url}/render-bench`;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="vi"><script type="module" src="/widgets/pc-widgets.js"></script><body></body></html>',
      }),
    );
    await page.goto(pageUrl);
    await page.waitForFunction(() => customElements.get('pc-rapporteur-roster') !== undefined);
    const css = await rosterStyles();
    const names = Object.fromEntries(EXPERTISE_FIELDS.map((f) => [f, EXPERTISE_FIELD_NAMES[f].vi]));

    const round = (side: 'lit' | 'vanilla', check: boolean) =>
      page.evaluate(
        async ({ side, check, css, names }) => {
          const t0 = performance.now();
          let root: ShadowRoot;
          let host: HTMLElement;
          if (side === 'lit') {
            host = document.createElement('pc-rapporteur-roster');
            host.setAttribute('unit', '064');
            host.setAttribute('date', '2022-10-15');
            const loaded = new Promise((resolve) => host.addEventListener('pc-loaded', resolve, { once: true }));
            document.body.append(host);
            await loaded;
            await (host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
            root = host.shadowRoot as ShadowRoot;
          } else {
            host = document.createElement('div');
            root = host.attachShadow({ mode: 'open' });
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            root.adoptedStyleSheets = [sheet];
            document.body.append(host);
            const [first] = (await (await fetch('/trpc/rosters.public?batch=1&input=%7B%7D')).json()) as {
              result: { data: ReturnType<typeof bigRoster> };
            }[];
            const { roster, members, date } = (first as { result: { data: ReturnType<typeof bigRoster> } }).result.data;
            const el = (tag: string, text?: string, className?: string) => {
              const node = document.createElement(tag);
              if (text !== undefined) node.textContent = text;
              if (className) node.className = className;
              return node;
            };
            const section = el('section');
            const [y, m, d] = date.split('-');
            section.append(
              el('h2', `Đội ngũ báo cáo viên — ${roster.owner}`),
              el('p', `${roster.levelName.vi} · Nhiệm kỳ ${roster.term} · Ngày ${d}/${m}/${y}`, 'meta'),
            );
            const label = el('label', 'Lĩnh vực');
            const select = el('select');
            select.append(el('option', 'Tất cả'));
            for (const name of Object.values(names)) select.append(el('option', name));
            label.append(select);
            const table = el('table');
            table.setAttribute('part', 'table');
            const head = el('tr');
            head.append(el('th', 'Họ và tên'), el('th', 'Chức vụ, đơn vị'), el('th', 'Lĩnh vực'));
            const thead = el('thead');
            thead.append(head);
            const tbody = el('tbody');
            for (const member of members) {
              const row = el('tr');
              row.append(
                el('td', member.fullName),
                el('td', [member.position, member.unitName].filter(Boolean).join(', ')),
                el('td', member.fields.map((f) => names[f] ?? f).join('; ')),
              );
              tbody.append(row);
            }
            table.append(thead, tbody);
            section.append(label, table);
            root.append(section);
          }
          const table = root.querySelector('table') as HTMLTableElement;
          table.getBoundingClientRect(); // layout, as the visitor's screen needs it
          const end = performance.now();
          const ms = end - ((window as Window & { answeredAt?: number }).answeredAt ?? t0);
          const total = end - t0;
          const rows = [...root.querySelectorAll('tbody tr')].map((row) =>
            [...(row as HTMLTableRowElement).cells].map((cell) => (cell.textContent ?? '').trim()).join(' | '),
          );
          host.remove();
          return { ms, total, count: rows.length, rows: check ? rows : [] };
        },
        { side, check, css, names },
      );

    const lit = await round('lit', true);
    const vanilla = await round('vanilla', true);
    if (lit.count !== ROWS || JSON.stringify(lit.rows) !== JSON.stringify(vanilla.rows)) {
      const differ = lit.rows.findIndex((row, i) => row !== vanilla.rows[i]);
      throw new Error(`the two sides render different rows: ${lit.rows[differ]} vs ${vanilla.rows[differ]}`);
    }
    const samples = { lit: [] as number[], vanilla: [] as number[] };
    const totals = { lit: [] as number[], vanilla: [] as number[] };
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      // Alternate which side goes first, so neither always meets the other's garbage.
      for (const side of i % 2 === 0 ? (['lit', 'vanilla'] as const) : (['vanilla', 'lit'] as const)) {
        const { ms, total, count } = await round(side, false);
        if (count !== ROWS) throw new Error(`${side} rendered ${count} rows`);
        if (i >= WARMUP) {
          samples[side].push(ms);
          totals[side].push(total);
        }
      }
    }
    const litMs = median(samples.lit);
    const vanillaMs = median(samples.vanilla);
    return [
      {
        id: 'widgets.render.ratio',
        value: litMs / vanillaMs,
        unit: 'x vanilla DOM',
        baseline: 'the same table built with createElement in a shadow root, same styles',
        target: '<= 1.3',
        note: `${ROWS} roster rows, median of ${ROUNDS} rounds after ${WARMUP} warm-up, from the answer to the laid-out table: Lit ${litMs.toFixed(1)} ms, vanilla ${vanillaMs.toFixed(1)} ms; from the element's insertion (client, loading line and all): ${(median(totals.lit) / median(totals.vanilla)).toFixed(2)}x (${median(totals.lit).toFixed(1)} vs ${median(totals.vanilla).toFixed(1)} ms)`,
      },
    ];
  } finally {
    await portal.close();
  }
}
