import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { apiUrl, clientFor } from '../../src/api';
import { widgetLang } from '../../src/i18n';

// What the two React widgets share, as hooks: their language (followed live), their API client,
// webmaster warnings, focus that never falls to the page, and the custom element around them.

/** The widget's language: its `lang`, an ancestor's or the page's, re-read whenever one changes. */
export function useLang(host) {
  const subscribe = useCallback(
    (changed) => {
      const observer = new MutationObserver(changed);
      const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
      observer.observe(document.documentElement, options);
      // Inside another component's shadow root, the host is out of the document's subtree.
      if (host.getRootNode() !== document) observer.observe(host, options);
      return () => observer.disconnect();
    },
    [host],
  );
  return useSyncExternalStore(subscribe, () => widgetLang(host));
}

/** The API client for the widget's endpoint and language, and how long a call may take (`timeout`, seconds). */
export function useWidget(api, lang, timeout) {
  return useMemo(() => {
    const seconds = Number(timeout);
    return { client: () => clientFor(apiUrl(api), lang), deadline: (seconds > 0 ? seconds : 15) * 1000 };
  }, [api, lang, timeout]);
}

/** Fires a PolCenter event from the element: it bubbles and crosses shadow roots. */
export function emit(host, name, detail) {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/**
 * The server refused what an attribute asked for (an unknown unit code…): the attribute's mistake,
 * in the server's words. `fields` maps API input fields to attribute names.
 */
export function refusalOf(host, failure, fields) {
  if (!failure || failure.transient) return undefined;
  const field = failure.fields.find((f) => fields[f.field]);
  if (!field) return undefined;
  const attribute = fields[field.field];
  return { attribute, value: host.getAttribute(attribute), text: field.message, refused: true };
}

/**
 * A webmaster's mistake is also told in the console, with what the attribute accepts: its fixed
 * values, or for a value the server refused, examples that are data (`examples(attribute)`, fetched).
 */
export function useWarning(host, problem, lang, examples) {
  useEffect(() => {
    if (!problem) return;
    let current = true;
    const warn = (accepted) => {
      if (!current) return;
      const list = accepted?.length ? ` [${accepted.join(', ')}]` : '';
      console.warn(`<${host.localName}> ${problem.attribute}: ${problem.text[lang]}${list}`);
    };
    const fetched = problem.refused ? examples?.(problem.attribute) : undefined;
    if (fetched) fetched.then(warn, () => warn());
    else warn(problem.accepted);
    return () => {
      current = false;
    };
  }, [host, problem, lang, examples]);
}

/** Examples of unit codes for the console: the units at the top of the tree. */
export async function unitCodes(client) {
  const units = await client.units.list.query({});
  return units.slice(0, 12).map((unit) => `${unit.code} (${unit.name})`);
}

/**
 * When the focused control leaves with the old content (the last "show more", a retry button
 * replaced by the content), the focus goes to what the widget marked `data-focus`, not the page.
 */
export function useKeptFocus(host) {
  const hadFocus = useRef(false);
  useEffect(() => {
    const root = host.shadowRoot;
    const focusIn = () => {
      hadFocus.current = true;
    };
    // A control removed while focused has not left by the visitor's choice: the focus stays ours.
    const focusOut = (event) =>
      queueMicrotask(() => {
        hadFocus.current = root.activeElement !== null || !event.target.isConnected;
      });
    root.addEventListener('focusin', focusIn);
    root.addEventListener('focusout', focusOut);
    return () => {
      root.removeEventListener('focusin', focusIn);
      root.removeEventListener('focusout', focusOut);
    };
  }, [host]);
  useLayoutEffect(() => {
    const root = host.shadowRoot;
    if (hadFocus.current && !root.activeElement) root.querySelector('[data-focus]')?.focus();
  });
}

/**
 * A custom element rendering `Component` into its shadow root with the widget's style sheet, its
 * attributes as props (camelCased), re-rendered when one changes.
 */
export function defineWidget(name, Component, attributes, css) {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      static observedAttributes = attributes;
      connectedCallback() {
        if (!this.root) {
          const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          shadow.adoptedStyleSheets = [sheet];
          this.root = createRoot(shadow);
        }
        this.render();
      }
      attributeChangedCallback() {
        if (this.root) this.render();
      }
      disconnectedCallback() {
        this.root?.unmount();
        this.root = undefined;
      }
      render() {
        const props = Object.fromEntries(
          attributes.map((attribute) => [
            attribute.replace(/-(\w)/g, (_, c) => c.toUpperCase()),
            this.getAttribute(attribute) ?? undefined,
          ]),
        );
        this.root.render(<Component host={this} {...props} />);
      }
    },
  );
}
