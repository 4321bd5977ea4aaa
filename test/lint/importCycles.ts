import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Every TypeScript file under `dir`, as absolute paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

// A relative specifier as the project writes it (`./x.ts`), or as TS also resolves it
// (`./x`, `./x.js`, `./dir` with an index).
function resolveSpecifier(from: string, specifier: string, known: Set<string>): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.(m|c)?js$/, '.$1ts'),
    base.replace(/\.jsx$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/**
 * The import graph of the TypeScript files under `root`: every static, type-only,
 * re-export and dynamic import of a relative path counts, since a type-only circle is
 * still two modules that cannot be understood apart.
 */
export function importGraph(root: string): Map<string, string[]> {
  const files = sourceFiles(root);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolveSpecifier(file, name, known))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The import cycles under `root`, one per strongly connected group of files, each
 * written as a path `a.ts -> b.ts -> a.ts` relative to `root`. Empty when there are none.
 */
export function findImportCycles(root: string): string[] {
  const graph = importGraph(root);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;

  // Tarjan's algorithm, with an explicit stack so deep graphs cannot overflow.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (group.length > 1 || selfLoop) groups.push(group);
      }
    }
  }
  return groups.map((group) => describeCycle(graph, new Set(group), root));
}

// One concrete circle through the group, found by a breadth-first walk back to its start.
function describeCycle(graph: Map<string, string[]>, group: Set<string>, root: string): string {
  const start = [...group].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  let closing: string | null = null;
  while (queue.length > 0 && closing === null) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!group.has(target)) continue;
      if (target === start) {
        closing = node;
        break;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  const path = [start];
  for (let node = closing; node !== null && node !== start; node = previous.get(node) ?? null)
    path.splice(1, 0, node);
  path.push(start);
  return path.map((file) => relative(root, file).split('\\').join('/')).join(' -> ');
}
