import { formatDate } from '@polcenter/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { firstProblem, isoDateAttribute, wholeNumber } from '../../src/attributes';
import { emit, refusalOf, unitCodes, useKeptFocus, useLang, useWarning, useWidget } from './element.jsx';
import { useApiResource } from './resource.js';
import { Bones, Loaded, Notice, Placeholder, Problem } from './states.jsx';

const TEXT = {
  loading: { vi: 'Đang tải các lớp đang mở…', en: 'Loading open classes…' },
  empty: { vi: 'Hiện chưa có lớp nào mở đăng ký.', en: 'No class is open for enrolment at the moment.' },
  noMatch: { vi: 'Không có lớp nào khớp với lựa chọn.', en: 'No class matches your choice.' },
  filters: { vi: 'Lọc các lớp', en: 'Filter the classes' },
  search: { vi: 'Tìm lớp', en: 'Search' },
  program: { vi: 'Chương trình', en: 'Programme' },
  month: { vi: 'Tháng', en: 'Month' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  any: { vi: 'Tất cả', en: 'Any' },
  modes: {
    in_person: { vi: 'Trực tiếp', en: 'In person' },
    online: { vi: 'Trực tuyến', en: 'Online' },
  },
  dates: { vi: 'Thời gian', en: 'Dates' },
  where: { vi: 'Địa điểm', en: 'Venue' },
  sites: { vi: 'Điểm cầu', en: 'Sites' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  enrolment: { vi: 'Đăng ký', en: 'Enrolment' },
  seats: { vi: 'Chỗ còn trống', en: 'Seats left' },
  full: { vi: 'Đã đủ chỗ (có danh sách chờ)', en: 'Full (waitlist)' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  loadingMore: { vi: 'Đang tải thêm…', en: 'Loading more…' },
  details: { vi: 'Chi tiết', en: 'Details' },
  timetable: { vi: 'Lịch học', en: 'Timetable' },
  noSessions: { vi: 'Chưa có lịch học.', en: 'No timetable yet.' },
  register: { vi: 'Đăng ký học', en: 'Register' },
  close: { vi: 'Đóng', en: 'Close' },
  parts: {
    morning: { vi: 'Sáng', en: 'Morning' },
    afternoon: { vi: 'Chiều', en: 'Afternoon' },
    evening: { vi: 'Tối', en: 'Evening' },
  },
  topic: { vi: 'Chuyên đề', en: 'Topic' },
};

/** The element the register button opens: its own module defines it, maybe later than this one. */
const ENROL_FORM = 'pc-enrol-form';

/** API input fields as the webmaster sets them (attribute names). */
const FIELD_ATTRIBUTES = {
  organiserCode: 'organiser',
  programCode: 'program',
  from: 'from',
  to: 'to',
  limit: 'page-size',
};

const NO_FILTER = { search: '', program: '', month: '', mode: '' };

function enrolmentWindow(entry, lang) {
  const opens = entry.enrolmentOpensOn && formatDate(entry.enrolmentOpensOn);
  const closes = entry.enrolmentClosesOn && formatDate(entry.enrolmentClosesOn);
  switch (entry.enrolment) {
    case 'before':
      return lang === 'vi' ? `mở từ ${opens}` : `opens ${opens}`;
    case 'after':
      return lang === 'vi' ? 'đã hết hạn' : 'closed';
    default:
      if (!closes) return lang === 'vi' ? 'đang mở' : 'open';
      return lang === 'vi' ? `đến hết ${closes}` : `until ${closes}`;
  }
}

/** This month and the eleven after it, as `YYYY-MM`. */
function nextTwelveMonths() {
  const today = new Date();
  const months = [];
  for (let i = 0; i < 12; i++) {
    months.push(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + i, 1)).toISOString().slice(0, 7));
  }
  return months;
}

/** The dates a month filter and the `from`/`to` attributes leave: the narrower of both. */
function dateRange(from, to, month) {
  if (!month) return { from, to };
  const first = `${month}-01`;
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  return { from: from && from > first ? from : first, to: to && to < last ? to : last };
}

/** A task reading one page of the catalog for these attributes and filters, after `before`. */
function catalogPage(attributes, filters, cursor, before) {
  const { from, to } = dateRange(attributes.from, attributes.to, filters.month);
  const search = filters.search.trim();
  return async ({ client, signal }) => {
    if (from && to && from > to) return { entries: [], next: null, fresh: 0 };
    const input = { limit: attributes.pageSize };
    if (attributes.organiser) input.organiserCode = attributes.organiser;
    if (filters.program) input.programCode = filters.program;
    if (filters.mode) input.mode = filters.mode;
    if (search) input.search = search;
    if (from) input.from = from;
    if (to) input.to = to;
    if (cursor) input.cursor = cursor;
    const page = await client.classes.catalog.query(input, { signal });
    return { entries: [...before, ...page.items], next: page.nextCursor, fresh: before.length };
  };
}

function Select({ label, value, any, options, onChange }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{any}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({ lang, programs, filters, typed, onType, onChoose }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: the Lit widget's markup, a search landmark that is a form
    <form part="filters" role="search" aria-label={TEXT.filters[lang]} onSubmit={(event) => event.preventDefault()}>
      <label>
        {TEXT.search[lang]}
        <input
          type="search"
          name="search"
          autoComplete="off"
          value={typed}
          onChange={(event) => onType(event.target.value)}
        />
      </label>
      <Select
        label={TEXT.program[lang]}
        value={filters.program}
        any={TEXT.any[lang]}
        options={(programs ?? []).map((p) => [p.code, p.name[lang]])}
        onChange={(value) => onChoose('program', value)}
      />
      <Select
        label={TEXT.month[lang]}
        value={filters.month}
        any={TEXT.any[lang]}
        options={nextTwelveMonths().map((m) => [m, `${m.slice(5)}/${m.slice(0, 4)}`])}
        onChange={(value) => onChoose('month', value)}
      />
      <Select
        label={TEXT.mode[lang]}
        value={filters.mode}
        any={TEXT.any[lang]}
        options={Object.entries(TEXT.modes).map(([mode, name]) => [mode, name[lang]])}
        onChange={(value) => onChoose('mode', value)}
      />
    </form>
  );
}

function Session({ session, lang }) {
  const part = session.part ? `${TEXT.parts[session.part][lang]} ` : '';
  const what = session.title ?? (session.topicNumber ? `${TEXT.topic[lang]} ${session.topicNumber}` : '');
  return (
    <li>
      <span className="when">
        {formatDate(session.date)} · {part}
        {session.startTime}–{session.endTime}
      </span>
      {what}
      {session.siteName ? (
        <>
          {' '}
          <span className="code">({session.siteName})</span>
        </>
      ) : null}
    </li>
  );
}

function Details({ entry, timetable, lang }) {
  return (
    <div part="details" id={`details-${entry.id}`} className="details">
      <Loaded
        resource={timetable}
        lang={lang}
        loading={() => (
          <Placeholder label={TEXT.loading[lang]}>
            <Bones count={4} />
          </Placeholder>
        )}
      >
        {(t) => (
          <>
            {t.sites.length > 0 ? (
              <p>
                <strong>{TEXT.sites[lang]}:</strong> {t.sites.join('; ')}
              </p>
            ) : null}
            <h4>{TEXT.timetable[lang]}</h4>
            {t.sessions.length === 0 ? (
              <p>{TEXT.noSessions[lang]}</p>
            ) : (
              <ol className="sessions">
                {t.sessions.map((session) => (
                  <Session
                    key={`${session.date} ${session.startTime} ${session.siteName}`}
                    session={session}
                    lang={lang}
                  />
                ))}
              </ol>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

function Card({ entry, lang, focus, open, canRegister, onToggle, onRegister, children }) {
  return (
    <li part="card" data-code={entry.code} tabIndex={-1} data-focus={focus ? '' : undefined}>
      <h3>{entry.title ?? entry.program.name[lang]}</h3>
      <span className="code">
        {entry.code}
        {entry.title ? ` · ${entry.program.name[lang]}` : ''}
      </span>
      <dl>
        <dt>{TEXT.dates[lang]}</dt>
        <dd>
          {formatDate(entry.startDate)} – {formatDate(entry.endDate)}
        </dd>
        {entry.sites.length > 0 ? (
          <>
            <dt>{TEXT.sites[lang]}</dt>
            <dd>
              {entry.sites.length}
              {entry.venue ? ` · ${entry.venue}` : ''}
            </dd>
          </>
        ) : (
          <>
            <dt>{TEXT.where[lang]}</dt>
            <dd>{entry.venue ?? '—'}</dd>
          </>
        )}
        <dt>{TEXT.organiser[lang]}</dt>
        <dd>{entry.organiser.name}</dd>
        <dt>{TEXT.enrolment[lang]}</dt>
        <dd>{enrolmentWindow(entry, lang)}</dd>
        <dt>{TEXT.seats[lang]}</dt>
        <dd className="seats" data-full={entry.seatsLeft === 0 ? '' : undefined}>
          {entry.seatsLeft === 0 ? TEXT.full[lang] : `${entry.seatsLeft}/${entry.capacity}`}
        </dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="toggle"
          aria-expanded={open}
          aria-controls={`details-${entry.id}`}
          onClick={onToggle}
        >
          {TEXT.details[lang]}
        </button>
        {canRegister ? (
          <button type="button" className="primary register" onClick={onRegister}>
            {TEXT.register[lang]}
          </button>
        ) : null}
      </div>
      {open ? children : null}
    </li>
  );
}

/** The registration dialog: `<pc-enrol-form>` for the class being registered for. */
function RegisterDialog({ entry, api, lang, onClosed }) {
  const dialog = useRef(null);
  useEffect(() => {
    if (entry) dialog.current?.showModal();
  }, [entry]);
  return (
    <dialog ref={dialog} part="dialog" aria-labelledby="register-title" onClose={onClosed}>
      <h3 id="register-title">
        {entry ? `${TEXT.register[lang]}: ${entry.title ?? entry.program.name[lang]} (${entry.code})` : ''}
      </h3>
      <div className="form">{entry ? <pc-enrol-form class-id={entry.id} lang={lang} api={api} /> : null}</div>
      <button type="button" onClick={() => dialog.current?.close()}>
        {TEXT.close[lang]}
      </button>
    </dialog>
  );
}

/** Whether `<pc-enrol-form>` is defined yet; it becomes true when its script arrives. */
function useEnrolForm() {
  const [defined, setDefined] = useState(() => customElements.get(ENROL_FORM) !== undefined);
  useEffect(() => {
    if (defined) return;
    let current = true;
    void customElements.whenDefined(ENROL_FORM).then(() => current && setDefined(true));
    return () => {
      current = false;
    };
  }, [defined]);
  return defined;
}

/**
 * The classes open for enrolment (`pc-class-catalog` in React): filters by program, month and mode,
 * a search the server matches without diacritics, "show more" pages, a class's timetable on demand,
 * and a register button opening `<pc-enrol-form>` when that element exists and enrolment is open.
 */
export function ClassCatalog({ host, api, timeout, organiser, program, from, to, pageSize: pageSizeAttribute }) {
  const lang = useLang(host);
  const widget = useWidget(api, lang, timeout);
  useKeptFocus(host);
  const pageSize = pageSizeAttribute === undefined ? 12 : Number(pageSizeAttribute);
  const attributeProblem = useMemo(
    () =>
      firstProblem(
        isoDateAttribute('from', from),
        isoDateAttribute('to', to),
        wholeNumber('page-size', pageSize, 1, 100),
      ),
    [from, to, pageSize],
  );

  const shown = useApiResource(widget, (value) => emit(host, 'pc-loaded', { count: value.entries.length }));
  const programs = useApiResource(widget);
  const timetable = useApiResource(widget);
  const enrolForm = useEnrolForm();

  // The `program` attribute sets where the program filter starts; the visitor changes it from there.
  const [filters, setFilters] = useState({ ...NO_FILTER, program: program ?? '' });
  const [programAttribute, setProgramAttribute] = useState(program);
  if (program !== programAttribute) {
    setProgramAttribute(program);
    setFilters((f) => ({ ...f, program: program ?? '' }));
  }
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const typing = setTimeout(() => setFilters((f) => (f.search === typed ? f : { ...f, search: typed })), 300);
    return () => clearTimeout(typing);
  }, [typed]);

  const [opened, setOpened] = useState(undefined);
  const [registering, setRegistering] = useState(undefined);

  const attributes = useMemo(() => ({ api, organiser, from, to, pageSize }), [api, organiser, from, to, pageSize]);
  const loadedFor = useRef(undefined);
  const { start: startShown, stop: stopShown } = shown;
  useEffect(() => {
    if (attributeProblem) {
      stopShown();
      return;
    }
    // A visitor's filter keeps the cards on screen until the new ones come; new attributes do not.
    const keep = loadedFor.current === attributes;
    loadedFor.current = attributes;
    startShown(catalogPage(attributes, filters, null, []), { keep });
  }, [attributes, filters, attributeProblem, startShown, stopShown]);

  const { start: startPrograms } = programs;
  useEffect(() => {
    if (!attributeProblem) startPrograms(({ client, signal }) => client.programs.list.query(undefined, { signal }));
  }, [api, attributeProblem, startPrograms]);

  // The server writes its sentences in the language asked for: a failure shown is asked again.
  const relocalise = useRef(lang);
  useEffect(() => {
    if (relocalise.current === lang) return;
    relocalise.current = lang;
    for (const resource of [shown, timetable]) if (resource.failure) resource.retry();
  });

  const refusal = useMemo(() => refusalOf(host, shown.failure, FIELD_ATTRIBUTES), [host, shown.failure]);
  const examples = useCallback(
    async (attribute) => {
      const client = widget.client();
      if (attribute === 'organiser') return unitCodes(client);
      if (attribute !== 'program') return undefined;
      const list = await client.programs.list.query();
      return list.map((p) => `${p.code} (${p.name[lang]})`);
    },
    [widget, lang],
  );
  useWarning(host, attributeProblem ?? refusal, lang, examples);

  if (attributeProblem) return <Problem problem={attributeProblem} lang={lang} />;

  const toggle = (entry) => {
    if (opened === entry.id) {
      setOpened(undefined);
      return;
    }
    setOpened(entry.id);
    timetable.start(({ client, signal }) => client.classes.timetable.query({ id: entry.id }, { signal }));
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <Filters
        lang={lang}
        programs={programs.value}
        filters={filters}
        typed={typed}
        onType={setTyped}
        onChoose={(key, value) => setFilters((f) => ({ ...f, [key]: value }))}
      />
      {refusal ? (
        <Problem problem={refusal} lang={lang} />
      ) : (
        <Loaded
          resource={shown}
          lang={lang}
          loading={() => (
            <Placeholder label={TEXT.loading[lang]}>
              <ul>
                {[1, 2, 3].map((i) => (
                  <li key={i}>
                    <Bones heading count={5} />
                  </li>
                ))}
              </ul>
            </Placeholder>
          )}
        >
          {({ entries, next, fresh }) => (
            <>
              {entries.length === 0 ? (
                <p role="status" tabIndex={-1} data-focus="">
                  {filtered ? TEXT.noMatch[lang] : TEXT.empty[lang]}
                </p>
              ) : (
                <ul aria-busy={shown.loading} tabIndex={-1} data-focus={fresh === 0 ? '' : undefined}>
                  {entries.map((entry, i) => (
                    <Card
                      key={entry.id}
                      entry={entry}
                      lang={lang}
                      focus={fresh > 0 && i === fresh}
                      open={opened === entry.id}
                      canRegister={enrolForm && entry.enrolment === 'open'}
                      onToggle={() => toggle(entry)}
                      onRegister={() => setRegistering(entry)}
                    >
                      <Details entry={entry} timetable={timetable} lang={lang} />
                    </Card>
                  ))}
                </ul>
              )}
              <Notice resource={shown} lang={lang} />
              {next ? (
                <button
                  type="button"
                  className="more"
                  onClick={() => shown.start(catalogPage(attributes, filters, next, entries), { keep: true })}
                >
                  {shown.loading ? TEXT.loadingMore[lang] : TEXT.more[lang]}
                </button>
              ) : null}
              <RegisterDialog entry={registering} api={api} lang={lang} onClosed={() => setRegistering(undefined)} />
            </>
          )}
        </Loaded>
      )}
    </>
  );
}
