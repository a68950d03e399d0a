import { Migration } from '@mikro-orm/migrations';

/**
 * The reference data a fresh installation needs before anything else (ADR 0029): the unit levels
 * (which only the demo seed wrote before, so a database started without the demo could not create
 * its first unit), and the lists of program kinds, roster levels, fields of expertise and ethnic
 * groups. The rows are written here, as they stood when this migration shipped, not read from the
 * code's constants: a later edit of a default must not change what an old migration does. Every
 * row carries a version, so two administrators editing one entry cannot overwrite each other.
 */
export class Migration20261213000100ReferenceData extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE unit_level ADD COLUMN version integer NOT NULL DEFAULT 1');
    this.addSql(`
      INSERT INTO unit_level (code, rank, name_vi, name_en) VALUES
      ('province', 10, 'Tỉnh', 'Province'),
      ('district', 20, 'Huyện', 'District'),
      ('commune', 30, 'Xã, thị trấn', 'Commune / town'),
      ('village', 40, 'Thôn, bản, tổ dân phố', 'Village / hamlet')
      ON CONFLICT (code) DO NOTHING`);
    this.addSql(`
      CREATE TABLE reference_value (
        list varchar(40) NOT NULL
          CHECK (list IN ('program_kind', 'roster_level', 'expertise_field', 'ethnicity')),
        code varchar(40) NOT NULL CHECK (code ~ '^[a-z0-9_]+$'),
        rank integer NOT NULL,
        name_vi varchar(100) NOT NULL CHECK (length(btrim(name_vi)) > 0),
        name_en varchar(100) NOT NULL CHECK (length(btrim(name_en)) > 0),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (list, code)
      )`);
    this.addSql(`
      INSERT INTO reference_value (list, code, rank, name_vi, name_en) VALUES
      ('program_kind', 'party_awareness', 10, 'Bồi dưỡng nhận thức về Đảng', 'Awareness of the Party'),
      ('program_kind', 'new_member', 20, 'Lý luận chính trị cho đảng viên mới', 'Political theory for new members'),
      ('program_kind', 'elementary_theory', 30, 'Sơ cấp lý luận chính trị', 'Elementary political theory'),
      ('program_kind', 'knowledge_update', 40, 'Cập nhật kiến thức', 'Knowledge update'),
      ('program_kind', 'skills', 50, 'Bồi dưỡng nghiệp vụ', 'Skills training'),
      ('program_kind', 'resolution_study', 60, 'Học tập, quán triệt nghị quyết', 'Resolution study'),
      ('roster_level', 'central', 10, 'Báo cáo viên Trung ương', 'Central rapporteurs'),
      ('roster_level', 'province', 20, 'Báo cáo viên cấp tỉnh', 'Provincial rapporteurs'),
      ('roster_level', 'district', 30, 'Báo cáo viên cấp huyện', 'District rapporteurs'),
      ('roster_level', 'commune', 40, 'Báo cáo viên cấp xã', 'Commune rapporteurs'),
      ('roster_level', 'grassroots', 50, 'Tuyên truyền viên cơ sở', 'Grassroots propagandists'),
      ('expertise_field', 'party_building', 10, 'Xây dựng Đảng', 'Party building'),
      ('expertise_field', 'politics_ideology', 20, 'Chính trị, tư tưởng', 'Politics and ideology'),
      ('expertise_field', 'economy', 30, 'Kinh tế', 'Economy'),
      ('expertise_field', 'defence_security', 40, 'Quốc phòng, an ninh', 'Defence and security'),
      ('expertise_field', 'culture_society', 50, 'Văn hóa, xã hội', 'Culture and society'),
      ('expertise_field', 'ethnic_religious', 60, 'Dân tộc, tôn giáo', 'Ethnic and religious affairs'),
      ('expertise_field', 'law', 70, 'Pháp luật', 'Law'),
      ('expertise_field', 'foreign_affairs', 80, 'Đối ngoại', 'Foreign affairs'),
      ('expertise_field', 'other', 90, 'Lĩnh vực khác', 'Other'),
      ('ethnicity', 'kinh', 10, 'Kinh', 'Kinh'),
      ('ethnicity', 'tay', 20, 'Tày', 'Tày'),
      ('ethnicity', 'dao', 30, 'Dao', 'Dao'),
      ('ethnicity', 'nung', 40, 'Nùng', 'Nùng'),
      ('ethnicity', 'hmong', 50, 'H''Mông (Mông)', 'Hmong'),
      ('ethnicity', 'san_chay', 60, 'Sán Chay', 'San Chay'),
      ('ethnicity', 'hoa', 70, 'Hoa', 'Hoa (Chinese)'),
      ('ethnicity', 'other', 80, 'Dân tộc khác', 'Other')`);
  }

  override async down(): Promise<void> {
    this.addSql('DROP TABLE reference_value');
    this.addSql('ALTER TABLE unit_level DROP COLUMN version');
  }
}
