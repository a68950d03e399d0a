import { define } from '../define';
import { PcCertificateCheck } from './certificate-check.component';

define('pc-certificate-check', PcCertificateCheck);

declare global {
  interface HTMLElementTagNameMap {
    'pc-certificate-check': PcCertificateCheck;
  }
}

export { PcCertificateCheck };
