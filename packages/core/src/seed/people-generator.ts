import type { Ethnicity, Gender } from '@polcenter/domain';
import { pick, weighted } from './random.js';

/**
 * Invented people for the demo, named the way Chợ Đồn's people are (DEMO.md): mostly Tày and Dao,
 * surname + Văn/Thị (Dao men by lineage: Tài, Kim…) + given name. Never real office-holders.
 */
const ETHNICITY_WEIGHTS: readonly (readonly [Ethnicity, number])[] = [
  ['tay', 65],
  ['dao', 14],
  ['kinh', 7],
  ['nung', 6],
  ['hmong', 5],
  ['san_chay', 2],
  ['hoa', 1],
];

const SURNAMES: Record<Ethnicity, readonly string[]> = {
  tay: ['Hoàng', 'Nông', 'Ma', 'Lục', 'Hà', 'Triệu', 'Lý', 'Bế', 'Đàm', 'Vi', 'Dương'],
  dao: ['Bàn', 'Triệu', 'Đặng', 'Lý', 'Phùng', 'Chu', 'Chúc'],
  hmong: ['Giàng', 'Vàng', 'Sùng', 'Lý', 'Hoàng'],
  kinh: ['Nguyễn', 'Trần', 'Lê', 'Phạm'],
  nung: ['Hoàng', 'Nông', 'Lương', 'Vi'],
  san_chay: ['Lâm', 'Hoàng', 'Trần'],
  hoa: ['Lưu', 'Trương', 'Hoàng'],
  other: ['Hoàng'],
};

const MEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Mạnh',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Vinh',
  'Chiến',
  'Hưng',
  'Toàn',
];
const WOMEN = [
  'Anh',
  'Bích',
  'Dung',
  'Duyên',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Liên',
  'Mai',
  'Nga',
  'Nhung',
  'Phương',
  'Thảo',
  'Thu',
  'Tuyết',
  'Vân',
  'Xuân',
  'Yến',
];
const DAO_LINEAGE = ['Văn', 'Tài', 'Kim', 'Quý'];

export interface GeneratedPerson {
  readonly fullName: string;
  readonly gender: Gender;
  readonly ethnicity: Ethnicity;
}

export function generatePerson(random: () => number): GeneratedPerson {
  const ethnicity = weighted(random, ETHNICITY_WEIGHTS);
  const gender: Gender = random() < 0.46 ? 'female' : 'male';
  const surname = pick(random, SURNAMES[ethnicity]);
  const middle = gender === 'female' ? 'Thị' : ethnicity === 'dao' ? pick(random, DAO_LINEAGE) : 'Văn';
  const given = pick(random, gender === 'female' ? WOMEN : MEN);
  return { fullName: `${surname} ${middle} ${given}`, gender, ethnicity };
}
