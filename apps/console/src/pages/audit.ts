import { html, type TemplateResult } from 'lit';
import '../audit/audit-trail.js';
import type { TrailLoader } from '../audit/audit-trail.js';
import { ClassPage } from '../class-page.js';

const PAGE = 50;
const TEXT = { heading: { vi: 'Nhật ký thay đổi', en: 'Audit trail' } };

/**
 * The audit trail of a class and everything in it (`audit.forClass`): who did what, when, and
 * what it was before and after — newest first, 50 entries a page, older ones on demand.
 */
export class PcAuditPage extends ClassPage {
  private classTrail: TrailLoader | undefined;

  protected override openClass(id: string): void {
    this.classTrail = ({ client, signal }, before) =>
      client.audit.forClass.query({ classId: id, limit: PAGE, ...(before ? { before } : {}) }, { signal });
    this.requestUpdate();
  }

  override render(): TemplateResult {
    return this.classPage(
      TEXT.heading,
      () =>
        html`<pc-audit-trail subjects .heading=${''} .load=${this.classTrail} key=${this.params.id ?? ''}></pc-audit-trail>`,
    );
  }
}

customElements.define('pc-audit-page', PcAuditPage);
