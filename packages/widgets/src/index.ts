export { PcCertificateCheck } from './certificate-check/certificate-check.js';
export { PcClassCatalog } from './class-catalog/class-catalog.js';
export { PcEnrolForm } from './enrol-form/enrol-form.js';
export { PcRapporteurRoster } from './rapporteur-roster/rapporteur-roster.js';
export { PcStats } from './stats/stats.js';
export { PcUnitDirectory } from './unit-directory/unit-directory.js';
