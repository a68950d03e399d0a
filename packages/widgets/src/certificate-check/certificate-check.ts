import { define } from '../define.js';
import { PcCertificateCheck } from './certificate-check.component.js';

define('pc-certificate-check', PcCertificateCheck);

declare global {
  interface HTMLElementTagNameMap {
    'pc-certificate-check': PcCertificateCheck;
  }
}

export { PcCertificateCheck };
