import { z } from 'zod';
import { type ProgramDefinition, type ProgramTopic, programCode } from './programs.js';

/**
 * The topics a default program is seeded with: numbered placeholders whose periods add up to the
 * program's total, for staff to retitle from the current official syllabus (it changes with
 * each Party congress, so it is not written into code).
 */
export function defaultProgramTopics(program: ProgramDefinition): ProgramTopic[] {
  const base = Math.floor(program.periods / program.topicCount);
  const extra = program.periods % program.topicCount;
  return Array.from({ length: program.topicCount }, (_, index) => ({
    number: index + 1,
    title: { vi: `Chuyên đề ${index + 1}`, en: `Topic ${index + 1}` },
    periods: base + (index < extra ? 1 : 0),
  }));
}

/** Periods a day of a course holds (two half-days of four); used to estimate a course's length. */
export const PERIODS_PER_DAY = 8;

/** A program named by its code, typed as staff type it (`ntđ` finds `NTĐ`). */
export const programCodeRef = z.object({ code: programCode }).strict();
