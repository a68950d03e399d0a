/**
 * The baseline of `widgets.bundle.reactRatio`: the class catalog and the rapporteur roster written
 * as React components, with the same data (the same API client), the same markup and the same
 * styles as the Lit widgets, embedded the same way (custom elements with a shadow root), built by
 * the bench with the same Vite settings. Never shipped: it exists to be measured.
 */
import { EXPERTISE_FIELD_NAMES, EXPERTISE_FIELDS, formatDate } from '@polcenter/domain';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { apiUrl, clientFor } from '../../src/api';
import { errorMessage, widgetLang } from '../../src/i18n';

// The Lit widgets' style sheets as text, put in by the bench's build (`define`).
const CSS = __PC_CSS__;

const CATALOG = {
  loading: { vi: 'Đang tải các lớp đang mở…', en: 'Loading open classes…' },
  empty: { vi: 'Hiện chưa có lớp nào mở đăng ký.', en: 'No class is open for enrolment at the moment.' },
  dates: { vi: 'Thời gian', en: 'Dates' },
  where: { vi: 'Địa điểm', en: 'Venue' },
  sites: { vi: 'Điểm cầu', en: 'Sites' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  enrolment: { vi: 'Đăng ký', en: 'Enrolment' },
  seats: { vi: 'Chỗ còn trống', en: 'Seats left' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  full: { vi: 'Đã đủ chỗ (có danh sách chờ)', en: 'Full (waitlist)' },
};

function enrolmentWindow(entry, lang) {
  const closes = entry.enrolmentClosesOn ? formatDate(entry.enrolmentClosesOn) : null;
  const opens = entry.enrolmentOpensOn ? formatDate(entry.enrolmentOpensOn) : null;
  if (entry.enrolment === 'before') return lang === 'vi' ? `mở từ ${opens}` : `opens ${opens}`;
  if (entry.enrolment === 'after') return lang === 'vi' ? 'đã hết hạn' : 'closed';
  if (!closes) return lang === 'vi' ? 'đang mở' : 'open';
  return lang === 'vi' ? `đến hết ${closes}` : `until ${closes}`;
}

function Card({ entry, lang }) {
  return (
    <li part="card" data-code={entry.code}>
      <h3>{entry.title ?? entry.program.name[lang]}</h3>
      <span className="code">
        {entry.code}
        {entry.title ? ` · ${entry.program.name[lang]}` : ''}
      </span>
      <dl>
        <dt>{CATALOG.dates[lang]}</dt>
        <dd>
          {formatDate(entry.startDate)} – {formatDate(entry.endDate)}
        </dd>
        {entry.sites.length > 0 ? (
          <>
            <dt>{CATALOG.sites[lang]}</dt>
            <dd>
              {entry.sites.length}
              {entry.venue ? ` · ${entry.venue}` : ''}
            </dd>
          </>
        ) : (
          <>
            <dt>{CATALOG.where[lang]}</dt>
            <dd>{entry.venue ?? '—'}</dd>
          </>
        )}
        <dt>{CATALOG.organiser[lang]}</dt>
        <dd>{entry.organiser.name}</dd>
        <dt>{CATALOG.enrolment[lang]}</dt>
        <dd>{enrolmentWindow(entry, lang)}</dd>
        <dt>{CATALOG.seats[lang]}</dt>
        <dd className="seats" data-full={entry.seatsLeft === 0 ? '' : undefined}>
          {entry.seatsLeft === 0 ? CATALOG.full[lang] : `${entry.seatsLeft}/${entry.capacity}`}
        </dd>
      </dl>
    </li>
  );
}

function ClassCatalog({ host, api, organiser, from, to, pageSize }) {
  const lang = widgetLang(host);
  const [load, setLoad] = useState({ state: 'loading' });
  const fetchPage = async (cursor, before) => {
    try {
      const page = await clientFor(apiUrl(api), lang).classes.catalog.query({
        limit: Math.min(100, Math.max(1, Number(pageSize) || 12)),
        ...(organiser ? { organiserCode: organiser } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const entries = [...before, ...page.items];
      setLoad({ state: 'ready', entries, next: page.nextCursor });
      host.dispatchEvent(
        new CustomEvent('pc-loaded', { detail: { count: entries.length }, bubbles: true, composed: true }),
      );
    } catch (error) {
      setLoad({ state: 'error', message: errorMessage(error, lang) });
    }
  };
  useEffect(() => {
    setLoad({ state: 'loading' });
    void fetchPage(null, []);
  }, [api, organiser, from, to, pageSize]);
  if (load.state === 'loading') return <p role="status">{CATALOG.loading[lang]}</p>;
  if (load.state === 'error') return <p role="alert">{load.message}</p>;
  if (load.entries.length === 0) return <p role="status">{CATALOG.empty[lang]}</p>;
  return (
    <>
      <ul>
        {load.entries.map((entry) => (
          <Card key={entry.code} entry={entry} lang={lang} />
        ))}
      </ul>
      {load.next ? (
        <button type="button" onClick={() => fetchPage(load.next, load.entries)}>
          {CATALOG.more[lang]}
        </button>
      ) : null}
    </>
  );
}

const ROSTER = {
  loading: { vi: 'Đang tải danh sách báo cáo viên…', en: 'Loading the rapporteurs…' },
  none: { vi: 'Chưa có danh sách báo cáo viên.', en: 'No roster of rapporteurs.' },
  empty: { vi: 'Không có báo cáo viên thuộc lĩnh vực này.', en: 'No rapporteur in this field.' },
  title: { vi: 'Đội ngũ báo cáo viên', en: 'Rapporteurs' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  all: { vi: 'Tất cả', en: 'All' },
  name: { vi: 'Họ và tên', en: 'Name' },
  position: { vi: 'Chức vụ, đơn vị', en: 'Position, unit' },
  asOf: { vi: 'Ngày', en: 'As of' },
  term: { vi: 'Nhiệm kỳ', en: 'Term' },
};

function RapporteurRoster({ host, api, unit, level = 'district', date, field: initialField }) {
  const lang = widgetLang(host);
  const [field, setField] = useState(initialField || undefined);
  const [load, setLoad] = useState({ state: 'loading' });
  useEffect(() => {
    if (!unit) return;
    clientFor(apiUrl(api), lang)
      .rosters.public.query({
        ownerUnitCode: unit,
        level,
        ...(date ? { date } : {}),
        ...(field ? { field } : {}),
      })
      .then(
        (roster) => {
          setLoad({ state: 'ready', roster });
          host.dispatchEvent(
            new CustomEvent('pc-loaded', { detail: { count: roster.members.length }, bubbles: true, composed: true }),
          );
        },
        (error) => setLoad({ state: 'error', message: errorMessage(error, lang) }),
      );
  }, [host, api, unit, level, date, field, lang]);
  useEffect(() => {
    if (field) host.setAttribute('field', field);
    else host.removeAttribute('field');
  }, [host, field]);
  if (load.state === 'loading') return <p role="status">{ROSTER.loading[lang]}</p>;
  if (load.state === 'error') return <p role="alert">{load.message}</p>;
  const { roster, members, date: asOf } = load.roster;
  if (!roster) return <p role="status">{ROSTER.none[lang]}</p>;
  return (
    <section>
      <h2>
        {ROSTER.title[lang]} — {roster.owner}
      </h2>
      <p className="meta">
        {roster.levelName?.[lang] ?? roster.level} · {ROSTER.term[lang]} {roster.term}
        {asOf ? ` · ${ROSTER.asOf[lang]} ${formatDate(asOf)}` : ''}
      </p>
      <label>
        {ROSTER.field[lang]}
        <select value={field ?? ''} onChange={(event) => setField(event.target.value || undefined)}>
          <option value="">{ROSTER.all[lang]}</option>
          {EXPERTISE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {EXPERTISE_FIELD_NAMES[f][lang]}
            </option>
          ))}
        </select>
      </label>
      {members.length === 0 ? (
        <p role="status">{ROSTER.empty[lang]}</p>
      ) : (
        <table part="table">
          <thead>
            <tr>
              <th>{ROSTER.name[lang]}</th>
              <th>{ROSTER.position[lang]}</th>
              <th>{ROSTER.field[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={`${m.fullName} | ${m.position} | ${m.unitName}`}>
                <td>{m.fullName}</td>
                <td>{[m.position, m.unitName].filter(Boolean).join(', ')}</td>
                <td>{m.fields.map((f) => EXPERTISE_FIELD_NAMES[f]?.[lang] ?? f).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A custom element rendering `Component` into its shadow root, re-rendered when an attribute changes. */
function defineWidget(name, Component, attributes, css) {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      static observedAttributes = attributes;
      connectedCallback() {
        if (!this.root) {
          const shadow = this.attachShadow({ mode: 'open' });
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          shadow.adoptedStyleSheets = [sheet];
          this.root = createRoot(shadow);
        }
        this.render();
      }
      attributeChangedCallback() {
        if (this.root) this.render();
      }
      disconnectedCallback() {
        this.root?.unmount();
        this.root = undefined;
      }
      render() {
        const props = Object.fromEntries(
          attributes.map((attribute) => [
            attribute.replace(/-(\w)/g, (_, c) => c.toUpperCase()),
            this.getAttribute(attribute) ?? undefined,
          ]),
        );
        this.root.render(<Component host={this} {...props} />);
      }
    },
  );
}

defineWidget('pcr-class-catalog', ClassCatalog, ['api', 'organiser', 'from', 'to', 'page-size'], CSS.catalog);
defineWidget('pcr-rapporteur-roster', RapporteurRoster, ['api', 'unit', 'level', 'date'], CSS.roster);
