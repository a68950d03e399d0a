import type { RouterOutputs } from '@polcenter/client';
import { ApiResource } from '@polcenter/widgets/resource';
import type { PropertyValues } from 'lit';
import { ConsolePage } from './page.js';

export type ClassView = RouterOutputs['classes']['get'];

/**
 * A page about one class (`/classes/:id/…`): it loads the class as `cls` and calls `openClass`
 * once per address, so each page only says what else it reads.
 */
export abstract class ClassPage extends ConsolePage {
  protected readonly cls = new ApiResource<ClassView>(this);
  private address = '';

  /** The address named another class (or the page was opened): read what the page shows. */
  protected abstract openClass(id: string): void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The shell hands a new params object at each render: act on a new address only.
    const address = JSON.stringify(this.params);
    if (changed.has('params') && this.params.id && address !== this.address) {
      this.address = address;
      const id = this.params.id;
      this.cls.start(({ client, signal }) => client.classes.get.query({ id }, { signal }));
      this.openClass(id);
    }
  }
}
