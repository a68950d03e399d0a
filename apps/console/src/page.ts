import type { PolCenterClient } from '@polcenter/client';
import type { Lang, LocalizedText, Role } from '@polcenter/domain';
import { PcElement } from '@polcenter/widgets/element';
import { base, tokens } from '@polcenter/widgets/tokens';
import type { PropertyDeclarations } from 'lit';
import { consoleClient } from './api.js';
import { onReferenceNames, refreshReferenceNames } from './reference-names.js';
import { type Me, mayDo } from './session.js';
import { consoleStyles } from './styles.js';

/**
 * The base of every console page and part: the widgets' element (live language, focus kept), the
 * console's client (session cookie, the shell told when it ends), the signed-in person and the
 * route's parameters. A page is a custom element listed in `routes.ts`.
 */
export class ConsolePage extends PcElement {
  static override properties: PropertyDeclarations = {
    ...PcElement.properties,
    me: { attribute: false },
    params: { attribute: false },
  };
  static override styles = [tokens, base, consoleStyles];

  /** Who is signed in (set by the shell before the page renders). */
  declare me: Me;
  /** The route's `:name` parts, e.g. `{ id }` for `/classes/:id`. */
  declare params: Readonly<Record<string, string>>;

  constructor() {
    super();
    this.params = {};
  }

  private stopReferenceNames: (() => void) | undefined;

  /** Labels of reference codes are the server's (as administrators named them): redraw when they arrive. */
  override connectedCallback(): void {
    super.connectedCallback();
    this.stopReferenceNames = onReferenceNames(() => this.requestUpdate());
    refreshReferenceNames(this.client);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopReferenceNames?.();
  }

  /** The language the page speaks now. */
  get currentLang(): Lang {
    return this.language;
  }

  override get client(): PolCenterClient {
    return consoleClient(this.language);
  }

  /** The text in the reader's language. */
  t(text: LocalizedText): string {
    return text[this.language];
  }

  /**
   * Whether the person may do what needs `role` — for `unitId` when given (they hold the role for
   * it or a unit above it, as `auth.me`'s `reach` says), for some unit otherwise; administrators
   * may everything. The API decides each call; pages use this only to hide what it would refuse:
   * `this.can('center_staff', cls.organiser.id)` before an approve button.
   */
  can(role: Role | readonly Role[], unitId?: string | null): boolean {
    return mayDo(this.me, role, unitId);
  }

  /** Goes to another console address as a link would (history kept, so Back works). */
  navigate(path: string): void {
    this.emit('pc-navigate', { path });
  }
}
