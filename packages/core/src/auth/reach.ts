import type { Role, RoleGrant } from '@polcenter/domain';
import { runStatement } from '../kernel/sql.js';
import type { Orm } from '../orm.js';

/** A unit a principal's roles reach, as the API tells the console (`auth.me`). */
export interface ReachedUnit {
  readonly unitId: string;
  /** The roles held for this unit or a unit above it. */
  readonly roles: readonly Role[];
}

type RolesByUnit = ReadonlyMap<string, ReadonlySet<Role>>;

/**
 * The units a principal's roles reach, worked out once per call from the unit tree this process
 * keeps (`UnitTree`) and asked of by every access check in memory: a role reaches the unit it is
 * held for and every unit within it (`reaches`) — its children, and the units it carries on after a
 * merger, split or rename, with theirs (the view `unit_within`: the coordinator of a merged commune
 * reaches the people and villages of its predecessors); a unit above one of theirs is on their line
 * (`sees`). Immutable: one is shared by every caller holding the same roles while the tree stands.
 */
export class UnitReach {
  /**
   * @param within Roles that reach each unit (held for it or a unit above it).
   * @param above Roles held for some unit below each unit.
   */
  constructor(
    readonly admin: boolean,
    private readonly within: RolesByUnit = new Map(),
    private readonly above: RolesByUnit = new Map(),
  ) {}

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

/** How many different sets of roles a tree remembers the reach of before it starts over. */
const REACHES_KEPT = 1000;

/**
 * The unit tree as reach walks it, read in one statement with the stamp it had (ADR 0035): what
 * lies directly within each unit (the view `unit_within`: children and the units it carries on) and
 * each unit's parent. Reach is worked out here in memory, and remembered per set of roles until the
 * tree changes, when a new `UnitTree` replaces this one.
 */
export class UnitTree {
  private readonly inside = new Map<string, string[]>();
  private readonly parent = new Map<string, string>();
  private readonly reaches = new Map<string, UnitReach>();

  constructor(
    /** The `unit_tree_stamp` this tree was read with; null if the row is missing (never trusted). */
    readonly stamp: string | null,
    within: readonly (readonly [parentId: string, id: string])[],
    parents: readonly (readonly [id: string, parentId: string])[],
  ) {
    for (const [parentId, id] of within) {
      const children = this.inside.get(parentId);
      if (children) children.push(id);
      else this.inside.set(parentId, [id]);
    }
    for (const [id, parentId] of parents) this.parent.set(id, parentId);
  }

  /** The units the grants reach and the units above them. */
  reachOf(grants: readonly RoleGrant[]): UnitReach {
    if (grants.some((g) => g.role === 'admin')) return ADMIN_REACH;
    const key = grants
      .map((g) => `${g.role}@${g.unitId}`)
      .sort()
      .join(' ');
    const known = this.reaches.get(key);
    if (known) return known;
    const within = new Map<string, Set<Role>>();
    const above = new Map<string, Set<Role>>();
    const add = (map: Map<string, Set<Role>>, unitId: string, role: Role) => {
      const roles = map.get(unitId);
      if (!roles) map.set(unitId, new Set([role]));
      else if (roles.has(role)) return false;
      else roles.add(role);
      return true;
    };
    for (const { role, unitId } of grants) {
      if (!unitId) continue;
      // Down: the unit and everything within it. A unit already reached for this role has had its
      // own walk, so links that meet again (or a loop) end there.
      const queue = [unitId];
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        if (add(within, id, role)) queue.push(...(this.inside.get(id) ?? []));
      }
      // Up: the parent line, which sees the unit's business.
      for (let id = this.parent.get(unitId); id !== undefined && add(above, id, role); id = this.parent.get(id));
    }
    const reach = new UnitReach(false, within, above);
    if (this.reaches.size >= REACHES_KEPT) this.reaches.clear();
    this.reaches.set(key, reach);
    return reach;
  }

  /** Whether `unitId` is `ancestorId` or lies within it (down `unit_within`). */
  isWithin(unitId: string, ancestorId: string): boolean {
    if (unitId === ancestorId) return true;
    const seen = new Set<string>([ancestorId]);
    const queue = [ancestorId];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const child of this.inside.get(id) ?? []) {
        if (child === unitId) return true;
        if (!seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
      }
    }
    return false;
  }
}

/** An administrator's: every unit. */
export const ADMIN_REACH = new UnitReach(true);

/**
 * The unit tree one library instance keeps for its process, checked against the database's stamp
 * that every caller's identity statement reads (`AuthService.check`): a change of the tree made by
 * any process commits a new stamp, so the next call anywhere reads the tree again before working
 * out a reach. Never stale past the statement that told the stamp.
 * @internal Works on the ORM: stays out of the published types (ADR 0032).
 */
export class UnitTreeCache {
  private tree: UnitTree | null = null;
  private loading: Promise<UnitTree> | null = null;

  constructor(private readonly orm: Orm) {}

  /** A tree at least as new as the one `stamp` names (read again unless the one kept is that one). */
  async at(stamp: string | null): Promise<UnitTree> {
    const kept = this.tree;
    if (kept && stamp !== null && kept.stamp === stamp) return kept;
    // Callers who all saw the same new stamp share one read; one that started before this caller's
    // identity statement may be older than it, hence the check and a read of its own.
    if (this.loading) {
      const shared = await this.loading;
      if (stamp !== null && shared.stamp === stamp) return shared;
    }
    return this.read();
  }

  /** The stamp as it is now, then the tree: for a caller who came without a token (tests, scripts). */
  async current(): Promise<UnitTree> {
    const [row] = await runStatement<{ stamp: string | null }[]>(
      this.orm,
      'SELECT (SELECT stamp FROM unit_tree_stamp) AS stamp',
    );
    return this.at(row?.stamp ?? null);
  }

  private read(): Promise<UnitTree> {
    const loading = (async () => {
      const [row] = await runStatement<
        { stamp: string | null; within: [string, string][]; parents: [string, string][] }[]
      >(
        this.orm,
        `SELECT (SELECT stamp FROM unit_tree_stamp) AS stamp,
                (SELECT coalesce(json_agg(json_build_array(parent_id, id)), '[]') FROM unit_within) AS within,
                (SELECT coalesce(json_agg(json_build_array(id, parent_id)), '[]') FROM unit WHERE parent_id IS NOT NULL) AS parents`,
      );
      const tree = new UnitTree(row?.stamp ?? null, row?.within ?? [], row?.parents ?? []);
      this.tree = tree;
      return tree;
    })();
    this.loading = loading;
    const settled = () => {
      if (this.loading === loading) this.loading = null;
    };
    loading.then(settled, settled);
    return loading;
  }
}
