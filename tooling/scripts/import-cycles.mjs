// @ts-check
// Finds value import cycles between the files of a package: builds the graph of relative imports
// (type-only imports left out, since they vanish at run time) and reports its strongly connected components.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import ts from 'typescript'

/**
 * The relative specifiers a module imports as values: `import ... from`, `export ... from`, side-effect imports
 * and dynamic `import('./x.js')`. Left out: `import type`, `export type`, and statements whose every named
 * specifier is `type X` (`import { type A, type B } from`), since TypeScript erases them.
 * @param {string} source the module's text
 * @param {string} [fileName] used only for TypeScript's parser (`.ts`, `.tsx`)
 * @returns {string[]}
 */
export function valueImportSpecifiers(source, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false)
  /** @type {string[]} */
  const found = []
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      if (ts.isStringLiteral(node.moduleSpecifier) && !isTypeOnlyImport(node)) found.push(node.moduleSpecifier.text)
      return
    }
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !isTypeOnlyExport(node)) found.push(node.moduleSpecifier.text)
      return
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found.filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
}

/**
 * @param {ts.ImportDeclaration} node
 * @returns {boolean}
 */
function isTypeOnlyImport(node) {
  const clause = node.importClause
  if (!clause) return false // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true
  if (clause.name) return false // a default import is a value
  const bindings = clause.namedBindings
  if (!bindings || ts.isNamespaceImport(bindings)) return false
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly)
}

/**
 * @param {ts.ExportDeclaration} node
 * @returns {boolean}
 */
function isTypeOnlyExport(node) {
  if (node.isTypeOnly) return true
  const clause = node.exportClause
  if (!clause || ts.isNamespaceExport(clause)) return false // `export * from`, `export * as x from`
  return clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly)
}

/**
 * The file a relative specifier names: `./x.js` is `./x.ts` on disk (or `.tsx`, or `./x/index.ts`).
 * Returns undefined for anything that is not a TypeScript file (JSON, assets).
 * @param {string} fromFile
 * @param {string} specifier
 * @returns {string | undefined}
 */
export function resolveRelativeImport(fromFile, specifier) {
  const target = resolve(dirname(fromFile), specifier)
  const base = target.replace(/\.(m|c)?js$/, '')
  const candidates = [`${base}.ts`, `${base}.tsx`, `${base}.mts`, target, join(target, 'index.ts')]
  return candidates.find((candidate) => /\.(m)?tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile())
}

/**
 * Every `.ts` file under a folder, `.d.ts` declarations excluded.
 * @param {string} directory
 * @returns {string[]}
 */
export function typeScriptFiles(directory) {
  if (!existsSync(directory)) return []
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path)
    return /\.(m)?tsx?$/.test(entry.name) && !/\.d\.(m)?ts$/.test(entry.name) ? [path] : []
  })
}

/**
 * The graph of value imports between the given files: each file maps to the files (of the same set) it imports.
 * @param {readonly string[]} files absolute paths
 * @returns {Map<string, string[]>}
 */
export function importGraph(files) {
  const known = new Set(files)
  /** @type {Map<string, string[]>} */
  const graph = new Map()
  for (const file of files) {
    const targets = valueImportSpecifiers(readFileSync(file, 'utf8'), file)
      .map((specifier) => resolveRelativeImport(file, specifier))
      .filter(/** @returns {target is string} */ (target) => target !== undefined && known.has(target))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/**
 * Tarjan's strongly connected components, iterative (a deep import chain cannot overflow the stack).
 * Returns only the components that hold a cycle: two or more nodes, or one node importing itself.
 * @template T
 * @param {ReadonlyMap<T, readonly T[]>} graph
 * @returns {T[][]}
 */
export function stronglyConnectedComponents(graph) {
  /** @type {Map<T, number>} */
  const index = new Map()
  /** @type {Map<T, number>} */
  const lowLink = new Map()
  /** @type {Set<T>} */
  const onStack = new Set()
  /** @type {T[]} */
  const stack = []
  /** @type {T[][]} */
  const components = []
  let counter = 0
  /** @param {T} node @returns {readonly T[]} */
  const next = (node) => graph.get(node) ?? []

  for (const root of graph.keys()) {
    if (index.has(root)) continue
    /** @type {{ node: T, edge: number }[]} */
    const work = [{ node: root, edge: 0 }]
    index.set(root, counter)
    lowLink.set(root, counter)
    counter += 1
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = /** @type {{ node: T, edge: number }} */ (work[work.length - 1])
      const edges = next(frame.node)
      if (frame.edge < edges.length) {
        const target = /** @type {T} */ (edges[frame.edge])
        frame.edge += 1
        if (!index.has(target)) {
          index.set(target, counter)
          lowLink.set(target, counter)
          counter += 1
          stack.push(target)
          onStack.add(target)
          work.push({ node: target, edge: 0 })
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(/** @type {number} */ (lowLink.get(frame.node)), /** @type {number} */ (index.get(target))))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent)
        lowLink.set(parent.node, Math.min(/** @type {number} */ (lowLink.get(parent.node)), /** @type {number} */ (lowLink.get(frame.node))))
      if (lowLink.get(frame.node) !== index.get(frame.node)) continue
      /** @type {T[]} */
      const component = []
      let member
      do {
        member = /** @type {T} */ (stack.pop())
        onStack.delete(member)
        component.push(member)
      } while (member !== frame.node)
      if (component.length > 1 || next(frame.node).includes(frame.node)) components.push(component.reverse())
    }
  }
  return components
}

/**
 * One concrete cycle inside a strongly connected component, for the error message: the shortest path (breadth
 * first) from the component's first node back to itself, through members of the component only.
 * @template T
 * @param {ReadonlyMap<T, readonly T[]>} graph
 * @param {readonly T[]} component
 * @returns {T[]} the cycle, starting and ending with the same node
 */
export function cycleThrough(graph, component) {
  const members = new Set(component)
  const start = /** @type {T} */ (component[0])
  /** @type {Map<T, T>} */
  const cameFrom = new Map()
  /** @type {T[]} */
  const queue = [start]
  for (let head = 0; head < queue.length; head += 1) {
    const node = /** @type {T} */ (queue[head])
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue
      if (target === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(/** @type {T} */ (cameFrom.get(/** @type {T} */ (path[0]))))
        return [...path, start]
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node)
        queue.push(target)
      }
    }
  }
  return [start, start]
}
