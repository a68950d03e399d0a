import { type Figure, median, round, time } from '@polcenter/bench';
import pg from 'pg';
import { createTestPolCenter } from '../src/testing/index.js';
import { UnitSchema } from '../src/units/entities.js';

export const ids = ['orm.read.ratio'];

/** Units in the table: the ~48 of the demo seed, topped up so reads spread over many rows. */
const UNITS = 1000;
/** Reads per side per round; a round takes a fraction of a second on these machines. */
const READS = 2000;
const ROUNDS = 9;
const WARMUP_ROUNDS = 2;

/** The columns MikroORM selects for a Unit, so both sides fetch the same bytes. */
const RAW_SELECT =
  'SELECT id, code, name, level_code, kind, parent_id, valid_from, valid_to, created_at, updated_at FROM unit WHERE id = $1';

/**
 * `orm.read.ratio`: a primary-key read of a Unit through MikroORM, each on a fresh forked
 * EntityManager (as every request does, so the identity map never answers), divided by the same
 * read with raw `pg`: same database, same ids in the same order, a pool of the same size, the
 * same unnamed parameterised query protocol the ORM's driver uses. Reads are one at a time, so
 * the ratio is per-read overhead (query building, hydration, unit-of-work set-up), not
 * throughput. Sides alternate which goes first each round, and the figure is the median of the
 * per-round ratios, so drift on a shared machine hits both sides alike.
 */
export default async function ormRead(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  const { orm } = polcenter;
  const poolSize = orm.config.get('pool')?.max ?? 20;
  const pool = new pg.Pool({ connectionString: polcenter.url, max: poolSize });
  try {
    await pool.query(
      `INSERT INTO unit (id, code, name, level_code, kind)
       SELECT gen_random_uuid(), 'BENCH-' || g, 'Bench unit ' || g, (SELECT level_code FROM unit LIMIT 1), 'administrative'
       FROM generate_series(1, GREATEST(0, $1::int - (SELECT count(*) FROM unit))) AS g`,
      [UNITS],
    );
    await pool.query('ANALYZE unit');
    const unitIds = (await pool.query<{ id: string }>('SELECT id FROM unit ORDER BY md5(id::text)')).rows.map(
      (r) => r.id,
    );
    const idAt = (i: number) => unitIds[i % unitIds.length] as string;

    const viaOrm = async () => {
      for (let i = 0; i < READS; i++) await orm.em.fork().findOneOrFail(UnitSchema, { id: idAt(i) });
    };
    const viaPg = async () => {
      for (let i = 0; i < READS; i++) {
        const result = await pool.query(RAW_SELECT, [idAt(i)]);
        if (result.rowCount !== 1) throw new Error(`unit ${idAt(i)} not found with raw pg`);
      }
    };

    const ratios: number[] = [];
    const ormUs: number[] = [];
    const pgUs: number[] = [];
    for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
      const ormFirst = r % 2 === 0;
      const first = await time(ormFirst ? viaOrm : viaPg);
      const second = await time(ormFirst ? viaPg : viaOrm);
      if (r < 0) continue;
      const [ormMs, pgMs] = ormFirst ? [first, second] : [second, first];
      ratios.push(ormMs / pgMs);
      ormUs.push((ormMs * 1000) / READS);
      pgUs.push((pgMs * 1000) / READS);
    }

    return [
      {
        id: 'orm.read.ratio',
        value: median(ratios),
        unit: 'x raw pg',
        baseline: 'raw pg, same SELECT by primary key',
        target: '<= 4',
        note:
          `MikroORM em.fork().findOneOrFail(Unit, {id}) ${round(median(ormUs))} µs/read vs pg.Pool ${round(median(pgUs))} µs/read; ` +
          `${unitIds.length} units, ${READS} sequential reads per side per round, median of ${ROUNDS} interleaved rounds ` +
          `after ${WARMUP_ROUNDS} warm-up, round ratios ${round(Math.min(...ratios))}–${round(Math.max(...ratios))}, ` +
          `pool ${poolSize} each, embedded PostgreSQL 18 on loopback`,
      },
    ];
  } finally {
    await pool.end();
    await polcenter.close();
  }
}
