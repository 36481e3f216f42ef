import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Why a path was refused; `problem` is shown to the flow author (it never names the host's directories). */
export class FilePathRefusal {
  constructor(readonly problem: string) {}
}

/** A path resolved inside an allowed directory: its real location and size. */
export interface AllowedFile {
  realPath: string;
  size: number;
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/**
 * Resolves a flow author's file path inside the directories the operator allows (`ComponentContext.fileRoots`).
 * Refused: no roots configured; a NUL byte; any `..` segment; an absolute path outside every root; a path whose real
 * location (symlinks followed) leaves its root; anything but a regular file. A relative path is tried under each root
 * in order (Langflow stores uploads as `<flow id>/<file name>` under its storage directory).
 * Why by hand: the check is four `node:path` / `fs.realpath` calls; no library adds to that.
 */
export async function resolveAllowedFile(path: string, roots: readonly string[] | undefined): Promise<AllowedFile | FilePathRefusal> {
  if (!roots || roots.length === 0) {
    return new FilePathRefusal('is a file path, but this host allows no file paths (the operator sets the allowed directories, fileRoots)');
  }
  if (path.includes('\0')) return new FilePathRefusal('is a file path with a NUL byte');
  if (path.split(/[\\/]/).includes('..')) return new FilePathRefusal('is a file path with a ".." segment');
  const candidates = isAbsolute(path) ? [resolve(path)] : roots.map((root) => join(resolve(root), path));
  for (const candidate of candidates) {
    for (const root of roots) {
      let realRoot: string;
      try {
        realRoot = await realpath(resolve(root));
      } catch {
        continue;
      }
      if (!inside(resolve(root), candidate) && !inside(realRoot, candidate)) continue;
      let realPath: string;
      try {
        realPath = await realpath(candidate);
      } catch {
        continue;
      }
      // The real location decides: a symlink inside the root that points outside it is refused.
      if (!inside(realRoot, realPath)) return new FilePathRefusal('is a file path that leads outside the directories this host allows (through a link)');
      const info = await stat(realPath);
      if (!info.isFile()) return new FilePathRefusal('is a file path that is not a regular file');
      return { realPath, size: info.size };
    }
  }
  if (isAbsolute(path)) return new FilePathRefusal('is an absolute file path outside the directories this host allows');
  return new FilePathRefusal('is a file path that does not exist in the directories this host allows');
}
