import type { Role, RoleGrant } from '@polcenter/domain';

/** A unit a principal's roles reach, as the API tells the console (`auth.me`). */
export interface ReachedUnit {
  readonly unitId: string;
  /** The roles held for this unit or a unit above it. */
  readonly roles: readonly Role[];
}

/**
 * The units a principal's roles reach, computed once per call (with the token check, in the same
 * statement) and asked of by every access check in memory: a role reaches the unit it is held for
 * and every unit within it (`reaches`) — its children, and the units it carries on after a merger,
 * split or rename, with theirs (the view `unit_within`: the coordinator of a merged commune reaches
 * the people and villages of its predecessors); a unit above one of theirs is on their line (`sees`).
 */
export class UnitReach {
  /** Roles that reach each unit (held for it or a unit above it). */
  private readonly within: ReadonlyMap<string, ReadonlySet<Role>>;
  /** Roles held for some unit below each unit. */
  private readonly above: ReadonlyMap<string, ReadonlySet<Role>>;

  constructor(
    readonly admin: boolean,
    within: readonly ReachedUnit[],
    above: readonly ReachedUnit[],
  ) {
    this.within = new Map(within.map((u) => [u.unitId, new Set(u.roles)]));
    this.above = new Map(above.map((u) => [u.unitId, new Set(u.roles)]));
  }

  /** Whether one of `roles` (any role when none given) is held for this unit or a unit above it. */
  reaches(unitId: string | null | undefined, roles?: readonly Role[]): boolean {
    if (this.admin) return true;
    return Boolean(unitId) && holds(this.within.get(unitId as string), roles);
  }

  /** Whether every one of the units is reached (an empty list is). */
  reachesAll(unitIds: readonly (string | null | undefined)[], roles?: readonly Role[]): boolean {
    return unitIds.every((id) => this.reaches(id, roles));
  }

  /**
   * Whether the unit is on the principal's line: reached, or above a unit where one of `roles` is
   * held — a commune's staff see the district's business, never another commune's.
   */
  sees(unitId: string | null | undefined, roles?: readonly Role[]): boolean {
    if (this.reaches(unitId, roles)) return true;
    return Boolean(unitId) && holds(this.above.get(unitId as string), roles);
  }

  /** What the console is told: each unit reached and the roles that reach it. */
  units(): ReachedUnit[] {
    return [...this.within].map(([unitId, roles]) => ({ unitId, roles: [...roles] }));
  }
}

const holds = (held: ReadonlySet<Role> | undefined, roles?: readonly Role[]) =>
  held !== undefined && (!roles || roles.some((role) => held.has(role)));

/**
 * The SQL of the reach, given a CTE `grants(role, unit_id)` before it in the same `WITH RECURSIVE`:
 * `down(role, id)` the units each role reaches (down `unit_within`), `up(role, id)` the units above a unit a role is held
 * for. Then `reach_json` (one column each) turns both into JSON for one result row.
 */
export const REACH_CTES = `
  down (role, id) AS (
    SELECT role, unit_id FROM grants WHERE unit_id IS NOT NULL
    UNION
    SELECT down.role, w.id FROM unit_within w JOIN down ON w.parent_id = down.id
  ),
  up (role, id) AS (
    SELECT g.role, u.parent_id FROM grants g JOIN unit u ON u.id = g.unit_id WHERE u.parent_id IS NOT NULL
    UNION
    SELECT up.role, u.parent_id FROM unit u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
  )`;

export const REACH_COLUMNS = `
  (SELECT coalesce(json_agg(json_build_object('role', role, 'unitId', unit_id)), '[]') FROM grants) AS grants,
  (SELECT coalesce(json_agg(json_build_object('unitId', id, 'roles', roles)), '[]')
     FROM (SELECT id, array_agg(role) AS roles FROM down GROUP BY id) d) AS within,
  (SELECT coalesce(json_agg(json_build_object('unitId', id, 'roles', roles)), '[]')
     FROM (SELECT id, array_agg(role) AS roles FROM up GROUP BY id) a) AS above`;

/** The rows `REACH_COLUMNS` gives, read back. */
export interface ReachRow {
  readonly grants: RoleGrant[];
  readonly within: ReachedUnit[];
  readonly above: ReachedUnit[];
}

export const reachOfRow = (row: ReachRow): UnitReach =>
  new UnitReach(
    row.grants.some((g) => g.role === 'admin'),
    row.within,
    row.above,
  );
