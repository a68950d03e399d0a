import type { UnitLinkKind } from '@polcenter/domain';
import type { SeedUnit } from './chodon-units.js';

/**
 * How the map of Chợ Đồn changed (DEMO.md), so that a 2022 report rolls up to the units of 2026:
 * the commune mergers of 1 Feb 2020, and the reform of 1 July 2025 that ended districts, merged
 * Bắc Kạn into Thái Nguyên and regrouped the communes. The new communes get local codes here
 * (`TN-…`), not GSO's: the demo must not pass off invented numbers as official ones.
 */

export const THAI_NGUYEN_2025: readonly SeedUnit[] = [
  // Thái Nguyên existed before the merger and carries on after it: no validity dates.
  { code: '19', name: 'Tỉnh Thái Nguyên', level: 'province' },
  ...(
    [
      ['TN-CHODON', 'Xã Chợ Đồn'],
      ['TN-NAMCUONG', 'Xã Nam Cường'],
      ['TN-QUANGBACH', 'Xã Quảng Bạch'],
      ['TN-YENTHINH', 'Xã Yên Thịnh'],
      ['TN-YENPHONG', 'Xã Yên Phong'],
      ['TN-NGHIATA', 'Xã Nghĩa Tá'],
      ['TN-BACHTHONG', 'Xã Bạch Thông'],
      ['TN-DONGPHUC', 'Xã Đồng Phúc'],
    ] as const
  ).map(([code, name]) => ({ code, name, level: 'commune', parent: '19', validFrom: '2025-07-01' })),
];

export interface SeedLink {
  readonly kind: UnitLinkKind;
  readonly from: readonly string[];
  readonly to: string;
  readonly effectiveOn: string;
  readonly decision: string;
}

const COMMUNES_2020 = 'Nghị quyết 855/NQ-UBTVQH14';
const COMMUNES_2025 = 'Nghị quyết 1683/NQ-UBTVQH15';
/** The day districts ended and the communes were regrouped. */
export const REFORM_2025 = '2025-07-01';

export const CHO_DON_LINKS: readonly SeedLink[] = [
  { kind: 'merge', from: ['CD-DONGVIEN', 'CD-RABAN'], to: '02059', effectiveOn: '2020-02-01', decision: COMMUNES_2020 },
  {
    kind: 'merge',
    from: ['CD-YENNHUAN', 'CD-PHONGHUAN'],
    to: '02083',
    effectiveOn: '2020-02-01',
    decision: COMMUNES_2020,
  },
  { kind: 'merge', from: ['06'], to: '19', effectiveOn: REFORM_2025, decision: 'Nghị quyết 202/2025/QH15' },
  ...(
    [
      [['02020', '02053', '02050', '02065'], 'TN-CHODON'],
      [['02023', '02026', '02029'], 'TN-NAMCUONG'],
      [['02038', '02032'], 'TN-QUANGBACH'],
      [['02035', '02044', '02047'], 'TN-YENTHINH'],
      [['02068', '02077', '02083'], 'TN-YENPHONG'],
      [['02062', '02071', '02080'], 'TN-NGHIATA'],
      // Both join communes of neighbouring districts, which lie outside the demo's tree.
      [['02059'], 'TN-BACHTHONG'],
      [['02041'], 'TN-DONGPHUC'],
    ] as const
  ).map(([from, to]) => ({ kind: 'merge' as const, from, to, effectiveOn: REFORM_2025, decision: COMMUNES_2025 })),
];
