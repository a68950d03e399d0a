import type { PolCenterClient } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import type { ApiResource, Task } from '@polcenter/widgets/resource';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { Action } from './action.js';
import type { ConsolePage } from './page.js';

/**
 * Correcting one row of a list in place, on the version that was read: which row is open, its save
 * (an `Action`, so a retry is answered once), and the way on when someone saved that row in the
 * meantime (the API's `*.STALE` refusal): read the list again and go on with the row's latest
 * version. Plan targets, propaganda output and obligation rules are corrected this way.
 */
export class RowCorrection<Row extends { readonly id: string }> implements ReactiveController {
  readonly action: Action<Row>;
  /** The row being corrected, as read (its version included); undefined when none is open. */
  editing: Row | undefined;

  /**
   * `list` is the page's list of rows and `read` how the page reads it now (its filters), so a
   * stale row is looked up in what the page would show.
   */
  constructor(
    private readonly host: ConsolePage,
    private readonly list: ApiResource<Row[]>,
    private readonly read: () => Task<Row[]> | undefined,
  ) {
    this.action = new Action<Row>(host);
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens `row`; `focus` is the selector of what takes the cursor (the form's first field). */
  async open(row: Row, focus: string): Promise<void> {
    this.action.reset();
    this.editing = row;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  close(): void {
    this.editing = undefined;
    this.action.reset();
    this.host.requestUpdate();
  }

  /**
   * Saves the open row with `call`; on success closes it. The page then reads again what the save
   * changed (the list, and whatever is counted from it).
   */
  async save(input: unknown, call: (client: PolCenterClient) => Promise<Row>): Promise<boolean> {
    if (!(await this.action.run(input, call))) return false;
    this.editing = undefined;
    return true;
  }

  /** Reads the list again as the page shows it (after a save, a new row, a change of filter). */
  reload(): void {
    const read = this.read();
    if (read) this.list.start(read, { keep: true });
  }

  /** Someone saved the open row since it was read: the list again, and the row's latest version. */
  reloadLatest(): void {
    const read = this.read();
    if (!read) return;
    const id = this.editing?.id;
    this.action.reset();
    this.list.start(
      async (call) => {
        const rows = await read(call);
        this.editing = rows.find((r) => r.id === id);
        this.host.requestUpdate();
        return rows;
      },
      { keep: true },
    );
  }

  /** The button that loads the latest version, shown when the save was refused as `staleCode`. */
  latestButton(staleCode: string, label: LocalizedText): TemplateResult | typeof nothing {
    return this.action.code === staleCode
      ? html`<button type="button" @click=${() => this.reloadLatest()}>${this.host.t(label)}</button>`
      : nothing;
  }

  /** The button that closes the form without saving. */
  cancelButton(label: LocalizedText): TemplateResult {
    return html`<button type="button" @click=${() => this.close()}>${this.host.t(label)}</button>`;
  }
}
