import { type Lang, pickLang } from '@polcenter/domain';

/** A widget's language: its `lang` attribute, else the page's `<html lang>`, else Vietnamese. */
export function widgetLang(element: HTMLElement): Lang {
  return pickLang(element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang'));
}

/**
 * The message of a failed API call, in the widget's language (the server already localises it).
 * Bad input says why field by field: those reasons, not the summary naming internal field names.
 */
export function errorMessage(error: unknown, lang: Lang): string {
  const failed = error as { message?: string; data?: { fields?: { message?: Partial<Record<Lang, string>> }[] } };
  const reasons = (failed?.data?.fields ?? []).flatMap((f) => f.message?.[lang] ?? []);
  if (reasons.length > 0) return reasons.join(' ');
  const message = failed?.message;
  if (message && !/fetch|network/i.test(message)) return message;
  return lang === 'vi'
    ? 'Không kết nối được máy chủ PolCenter; vui lòng thử lại sau.'
    : 'Cannot reach the PolCenter server; please try again later.';
}
