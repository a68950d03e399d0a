import http from 'node:http';
import { catalogQuery } from '@polcenter/core';
import { classCatalogInput } from '@polcenter/domain';
import pg from 'pg';

/**
 * The floor for `api.classes.list.*`: a plain node:http handler running the catalog's exact SQL
 * (from `catalogQuery`) with raw `pg` and a pool of the same size as the server's, answering JSON.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const { sql, params } = catalogQuery(classCatalogInput.parse({ limit: 20 }));
let n = 0;
const text = sql.replace(/\?/g, () => `$${++n}`);

http
  .createServer(async (_req, res) => {
    try {
      const { rows } = await pool.query(text, params);
      const body = JSON.stringify({ items: rows.slice(0, 20) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
