import type { Ethnicity, Gender, LocalizedText } from '@polcenter/domain';

/** A period's propaganda output, counts only: what the six-month and annual reports quote. */
export interface PropagandaReport {
  readonly from: string;
  readonly to: string;
  readonly period: LocalizedText;
  readonly sentence: LocalizedText;
  readonly briefings: {
    readonly count: number;
    /** Everyone who listened, counted by group or not. */
    readonly audience: number;
    readonly byEthnicity: readonly { readonly ethnicity: Ethnicity; readonly audience: number }[];
    readonly byGender: readonly { readonly gender: Gender; readonly audience: number }[];
    readonly byEthnicityAndGender: readonly {
      readonly ethnicity: Ethnicity;
      readonly gender: Gender;
      readonly audience: number;
    }[];
    /** Listeners of briefings recorded with a total only, not by people and gender. */
    readonly unclassified: number;
  };
  readonly conferences: {
    readonly count: number;
    /** People at every site: a site's headcount, or its named attendees present when it has none. */
    readonly attendees: number;
    readonly sites: readonly {
      readonly conferenceId: string;
      readonly date: string;
      readonly title: string;
      /** Null: named attendees present without a site. */
      readonly site: string | null;
      readonly headcount: number | null;
      readonly named: number;
      readonly attendees: number;
    }[];
  };
  readonly opinionReports: {
    /** The reports the viewer may read. */
    readonly count: number;
    readonly byTopic: readonly { readonly topic: string; readonly reports: number }[];
    /** Sensitive and complex reports a `staff` viewer may not read: counted, never described. */
    readonly withheld: number;
  };
}
