import { Migration } from '@mikro-orm/migrations';

/**
 * Staff accounts, the roles they hold for a unit, and bearer tokens. Tokens are stored only as
 * SHA-256 hashes: a leaked table gives no usable token.
 */
export class Migration20261128000006Auth extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY,
        username varchar(60) NOT NULL CONSTRAINT app_user_username_unique UNIQUE,
        display_name varchar(120) NOT NULL,
        password_hash varchar(200) NOT NULL,
        person_id uuid REFERENCES person (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    this.addSql(`
      CREATE TABLE user_role (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role varchar(30) NOT NULL
          CHECK (role IN ('admin', 'center_staff', 'propaganda_staff', 'unit_coordinator', 'lecturer')),
        unit_id uuid REFERENCES unit (id),
        CONSTRAINT user_role_admin_unscoped CHECK ((role = 'admin') = (unit_id IS NULL))
      )`);
    this.addSql(
      "CREATE UNIQUE INDEX user_role_unique ON user_role (user_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'))",
    );
    this.addSql(`
      CREATE TABLE auth_token (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('session', 'api')),
        name varchar(120),
        token_hash char(64) NOT NULL CONSTRAINT auth_token_hash_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    this.addSql('CREATE INDEX auth_token_user_idx ON auth_token (user_id)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE auth_token');
    this.addSql('DROP TABLE user_role');
    this.addSql('DROP TABLE app_user');
  }
}
