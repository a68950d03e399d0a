/** `@polcenter/core/results`: a class's record of its trainees: attendance sheets, scores, results. */
export { type AttendanceLine, AttendanceService, type AttendanceSheetView } from './attendance.js';
export {
  ResultService,
  type ResultView,
  type ScoreGridLine,
  type ScoreGridView,
  type ScoreLine,
  type ScoresView,
} from './results.js';
