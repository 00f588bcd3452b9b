/**
 * Where the package's own files are. The same code runs from src/ (jest) and from dist/src/ (built),
 * so paths are found by walking up to package.json rather than by a fixed number of `..`.
 */
import fs from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/** The nearest directory at or above `from` that holds package.json. */
export function packageRoot(from?: string): string {
  if (!from && root) return root;
  const start = from ?? __dirname;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      if (!from) root = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** rules/: lexicons and rule templates. */
export function rulesDir(): string {
  return path.join(packageRoot(), 'rules');
}
