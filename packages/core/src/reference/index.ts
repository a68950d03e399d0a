/** Reference data: unit levels, roster levels, program kinds, fields of expertise, ethnic groups (ADR 0029). */
export { ReferenceDataService } from './reference-data.js';
