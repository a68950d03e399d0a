import { Migration } from '@mikro-orm/migrations';

/**
 * API tokens get a label, a scope and an expiry (ADR 0012). Tokens made before had no expiry: they
 * get the default lifetime (90 days) from the day of the upgrade, so the apps holding them keep
 * working while their operators make scoped replacements, and then they end like any other.
 */
export class Migration20261202000200ApiTokenScope extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE auth_token RENAME COLUMN name TO label');
    this.addSql('ALTER TABLE auth_token ADD COLUMN read_only boolean NOT NULL DEFAULT false');
    // NULL: every area. Otherwise the router names the token may call.
    this.addSql(
      'ALTER TABLE auth_token ADD COLUMN areas text[] CONSTRAINT auth_token_areas_not_empty CHECK (cardinality(areas) > 0)',
    );
    this.addSql("UPDATE auth_token SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL");
    this.addSql('ALTER TABLE auth_token ALTER COLUMN expires_at SET NOT NULL');
    // Listing a user's tokens newest first.
    this.addSql('DROP INDEX auth_token_user_idx');
    this.addSql('CREATE INDEX auth_token_user_idx ON auth_token (user_id, kind, created_at)');
  }

  override async down(): Promise<void> {
    this.addSql('DROP INDEX auth_token_user_idx');
    this.addSql('CREATE INDEX auth_token_user_idx ON auth_token (user_id)');
    this.addSql('ALTER TABLE auth_token ALTER COLUMN expires_at DROP NOT NULL');
    this.addSql('ALTER TABLE auth_token DROP COLUMN areas');
    this.addSql('ALTER TABLE auth_token DROP COLUMN read_only');
    this.addSql('ALTER TABLE auth_token RENAME COLUMN label TO name');
  }
}
