import type { PolCenter } from '@polcenter/core';
import { type Lang, pickLang } from '@polcenter/domain';

/** What every procedure sees: the library and who is asking. Built without HTTP, so tests call it directly. */
export interface Context {
  readonly polcenter: PolCenter;
  /** Language of error messages for this caller (Vietnamese unless they ask for English). */
  readonly lang: Lang;
}

export function createContextInner(options: { polcenter: PolCenter; lang?: string | null }): Context {
  return { polcenter: options.polcenter, lang: pickLang(options.lang) };
}
