import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LocalizedText } from '@polcenter/domain';
import { packageFolder } from './static-files.js';

/** Files the server hands out that a build makes: absent in a clone until `pnpm build` (or `pnpm start`) ran. */
export interface BuiltAsset {
  readonly what: LocalizedText;
  readonly folder: string;
  /** A file the build always writes, to tell a finished build from none. */
  readonly entry: string;
}

export const WIDGET_BUNDLE: BuiltAsset = {
  what: { vi: 'bộ widget nhúng', en: 'the embeddable widget bundle' },
  folder: packageFolder('@polcenter/widgets', 'dist'),
  entry: 'pc-widgets.js',
};

export const CONSOLE_APP: BuiltAsset = {
  what: { vi: 'trang quản trị (console)', en: 'the staff console' },
  folder: packageFolder('@polcenter/console', 'dist'),
  entry: 'index.html',
};

/** What the server serves from builds, checked at start. */
export const BUILT_ASSETS: readonly BuiltAsset[] = [WIDGET_BUNDLE, CONSOLE_APP];

/**
 * One sentence saying that an asset is not built and what to run, or null when it is there.
 * Said at start and in place of the asset, never a silent 404.
 */
export function missingBuild(asset: BuiltAsset): LocalizedText | null {
  if (existsSync(path.join(asset.folder, asset.entry))) return null;
  return {
    vi: `Chưa dựng ${asset.what.vi}: hãy chạy \`pnpm build\` (hoặc dùng \`pnpm start\`, lệnh này dựng trước khi chạy) rồi khởi động lại.`,
    en: `${asset.what.en[0]?.toUpperCase()}${asset.what.en.slice(1)} is not built: run \`pnpm build\` (or use \`pnpm start\`, which builds before it runs), then start again.`,
  };
}
