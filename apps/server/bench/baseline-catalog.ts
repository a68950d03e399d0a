import http from 'node:http';
import pg from 'pg';

/**
 * The floor for `api.classes.list.*`: a plain node:http handler and raw `pg` (a pool the size of the
 * server's) answering the catalog's first page of 20 open classes. Written here from what the
 * catalog promises (docs/api.md: open classes by start date, then code; program, organiser, sites in
 * Vietnamese order, sessions and periods, seats left, whether enrolment is open today), not from the
 * product's query: PostgreSQL builds the whole answer as JSON text in one statement, by another route
 * (the page first, then its sites and sessions grouped), and node sends that text as it comes. The
 * bench checks that both answers hold the same classes with the same fields.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const PAGE = 20;

const CATALOG = {
  name: 'baseline-catalog',
  text: `
    WITH page AS (
      SELECT * FROM training_class WHERE status = 'open' ORDER BY start_date, code, id LIMIT $1
    ),
    sites AS (
      SELECT cs.class_id, json_agg(cs.name ORDER BY cs.name COLLATE "vi-x-icu") AS names
        FROM class_site cs JOIN page ON page.id = cs.class_id GROUP BY cs.class_id
    ),
    sessions AS (
      SELECT s.class_id, count(*) AS n, sum(s.periods) AS periods
        FROM class_session s JOIN page ON page.id = s.class_id GROUP BY s.class_id
    ),
    today AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d)
    SELECT coalesce(json_agg(json_build_object(
             'id', page.id, 'code', page.code, 'title', page.title,
             'program', json_build_object('code', p.code, 'name', json_build_object('vi', p.name_vi, 'en', p.name_en)),
             'organiser', json_build_object('code', u.code, 'name', u.name),
             'mode', page.mode, 'venue', page.venue, 'sites', coalesce(sites.names, '[]'::json),
             'startDate', to_char(page.start_date, 'YYYY-MM-DD'), 'endDate', to_char(page.end_date, 'YYYY-MM-DD'),
             'capacity', page.capacity, 'seatsLeft', page.capacity - page.seats_taken,
             'enrolmentOpensOn', to_char(page.enrolment_opens_on, 'YYYY-MM-DD'),
             'enrolmentClosesOn', to_char(page.enrolment_closes_on, 'YYYY-MM-DD'),
             'enrolment', CASE WHEN today.d < page.enrolment_opens_on THEN 'before'
                               WHEN today.d > page.enrolment_closes_on THEN 'after' ELSE 'open' END,
             'sessionCount', coalesce(sessions.n, 0), 'periods', coalesce(sessions.periods, 0)
           ) ORDER BY page.start_date, page.code, page.id), '[]')::text AS items
      FROM page
      JOIN program p ON p.id = page.program_id
      JOIN unit u ON u.id = page.organiser_unit_id
      LEFT JOIN sites ON sites.class_id = page.id
      LEFT JOIN sessions ON sessions.class_id = page.id
      CROSS JOIN today`,
  values: [PAGE],
};

http
  .createServer(async (_req, res) => {
    try {
      const { rows } = await pool.query<{ items: string }>(CATALOG);
      const body = `{"items":${rows[0]?.items ?? '[]'}}`;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
