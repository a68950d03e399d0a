import type { LocalizedText } from '@polcenter/domain';

/** Words several widgets say (a class's facts, a person's ethnic group): written once, the same everywhere. */
export const TERMS = {
  program: { vi: 'Chương trình', en: 'Programme' },
  dates: { vi: 'Thời gian', en: 'Dates' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  seats: { vi: 'Chỗ còn trống', en: 'Seats left' },
  full: { vi: 'Đã đủ chỗ (có danh sách chờ)', en: 'Full (waitlist)' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnic group' },
} satisfies Record<string, LocalizedText>;
