import type { PolCenterClient } from '@polcenter/client';
import type { Lang } from '@polcenter/domain';
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { apiUrl, clientFor } from './api.js';
import type { AttributeProblem } from './attributes.js';
import type { Failure } from './failure.js';
import { widgetLang } from './i18n.js';

/**
 * Every `lang` on the page is watched by one observer: a widget re-renders in its new language
 * when its own `lang`, an ancestor's or `<html lang>` changes, at any time.
 */
const widgets = new Set<PcElement>();
let observer: MutationObserver | undefined;

function languagesChanged(): void {
  for (const widget of widgets) widget.readLanguage();
}

function watch(widget: PcElement): void {
  widgets.add(widget);
  observer ??= new MutationObserver(languagesChanged);
  const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
  observer.observe(document.documentElement, options);
  // A widget inside another component's shadow root is out of the document's subtree.
  if (widget.getRootNode() !== document) observer.observe(widget, options);
}

/**
 * What every PolCenter widget shares: the `api` and `timeout` attributes, the visitor's language
 * (followed live), a client for the API, webmaster warnings, and focus that never falls to the
 * page when the focused control disappears. Every colour is a token, set on `:root` or the element.
 *
 * @cssproperty [--pc-font-family=system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif] - the text's font
 * @cssproperty [--pc-color-text=#1f2933] - text
 * @cssproperty [--pc-color-muted=#61707f] - secondary text: labels, codes, dates
 * @cssproperty [--pc-color-accent=#b91c1c] - headings, buttons, borders of buttons
 * @cssproperty [--pc-color-on-accent=#ffffff] - text on an accent background (the main buttons)
 * @cssproperty [--pc-color-surface=#ffffff] - background of panels, cards and fields
 * @cssproperty [--pc-color-line=#d9dee3] - borders and rules
 * @cssproperty [--pc-color-success=#15803d] - a good answer (a valid certificate)
 * @cssproperty [--pc-color-error=#b91c1c] - failures, refusals and mistakes
 * @cssproperty [--pc-color-notice=#fdf3e7] - background of failure and notice boxes
 * @cssproperty [--pc-color-placeholder=#e6eaee] - the grey bars shown while loading
 * @cssproperty [--pc-color-focus=#1d4ed8] - the focus ring
 * @cssproperty [--pc-border-radius=6px] - corners of panels, cards, buttons and fields
 */
export class PcElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { type: String },
    timeout: { type: Number },
  };

  /** URL of the PolCenter tRPC endpoint; defaults to `/trpc` on the origin of the widget script. */
  declare api: string | undefined;
  /** Seconds to wait for the server before saying it is too slow and retrying (default 15). */
  declare timeout: number;

  /**
   * API input fields as the webmaster knows them (attribute names), so the server's refusal of
   * `ownerUnitCode` is shown as a mistake in `unit`.
   */
  protected static fieldAttributes: Readonly<Record<string, string>> = {};

  /** The language the widget speaks now: its `lang`, else the nearest ancestor's, else Vietnamese. */
  language: Lang = 'vi';

  constructor() {
    super();
    this.timeout = 15;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = widgetLang(this);
    watch(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    widgets.delete(this);
  }

  /** @internal Called by the page-wide observer when some `lang` changed. */
  readLanguage(): void {
    const lang = widgetLang(this);
    if (lang === this.language) return;
    this.language = lang;
    this.requestUpdate();
  }

  /** The API client for this widget's endpoint and language (shared page-wide, batching calls). */
  get client(): PolCenterClient {
    return clientFor(apiUrl(this.api), this.language);
  }

  /** Milliseconds before an API call is given up as too slow. */
  get deadline(): number {
    return (this.timeout > 0 ? this.timeout : 15) * 1000;
  }

  /** Fires a PolCenter event: it bubbles and crosses shadow roots, as the page expects. */
  protected emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * A webmaster's mistake, told in the console with the attribute and what it accepts (the widget
   * shows it in place of its content: `ApiResource.stop(problem)`). Returns whether there was one.
   */
  protected report(problem: AttributeProblem | undefined): problem is AttributeProblem {
    if (problem) this.warn(problem);
    return problem !== undefined;
  }

  protected warn(problem: AttributeProblem): void {
    const accepted = problem.accepted?.length ? ` [${problem.accepted.join(', ')}]` : '';
    console.warn(`<${this.localName}> ${problem.attribute}: ${problem.text[this.language]}${accepted}`);
  }

  /**
   * The server refused what an attribute asked for (an unknown unit code…): the same mistake, in
   * the server's words. `examples` may fetch accepted values for the console.
   */
  refused(failure: Failure): AttributeProblem | undefined {
    const map = (this.constructor as typeof PcElement).fieldAttributes;
    const field = failure.fields.find((f) => map[f.field]);
    const attribute = field && map[field.field];
    if (!field || !attribute) return undefined;
    const problem: AttributeProblem = { attribute, value: this.getAttribute(attribute), text: field.message };
    void this.examples(attribute).then(
      (accepted) => this.warn(accepted ? { ...problem, accepted } : problem),
      () => this.warn(problem),
    );
    return problem;
  }

  /** Accepted values of an attribute that are data (unit codes…), fetched for the console. */
  protected async examples(_attribute: string): Promise<readonly string[] | undefined> {
    return undefined;
  }

  /** Examples of unit codes: the units at the top of the tree, as the API lists them. */
  protected async unitCodes(): Promise<readonly string[]> {
    const units = await this.client.units.list.query({});
    return units.slice(0, 12).map((unit) => `${unit.code} (${unit.name})`);
  }

  #hadFocus = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#hadFocus = this.shadowRoot?.activeElement != null;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The focused control left with the old content (a "show more" at the last page, a retry
    // button replaced by the content): focus what the widget marked to take over, else the panel.
    if (this.#hadFocus && this.shadowRoot && !this.shadowRoot.activeElement) {
      this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
  }
}
