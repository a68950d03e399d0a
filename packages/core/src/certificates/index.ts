/** `@polcenter/core/certificates`: certificates of completion: issue, revoke, print, and the public check. */

export {
  CertificateService,
  type CertificateView,
  type PrintableCertificate,
  type PublicCertificateView,
} from './certificates.js';
/** @internal Entities are MikroORM's: published through `@polcenter/core/orm` (ADR 0032). */
export * from './entities.js';
