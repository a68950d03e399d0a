import type { LocalizedText } from '@polcenter/domain';

/** One bad cell (or row) of an imported file. */
export interface ImportProblem {
  /** Line of the file (1 is the header line). */
  readonly line: number;
  /** The field at fault, as the file's columns are named (`birthDate`, `unitCode`…), or `(row)`. */
  readonly field: string;
  readonly message: LocalizedText;
}

/** A row that is already on file: reported, not written twice. */
export interface ImportSkip {
  readonly line: number;
  readonly existingId: string;
  readonly message: LocalizedText;
}

export interface ImportReport {
  readonly total: number;
  /** Written (or, on a dry run or with errors, that would have been). */
  readonly created: number;
  readonly skipped: readonly ImportSkip[];
  /** Every bad row, in line order. When there is any, nothing was written. */
  readonly errors: readonly ImportProblem[];
  readonly dryRun: boolean;
  /** True only when the rows were committed. */
  readonly written: boolean;
}

export interface ImportOptions {
  /** Check everything, write nothing. */
  readonly dryRun?: boolean;
  /** Called as rows are checked (`check`) and as they are written (`write`). */
  readonly onProgress?: (done: number, total: number, phase: 'check' | 'write') => void;
  /**
   * The units the person importing may import into (a person's unit; an enrolment class's
   * organiser); rows naming others are refused as unknown. All units when not given (the CLI).
   */
  readonly scope?: (unitId: string) => boolean;
  /** Rows per INSERT (default 1,000). */
  readonly batchSize?: number;
}
