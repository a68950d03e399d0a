import { type Lang, pickLang } from '@polcenter/domain';
import { failureOf, failureText } from './failure.js';

/**
 * A widget's language: its `lang` attribute, else the nearest ancestor's (across shadow roots),
 * else the page's `<html lang>`, else Vietnamese.
 */
export function widgetLang(element: HTMLElement): Lang {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return pickLang(lang);
  }
  return 'vi';
}

/**
 * The message of a failed API call, in the widget's language (the server already localises its
 * own). Bad input says why field by field; an answer that is not PolCenter's (a proxy's HTML page)
 * is a plain sentence, never a parse error.
 */
export function errorMessage(error: unknown, lang: Lang): string {
  return failureText(failureOf(error), lang);
}
