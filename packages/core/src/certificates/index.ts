/** `@polcenter/core/certificates`: certificates of completion: issue, revoke, print, and the public check. */

export {
  CertificateService,
  type CertificateView,
  type PrintableCertificate,
  type PublicCertificateView,
} from './certificates.js';
export * from './entities.js';
