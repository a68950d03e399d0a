/**
 * The units of Chợ Đồn district (Bắc Kạn) as they were in 2022, with GSO codes, plus the
 * communes merged away on 1 Feb 2020 (Resolution 855/NQ-UBTVQH14). Real places; see DEMO.md.
 */
export interface SeedUnit {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parent?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

const COMMUNES_2022: readonly [string, string][] = [
  ['02020', 'Thị trấn Bằng Lũng'],
  ['02023', 'Xã Xuân Lạc'],
  ['02026', 'Xã Nam Cường'],
  ['02029', 'Xã Đồng Lạc'],
  ['02032', 'Xã Tân Lập'],
  ['02035', 'Xã Bản Thi'],
  ['02038', 'Xã Quảng Bạch'],
  ['02041', 'Xã Bằng Phúc'],
  ['02044', 'Xã Yên Thịnh'],
  ['02047', 'Xã Yên Thượng'],
  ['02050', 'Xã Phương Viên'],
  ['02053', 'Xã Ngọc Phái'],
  ['02059', 'Xã Đồng Thắng'],
  ['02062', 'Xã Lương Bằng'],
  ['02065', 'Xã Bằng Lãng'],
  ['02068', 'Xã Đại Sảo'],
  ['02071', 'Xã Nghĩa Tá'],
  ['02077', 'Xã Yên Mỹ'],
  ['02080', 'Xã Bình Trung'],
  ['02083', 'Xã Yên Phong'],
];

/** Communes merged on 1 Feb 2020: Đông Viên + Rã Bản → Đồng Thắng; Yên Nhuận + Phong Huân → Yên Phong. */
const MERGED_2020: readonly [string, string][] = [
  ['CD-DONGVIEN', 'Xã Đông Viên'],
  ['CD-RABAN', 'Xã Rã Bản'],
  ['CD-YENNHUAN', 'Xã Yên Nhuận'],
  ['CD-PHONGHUAN', 'Xã Phong Huân'],
];

const MERGED_COMMUNES = new Set(['02059', '02083']);

const VILLAGES: readonly [string, string[]][] = [
  ['02050', ['Nà Đon', 'Tổng Chiêu', 'Nà Càng', 'Choong', 'Bản Lanh', 'Nà Bjoóc', 'Nà Khe', 'Nà Đao']],
  ['02029', ['Thôm Pả', 'Nà Áng', 'Bản Tràng', 'Nà Dầu']],
  ['02026', ['Cốc Lùng', 'Phiêng Cà', 'Nà Liền']],
  ['02020', ['Tổ 1', 'Tổ 2A', 'Tổ 2B', 'Tổ 3', 'Duồng', 'Nà Pài', 'Tàn']],
];

export const CHO_DON_UNITS: readonly SeedUnit[] = [
  { code: '06', name: 'Tỉnh Bắc Kạn', level: 'province', validTo: '2025-06-30' },
  { code: '064', name: 'Huyện Chợ Đồn', level: 'district', parent: '06', validTo: '2025-06-30' },
  ...COMMUNES_2022.map(([code, name]) => ({
    code,
    name,
    level: 'commune',
    parent: '064',
    validTo: '2025-06-30',
    ...(MERGED_COMMUNES.has(code) ? { validFrom: '2020-02-01' } : {}),
  })),
  ...MERGED_2020.map(([code, name]) => ({ code, name, level: 'commune', parent: '064', validTo: '2020-01-31' })),
  ...VILLAGES.flatMap(([commune, villages]) =>
    villages.map((name, index) => ({
      code: `${commune}-${String(index + 1).padStart(2, '0')}`,
      name: name.startsWith('Tổ') ? name : `Thôn ${name}`,
      level: 'village',
      parent: commune,
    })),
  ),
];
