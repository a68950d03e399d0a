import { EXPERTISE_FIELD_NAMES, EXPERTISE_FIELDS, formatDate } from '@polcenter/domain';
import { useEffect, useMemo, useRef } from 'react';
import { firstProblem, isoDateAttribute, oneOf, required } from '../../src/attributes';
import { emit, refusalOf, unitCodes, useKeptFocus, useLang, useWarning, useWidget } from './element.jsx';
import { useApiResource } from './resource.js';
import { Bones, Loaded, Notice, Placeholder, Problem } from './states.jsx';

const TEXT = {
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

const FIELD_ATTRIBUTES = { ownerUnitCode: 'unit', level: 'level', date: 'date', field: 'field' };

function Members({ members, lang }) {
  if (members.length === 0) return <p role="status">{TEXT.empty[lang]}</p>;
  return (
    <table part="table">
      <thead>
        <tr>
          <th>{TEXT.name[lang]}</th>
          <th>{TEXT.position[lang]}</th>
          <th>{TEXT.field[lang]}</th>
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
  );
}

/**
 * The public roster of rapporteurs of a unit and level at a date (`pc-rapporteur-roster` in React).
 * The field of expertise is the element's `field` attribute: the visitor's choice writes it, so
 * the page sees it as the Lit widget reflects it.
 */
export function RapporteurRoster({ host, api, timeout, unit, level, date, field }) {
  const lang = useLang(host);
  const widget = useWidget(api, lang, timeout);
  useKeptFocus(host);
  const attributeProblem = useMemo(
    () =>
      firstProblem(
        required('unit', unit, '064'),
        isoDateAttribute('date', date),
        oneOf('field', field, EXPERTISE_FIELDS),
      ),
    [unit, date, field],
  );
  const roster = useApiResource(widget, (value) => emit(host, 'pc-loaded', { count: value.members.length }));

  const attributes = useMemo(() => ({ api, unit, level: level || 'district', date }), [api, unit, level, date]);
  const loadedFor = useRef(undefined);
  const { start, stop } = roster;
  useEffect(() => {
    if (attributeProblem) {
      stop();
      return;
    }
    // The visitor's choice of field keeps the table on screen until the new one comes.
    const keep = loadedFor.current === attributes;
    loadedFor.current = attributes;
    const input = { ownerUnitCode: attributes.unit, level: attributes.level };
    if (attributes.date) input.date = attributes.date;
    if (field) input.field = field;
    start(({ client, signal }) => client.rosters.public.query(input, { signal }), { keep });
  }, [attributes, field, attributeProblem, start, stop]);

  // The server writes its sentences in the language asked for: a failure shown is asked again.
  const relocalise = useRef(lang);
  useEffect(() => {
    if (relocalise.current === lang) return;
    relocalise.current = lang;
    if (roster.failure) roster.retry();
  });

  const refusal = useMemo(() => refusalOf(host, roster.failure, FIELD_ATTRIBUTES), [host, roster.failure]);
  const examples = useMemo(
    () => async (attribute) => (attribute === 'unit' ? unitCodes(widget.client()) : undefined),
    [widget],
  );
  useWarning(host, attributeProblem ?? refusal, lang, examples);

  const problem = attributeProblem ?? refusal;
  if (problem) return <Problem problem={problem} lang={lang} />;
  const choose = (event) => {
    if (event.target.value) host.setAttribute('field', event.target.value);
    else host.removeAttribute('field');
  };

  return (
    <Loaded
      resource={roster}
      lang={lang}
      loading={() => (
        <Placeholder label={TEXT.loading[lang]}>
          <section>
            <Bones heading count={10} />
          </section>
        </Placeholder>
      )}
    >
      {({ roster: about, members, date: asOf }) =>
        about ? (
          <section tabIndex={-1} data-focus="" aria-busy={roster.loading}>
            <h2>
              {TEXT.title[lang]} — {about.owner}
            </h2>
            <p className="meta">
              {about.levelName?.[lang] ?? about.level} · {TEXT.term[lang]} {about.term}
              {asOf ? ` · ${TEXT.asOf[lang]} ${formatDate(asOf)}` : ''}
            </p>
            <label>
              {TEXT.field[lang]}
              <select value={field ?? ''} onChange={choose}>
                <option value="">{TEXT.all[lang]}</option>
                {EXPERTISE_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {EXPERTISE_FIELD_NAMES[f][lang]}
                  </option>
                ))}
              </select>
            </label>
            <Notice resource={roster} lang={lang} />
            <Members members={members} lang={lang} />
          </section>
        ) : (
          <p role="status" tabIndex={-1} data-focus="">
            {TEXT.none[lang]}
          </p>
        )
      }
    </Loaded>
  );
}
