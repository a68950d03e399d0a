import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Manifest {
  name: string;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
}

/** The workspace's packages by name, with their folders. */
function workspacePackages(): Map<string, { dir: string; manifest: Manifest }> {
  const found = new Map<string, { dir: string; manifest: Manifest }>();
  for (const group of ['apps', 'packages', 'tooling']) {
    for (const name of readdirSync(path.join(ROOT, group))) {
      const dir = path.join(ROOT, group, name);
      const file = path.join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      found.set(manifest.name, { dir, manifest });
    }
  }
  return found;
}

/**
 * The folders whose `src/` tsc builds into the `dist/` the CLI runs: the server and the workspace
 * packages it imports at run time, transitively (those exporting their build under `default`). The
 * console, portal and widget bundles it only serves as files are built in every mode.
 */
export function serverRuntimeFolders(): string[] {
  const all = workspacePackages();
  const folders: string[] = [];
  const visit = (name: string) => {
    const pkg = all.get(name);
    if (!pkg || folders.includes(pkg.dir)) return;
    folders.push(pkg.dir);
    for (const [dep, range] of Object.entries(pkg.manifest.dependencies ?? {})) {
      const exported = JSON.stringify(all.get(dep)?.manifest.exports ?? {});
      if (range.startsWith('workspace:') && exported.includes('./dist/index.js')) visit(dep);
    }
  };
  visit('@polcenter/server');
  return folders;
}

/** What tsc-p tsconfig.build.json leaves out (tooling/tsconfig/build.json). */
const unbuilt = (relative: string) =>
  relative.endsWith('.test.ts') || relative === 'testing.ts' || relative.startsWith(`testing${path.sep}`);

/**
 * Why the server's build cannot stand for its source (a module with no built file, or one edited
 * after it was built), or null when every module's `dist/` file is newer than its source.
 */
export function staleBuild(folders = serverRuntimeFolders()): string | null {
  for (const dir of folders) {
    const src = path.join(dir, 'src');
    for (const relative of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!relative.endsWith('.ts') || relative.endsWith('.d.ts') || unbuilt(relative)) continue;
      const built = path.join(dir, 'dist', relative.replace(/\.ts$/, '.js'));
      const shown = path.relative(ROOT, path.join(src, relative));
      if (!existsSync(built)) return `${shown} is not built`;
      if (statSync(built).mtimeMs < statSync(path.join(src, relative)).mtimeMs)
        return `${shown} changed after its build`;
    }
  }
  return null;
}
