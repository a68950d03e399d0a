/**
 * Who is acting: every state change is recorded with it. `id` is the person or user when known;
 * `label` is what the audit log shows (a staff name, "portal", "import", "system").
 */
export interface Actor {
  readonly id: string | null;
  readonly label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };
