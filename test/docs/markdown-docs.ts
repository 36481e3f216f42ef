import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (this file lives in `test/docs/`). */
export const REPO_ROOT = join(__dirname, '..', '..');

/** One fenced code block of a Markdown document. */
export interface CodeBlock {
  /** Document path relative to the repository root. */
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's language (`ts`, `sh`, …), `''` when none. */
  lang: string;
  code: string;
  /** Path named by an `<!-- example: path -->` comment right above the fence (relative to the document), if any. */
  example?: string;
}

/** Every README the suite checks: the root, CONTRIBUTING, packages/*, examples/*, bench and test. */
export function documents(): string[] {
  const docs = ['README.md', 'CONTRIBUTING.md', 'bench/README.md', 'test/README.md', 'examples/README.md'];
  for (const parent of ['packages', 'examples']) {
    for (const entry of readdirSync(join(REPO_ROOT, parent))) docs.push(`${parent}/${entry}/README.md`);
  }
  return docs.filter((doc) => existsSync(join(REPO_ROOT, doc)));
}

/** The fenced blocks of a document, with the `<!-- example: … -->` marker that precedes a block, if any. */
export function codeBlocks(doc: string): CodeBlock[] {
  const lines = readFileSync(join(REPO_ROOT, doc), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)```+\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^\s*```+\s*$/.test(lines[i]!); i += 1) body.push(lines[i]!);
    const marker = /^<!--\s*example:\s*(\S+)\s*-->$/.exec((lines[start - 1] ?? '').trim()) ?? /^<!--\s*example:\s*(\S+)\s*-->$/.exec((lines[start - 2] ?? '').trim());
    blocks.push({ doc, line: start + 1, lang: open[2]!, code: body.join('\n'), ...(marker ? { example: marker[1]! } : {}) });
  }
  return blocks;
}

/** `path` relative to the repository root. */
export function fromRoot(path: string): string {
  return relative(REPO_ROOT, path);
}
