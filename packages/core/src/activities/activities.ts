import type {
  ActivityRangeInput,
  BriefingInput,
  BriefingUpdateInput,
  ConferenceAttendanceInput,
  ConferenceInput,
  ConferenceSitesInput,
  ContestEntrantInput,
  ContestInput,
  ContestJudgesInput,
  ContestScoresInput,
  OpinionReportInput,
  OpinionReportUpdateInput,
  Page,
  WorkloadInput,
  WorkloadRow,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import type { Orm } from '../orm.js';
import { Briefings, type BriefingView } from './briefings.js';
import { type ConferenceDetail, Conferences, type ConferenceView } from './conferences.js';
import { type ContestSummary, Contests, type ContestView } from './contests.js';
import { type OpinionFilter, OpinionReports, type OpinionReportView } from './opinion-reports.js';
import { Workload } from './workload.js';

/**
 * What rapporteurs do: briefings, public-opinion reports, conferences with attendance, contests
 * (scored, ranked and awarded by the domain), and the workload of each person. One object for the
 * API; each kind of activity is kept in its own module, where its methods are documented.
 */
export class ActivityService {
  private readonly briefingWork: Briefings;
  private readonly opinionWork: OpinionReports;
  private readonly conferenceWork: Conferences;
  private readonly contestWork: Contests;
  private readonly workloadWork: Workload;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(orm: Orm) {
    this.briefingWork = new Briefings(orm);
    this.opinionWork = new OpinionReports(orm);
    this.conferenceWork = new Conferences(orm);
    this.contestWork = new Contests(orm);
    this.workloadWork = new Workload(orm);
  }

  recordBriefing(actor: Actor, input: BriefingInput): Promise<BriefingView> {
    return this.briefingWork.recordBriefing(actor, input);
  }

  updateBriefing(actor: Actor, input: BriefingUpdateInput): Promise<BriefingView> {
    return this.briefingWork.updateBriefing(actor, input);
  }

  briefing(id: string): Promise<BriefingView> {
    return this.briefingWork.briefing(id);
  }

  briefings(input: ActivityRangeInput): Promise<Page<BriefingView>> {
    return this.briefingWork.briefings(input);
  }

  recordOpinionReport(actor: Actor, input: OpinionReportInput): Promise<OpinionReportView> {
    return this.opinionWork.recordOpinionReport(actor, input);
  }

  updateOpinionReport(actor: Actor, input: OpinionReportUpdateInput): Promise<OpinionReportView> {
    return this.opinionWork.updateOpinionReport(actor, input);
  }

  opinionReport(id: string): Promise<OpinionReportView> {
    return this.opinionWork.opinionReport(id);
  }

  opinionReports(filter: OpinionFilter): Promise<Page<OpinionReportView>> {
    return this.opinionWork.opinionReports(filter);
  }

  createConference(actor: Actor, input: ConferenceInput): Promise<ConferenceDetail> {
    return this.conferenceWork.createConference(actor, input);
  }

  updateConferenceSites(actor: Actor, input: ConferenceSitesInput): Promise<ConferenceDetail> {
    return this.conferenceWork.updateSites(actor, input);
  }

  recordAttendance(actor: Actor, input: ConferenceAttendanceInput): Promise<ConferenceDetail> {
    return this.conferenceWork.recordAttendance(actor, input);
  }

  conference(id: string): Promise<ConferenceDetail> {
    return this.conferenceWork.conference(id);
  }

  conferences(input: ActivityRangeInput): Promise<ConferenceView[]> {
    return this.conferenceWork.conferences(input);
  }

  createContest(actor: Actor, input: ContestInput): Promise<ContestView> {
    return this.contestWork.createContest(actor, input);
  }

  setJudges(actor: Actor, input: ContestJudgesInput): Promise<ContestView> {
    return this.contestWork.setJudges(actor, input);
  }

  contests(input: ActivityRangeInput): Promise<ContestSummary[]> {
    return this.contestWork.contests(input);
  }

  addEntrant(actor: Actor, input: ContestEntrantInput): Promise<{ id: string }> {
    return this.contestWork.addEntrant(actor, input);
  }

  recordScores(actor: Actor, input: ContestScoresInput): Promise<ContestView> {
    return this.contestWork.recordScores(actor, input);
  }

  finaliseContest(actor: Actor, contestId: string): Promise<ContestView> {
    return this.contestWork.finaliseContest(actor, contestId);
  }

  contest(id: string): Promise<ContestView> {
    return this.contestWork.contest(id);
  }

  workload(input: WorkloadInput): Promise<WorkloadRow[]> {
    return this.workloadWork.workload(input);
  }
}
