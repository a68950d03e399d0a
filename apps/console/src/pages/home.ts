import { html, type TemplateResult } from 'lit';
import { ConsolePage } from '../page.js';

const TEXT = {
  heading: { vi: 'Việc cần làm', en: 'To do' },
  greeting: { vi: 'Xin chào', en: 'Hello' },
};

/** The start page: what needs doing now in the person's units. */
export class PcHomePage extends ConsolePage {
  override render(): TemplateResult {
    return html`<h1>${this.t(TEXT.heading)}</h1>
      <p>${this.t(TEXT.greeting)}, ${this.me.displayName}.</p>`;
  }
}

customElements.define('pc-home-page', PcHomePage);
