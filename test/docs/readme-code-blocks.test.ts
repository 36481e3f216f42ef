/**
 * Every README is checked by the suite: each ts/js block either is an example file (an `<!-- example: path -->`
 * comment above it; the block must equal the file, and `readme-examples.test.ts` runs the file against the emulator
 * and compares its printed lines) or is type-checked here against the packages' sources; each shell command names a
 * script or bin that exists; pnpm appears only as `npx -y pnpm@10`; no document holds a machine's absolute path; each
 * library README's first screen has its install line with the peer dependencies.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { codeBlocks, documents, REPO_ROOT, type CodeBlock } from './markdown-docs';

const DOCS = documents();
const BLOCKS = DOCS.flatMap(codeBlocks);
const where = (block: CodeBlock): string => `${block.doc}:${block.line}`;

interface WorkspacePackage {
  dir: string;
  name: string;
  scripts: Record<string, string>;
  bin: string[];
  peers: string[];
}

const WORKSPACE: WorkspacePackage[] = ['.', 'bench', 'test', ...['packages', 'examples'].flatMap((parent) => readdirSync(join(REPO_ROOT, parent)).map((d) => `${parent}/${d}`))]
  .filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')))
  .map((dir) => {
    const json = JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as {
      name: string;
      scripts?: Record<string, string>;
      bin?: string | Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const bin = typeof json.bin === 'string' ? [json.name.split('/').pop()!] : Object.keys(json.bin ?? {});
    const peers = Object.keys(json.peerDependencies ?? {}).filter((peer) => !json.peerDependenciesMeta?.[peer]?.optional);
    return { dir, name: json.name, scripts: json.scripts ?? {}, bin, peers };
  });
const ROOT = WORKSPACE.find((pkg) => pkg.dir === '.')!;
const ROOT_BINS = new Set(readdirSync(join(REPO_ROOT, 'node_modules', '.bin')));
const PNPM_BUILTINS = new Set(['install', 'i', 'add', 'exec', 'dlx', 'why', 'list', 'ls', 'pack', 'publish']);

/** The workspace packages a pnpm `--filter` selects (a name or a name glob). */
function filtered(filter: string): WorkspacePackage[] {
  const pattern = new RegExp(`^${filter.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return WORKSPACE.filter((pkg) => pattern.test(pkg.name));
}

/** Problems of one shell command (`npx -y pnpm@10 …`, `npx <bin>`, `node <file>`, a script path). */
function commandProblems(command: string): string[] {
  const words = command.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  if (words[0] === 'pnpm') return [`"${command.trim()}": pnpm is run as npx -y pnpm@10`];
  if (words[0] === 'npx' && words[1] === '-y' && words[2] === 'pnpm@10') {
    let packages = [ROOT];
    let i = 3;
    for (; i < words.length && words[i]!.startsWith('-'); i += 1) {
      const filter = words[i]!.startsWith('--filter=') ? words[i]!.slice('--filter='.length) : words[i] === '--filter' ? words[++i]! : undefined;
      if (filter !== undefined) packages = filtered(filter);
    }
    let script = words[i];
    if (script === undefined || PNPM_BUILTINS.has(script)) return [];
    if (script === 'run') script = words[i + 1];
    if (packages.length === 0) return [`"${command.trim()}": the filter selects no workspace package`];
    if (script && (ROOT_BINS.has(script) || packages.every((pkg) => script! in pkg.scripts))) return [];
    return [`"${command.trim()}": no script or bin "${script}" in ${packages.map((pkg) => pkg.name).join(', ')}`];
  }
  if (words[0] === 'npx') {
    const bin = words.slice(1).find((word) => !word.startsWith('-'))!;
    if (ROOT_BINS.has(bin) || WORKSPACE.some((pkg) => pkg.name === bin && pkg.bin.length > 0) || WORKSPACE.some((pkg) => pkg.bin.includes(bin))) return [];
    return [`"${command.trim()}": npx names "${bin}", which is neither a bin of the workspace's tools nor a workspace package's bin`];
  }
  if (words[0] === 'node') {
    const file = words.slice(1).find((word) => !word.startsWith('-'));
    if (!file) return [];
    if (existsSync(join(REPO_ROOT, file))) return [];
    // A build output: the package it belongs to must have a build script.
    const dist = /^(packages|examples)\/([^/]+)\/dist\//.exec(file);
    if (dist && WORKSPACE.some((pkg) => pkg.dir === `${dist[1]}/${dist[2]}` && 'build' in pkg.scripts)) return [];
    return [`"${command.trim()}": ${file} does not exist (nor is it a package's build output)`];
  }
  if (/^(\.\/)?scripts\//.test(words[0]!) && !existsSync(join(REPO_ROOT, words[0]!))) return [`"${command.trim()}": ${words[0]} does not exist`];
  if (/^(\.\/)?scripts\//.test(words[0]!)) return commandProblems(words.slice(1).join(' '));
  return [];
}

/** The commands of a shell block: continuation lines joined, comments dropped, split at `&&`, `||`, `;` and `|`. */
function shellCommands(code: string): string[] {
  return code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(/&&|\|\||;|\|/));
}

describe('README code blocks', () => {
  it('finds the documents and their blocks', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'packages/bedrock-pool/README.md', 'bench/README.md', 'test/README.md']));
    expect(BLOCKS.filter((block) => block.lang === 'ts').length).toBeGreaterThan(10);
  });

  it('hold no absolute path of a machine (/work, /root, /home, /Users)', () => {
    const found = DOCS.flatMap((doc) =>
      readFileSync(join(REPO_ROOT, doc), 'utf8')
        .split('\n')
        .flatMap((line, index) => (/(^|[\s`'"(=:])\/(work|root|home|Users)\//.test(line) ? [`${doc}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('run pnpm only as npx -y pnpm@10 (blocks and inline code)', () => {
    const bare = /(^|[^@\w/.-])pnpm(?![\w@.-])/;
    const found = DOCS.flatMap((doc) => {
      const text = readFileSync(join(REPO_ROOT, doc), 'utf8');
      const inline = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!).filter((span) => bare.test(span.replace(/npx -y pnpm@10/g, '')));
      const inBlocks = codeBlocks(doc)
        .filter((block) => ['sh', 'bash', 'shell', ''].includes(block.lang))
        .flatMap((block) => block.code.split('\n').filter((line) => bare.test(line.replace(/(^|\s)#.*$/, '').replace(/npx -y pnpm@10/g, ''))));
      return [...inline, ...inBlocks].map((snippet) => `${doc}: ${snippet.trim()}`);
    });
    expect(found).toEqual([]);
  });

  it('name only scripts, bins and files that exist in their shell commands', () => {
    const problems = BLOCKS.filter((block) => ['sh', 'bash', 'shell'].includes(block.lang)).flatMap((block) =>
      shellCommands(block.code).flatMap((command) => commandProblems(command).map((problem) => `${where(block)}: ${problem}`)),
    );
    expect(problems).toEqual([]);
  });

  it('equal their example file where an example comment names one', () => {
    const examples = BLOCKS.filter((block) => block.example !== undefined);
    expect(examples.length).toBeGreaterThan(0);
    for (const block of examples) {
      const file = join(REPO_ROOT, dirname(block.doc), block.example!);
      expect({ at: where(block), exists: existsSync(file) }).toEqual({ at: where(block), exists: true });
      expect({ at: where(block), code: block.code.trim() }).toEqual({ at: where(block), code: readFileSync(file, 'utf8').trim() });
    }
  });

  it('type-check against the packages\' sources, where they are not an example file', () => {
    const problems = typeCheckBlocks(BLOCKS.filter((block) => ['ts', 'typescript'].includes(block.lang) && block.example === undefined));
    expect(problems).toEqual([]);
  }, 180_000);
});

/**
 * Type-checks README blocks as modules placed beside their README (so imports resolve from that package), with the
 * workspace packages mapped to their sources. A block may be a fragment: a name it uses without declaring is imported
 * from the workspace package (or the Bedrock Runtime SDK) that exports it, so calls on it are checked against the
 * real types; any other undeclared name (the host's `flowId`, `node`) is declared as `any`. Everything else must
 * check: imports, export names, option names, argument types.
 */
function typeCheckBlocks(blocks: CodeBlock[]): string[] {
  const paths: Record<string, string[]> = {};
  for (const pkg of WORKSPACE) if (existsSync(join(REPO_ROOT, pkg.dir, 'src', 'index.ts'))) paths[pkg.name] = [join(REPO_ROOT, pkg.dir, 'src', 'index.ts')];
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    strict: true,
    // Fragments leave parameter types to their context (an adapter's methods, a callback).
    noImplicitAny: false,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(REPO_ROOT, 'node_modules', '@types'), join(REPO_ROOT, 'test', 'node_modules', '@types')],
    paths,
  };
  const SDK = '@aws-sdk/client-bedrock-runtime';
  const sdkIndex = join(REPO_ROOT, 'packages', 'bedrock-pool', '__sdk_exports.ts');
  const check = (sources: Map<string, string>): { program: ts.Program; diagnostics: Map<string, ts.Diagnostic[]> } => {
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (file) => sources.has(file) || fileExists.call(host, file);
    host.readFile = (file) => (sources.has(file) ? sources.get(file)! : readFile.call(host, file));
    host.getSourceFile = (file, language, ...rest) => (sources.has(file) ? ts.createSourceFile(file, sources.get(file)!, language, true) : getSourceFile.call(host, file, language, ...rest));
    const program = ts.createProgram([...sources.keys(), ...Object.values(paths).flat()], options, host);
    return { program, diagnostics: new Map([...sources.keys()].map((file) => [file, [...ts.getPreEmitDiagnostics(program, program.getSourceFile(file))]])) };
  };
  const files = new Map(blocks.map((block) => [join(REPO_ROOT, dirname(block.doc), `__readme_block_${block.line}.ts`), block]));
  const first = check(new Map([...[...files].map(([file, block]) => [file, block.code] as const), [sdkIndex, `export * from '${SDK}';`]]));
  // Who exports what: each workspace package's index, and the SDK.
  const checker = first.program.getTypeChecker();
  const exporter = new Map<string, string>();
  const exportsOf = (file: string, module: string): void => {
    const source = first.program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    for (const exported of symbol ? checker.getExportsOfModule(symbol) : []) if (!exporter.has(exported.name)) exporter.set(exported.name, module);
  };
  for (const [name, [index]] of Object.entries(paths)) exportsOf(index!, name);
  exportsOf(sdkIndex, SDK);

  const UNDECLARED = new Set([2304, 18004, 2552]);
  const preambles = new Map<string, string>();
  for (const [file, block] of files) {
    const names = new Set<string>();
    for (const diagnostic of first.diagnostics.get(file)!) {
      if (!UNDECLARED.has(diagnostic.code)) continue;
      const name = /'([\w$]+)'/.exec(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))?.[1];
      if (name) names.add(name);
    }
    const lines = [...names].map((name) => (exporter.has(name) ? `import { ${name} } from '${exporter.get(name)}';` : `declare const ${name}: any;`));
    preambles.set(file, lines.length ? `${lines.join(' ')}\n` : '');
    void block;
  }
  const second = check(new Map([...files].map(([file, block]) => [file, `${preambles.get(file)}${block.code}`] as const)));
  return [...files].flatMap(([file, block]) => {
    const offset = preambles.get(file) ? 1 : 0;
    return second.diagnostics.get(file)!.map((diagnostic) => {
      const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - offset : 0;
      return `${block.doc}:${block.line + 1 + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0]}`;
    });
  });
}

describe('library READMEs', () => {
  const LIBRARIES = ['bedrock-pool', 'component', 'converse', 'model', 'embeddings'];
  it.each(LIBRARIES)('%s: the first screen has the install line with the required peer dependencies', (dir) => {
    const pkg = WORKSPACE.find((candidate) => candidate.dir === `packages/${dir}`)!;
    const firstScreen = readFileSync(join(REPO_ROOT, 'packages', dir, 'README.md'), 'utf8').split('\n').slice(0, 40);
    const install = firstScreen.find((line) => line.trim().startsWith(`npm install ${pkg.name}`));
    expect({ package: pkg.name, install }).toEqual({ package: pkg.name, install: expect.any(String) });
    const words = install!.trim().split(/\s+/);
    expect(pkg.peers.filter((peer) => !words.includes(peer))).toEqual([]);
  });
});
