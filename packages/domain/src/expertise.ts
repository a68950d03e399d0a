import type { LocalizedText } from './i18n.js';

/**
 * Fields of expertise (*lĩnh vực*) a member covers; a member has one or more. Kept apart from
 * the roster schemas so widgets can show these names without loading zod.
 */
export const EXPERTISE_FIELDS = [
  'party_building',
  'politics_ideology',
  'economy',
  'defence_security',
  'culture_society',
  'ethnic_religious',
  'law',
  'foreign_affairs',
  'other',
] as const;
export type ExpertiseField = (typeof EXPERTISE_FIELDS)[number];

export const EXPERTISE_FIELD_NAMES: Record<ExpertiseField, LocalizedText> = {
  party_building: { vi: 'Xây dựng Đảng', en: 'Party building' },
  politics_ideology: { vi: 'Chính trị, tư tưởng', en: 'Politics and ideology' },
  economy: { vi: 'Kinh tế', en: 'Economy' },
  defence_security: { vi: 'Quốc phòng, an ninh', en: 'Defence and security' },
  culture_society: { vi: 'Văn hóa, xã hội', en: 'Culture and society' },
  ethnic_religious: { vi: 'Dân tộc, tôn giáo', en: 'Ethnic and religious affairs' },
  law: { vi: 'Pháp luật', en: 'Law' },
  foreign_affairs: { vi: 'Đối ngoại', en: 'Foreign affairs' },
  other: { vi: 'Lĩnh vực khác', en: 'Other' },
};
