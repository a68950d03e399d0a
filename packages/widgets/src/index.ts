export { PcCertificateCheck } from './certificate-check/certificate-check';
export { PcClassCatalog } from './class-catalog/class-catalog';
export { PcEnrolForm } from './enrol-form/enrol-form';
export { PcRapporteurRoster } from './rapporteur-roster/rapporteur-roster';
export { PcUnitDirectory } from './unit-directory/unit-directory';
