import type { EntityManager } from '@mikro-orm/postgresql';
import { nextMeetingDay } from '@polcenter/domain';
import { insertRows } from './insert-rows.js';

/**
 * Phương Viên's villages go on briefing through 2025: once before the reform, then under xã Chợ
 * Đồn, which absorbed their commune on 01/07/2025 and took them in (`moveVillagesWithTheirCommunes`).
 * Each briefing is given by the village's party cell secretary, a propagandist since 2020.
 * [village code, day, topic, resolution, audience, presenter's index among Phương Viên's propagandists]
 */
const BRIEFINGS_2025: readonly (readonly [string, string, string, string | null, number, number])[] = [
  ['02050-01', '2025-05-20', 'Lấy ý kiến cử tri về sắp xếp đơn vị hành chính cấp xã', null, 83, 2],
  [
    '02050-01',
    '2025-07-15',
    'Quán triệt Nghị quyết 1683/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã',
    'Nghị quyết 1683/NQ-UBTVQH15',
    68,
    2,
  ],
  ['02050-02', '2025-08-12', 'Chính quyền địa phương hai cấp: làm thủ tục hành chính ở xã Chợ Đồn', null, 54, 3],
  [
    '02050-03',
    '2025-09-09',
    'Quán triệt Nghị quyết 1683/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã',
    'Nghị quyết 1683/NQ-UBTVQH15',
    47,
    4,
  ],
  [
    '02050-01',
    '2025-10-14',
    'Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ',
    'Nghị quyết 57-NQ/TW',
    61,
    2,
  ],
  ['02050-02', '2025-11-11', 'Phòng, chống tảo hôn và hôn nhân cận huyết thống', null, 39, 3],
  ['02050-03', '2025-12-09', 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới', null, 52, 4],
];

/**
 * Writes the villages' briefings of 2025 (after the rosters, whose propagandists give them).
 * @internal Takes the ORM's session: stays out of the published types (ADR 0032).
 */
export async function seedVillageWork2025(
  tx: EntityManager,
  unitId: (code: string) => string,
  idFor: (key: string) => string,
): Promise<number> {
  const rows = BRIEFINGS_2025.map(([village, day, topic, resolution, audience], i) => [
    idFor(`briefing:2025:${i}`),
    nextMeetingDay(day),
    unitId(village),
    topic,
    resolution,
    audience,
    'in_person',
  ]);
  await insertRows(tx, 'briefing', ['id', 'date', 'unit_id', 'topic', 'resolution', 'audience_size', 'mode'], rows);
  await insertRows(
    tx,
    'briefing_person',
    ['briefing_id', 'person_id'],
    BRIEFINGS_2025.map(([, , , , , presenter], i) => [
      idFor(`briefing:2025:${i}`),
      idFor(`rapporteur:02050-${presenter}`),
    ]),
  );
  return rows.length;
}
