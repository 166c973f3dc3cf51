import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every drchrono endpoint + method Frontdesk's main side calls, read from the code with the
 * TypeScript checker: each call of `get`/`list`/`create`/`patch`/`put`/`remove`/`request` on a
 * `DrchronoClient`, with its path argument evaluated to path templates (`/api/x/:id`). Paths built
 * in helpers (`recordPath(resource, id)`) or passed in as parameters are followed to their
 * literals through the types (a union of string literals) and the call sites. A call whose path
 * cannot be told is reported, not guessed: new code must keep its endpoints visible.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ClientCall {
  method: HttpMethod;
  /** `/api/appointments/:id`: query and trailing slash dropped, interpolations as `:id`. */
  path: string;
  /** `electron/sync/appointment-cache.ts:181` */
  site: string;
}

export interface ClientCallScan {
  calls: ClientCall[];
  /** Call sites whose path or method could not be evaluated. */
  unresolved: string[];
  /** Clients wrapping a client (`get(path, …) { return inner.get(path, …) }`): not calls of their own. */
  forwarders: string[];
}

const methodOf: Record<string, HttpMethod | null> = {
  get: 'GET',
  list: 'GET',
  create: 'POST',
  patch: 'PATCH',
  put: 'PUT',
  remove: 'DELETE',
  request: null,
};
const clientMethods = Object.keys(methodOf);

/** Source files of the main side and shared code (the sandbox is drchrono, not a client). */
function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'sandbox' || entry.name === 'testing') continue;
        walk(path);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(path);
    }
  };
  walk(join(root, 'electron'));
  walk(join(root, 'shared'));
  return out;
}

function isClientType(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.getSymbol()?.getName() === 'DrchronoClient') return true;
  if (type.aliasSymbol?.getName() === 'DrchronoClient') return true;
  const props = new Set(checker.getPropertiesOfType(type).map((p) => p.getName()));
  return clientMethods.every((m) => props.has(m));
}

export function scanClientCalls(root: string): ClientCallScan {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = sourceFiles(root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const ours = program
    .getSourceFiles()
    .filter((f) => files.includes(f.fileName) || files.includes(join(f.fileName)));

  // Every call expression of our code, for following a parameter back to its arguments.
  const allCalls: ts.CallExpression[] = [];
  for (const file of ours) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) allCalls.push(node);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const symbolOf = (node: ts.Node): ts.Symbol | undefined => {
    const s = checker.getSymbolAtLocation(node);
    return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  };

  const literalValues = (node: ts.Expression): string[] | null => {
    const type = checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    const values: string[] = [];
    for (const t of parts) {
      if (!t.isStringLiteral()) return null;
      values.push(t.value);
    }
    return values.length > 0 ? values : null;
  };

  const functionOf = (decl: ts.Declaration): ts.SignatureDeclaration | undefined => {
    if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
    if (
      ts.isVariableDeclaration(decl) &&
      decl.initializer &&
      (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))
    )
      return decl.initializer;
    return undefined;
  };

  const returned = (fn: ts.SignatureDeclaration): ts.Expression | undefined => {
    const body = (fn as { body?: ts.Node }).body;
    if (!body) return undefined;
    if (!ts.isBlock(body)) return body as ts.Expression;
    const returns = body.statements.filter(ts.isReturnStatement);
    return returns.length === 1 ? returns[0]?.expression : undefined;
  };

  /** The values a parameter takes, from the arguments at every call of its function. */
  const fromCallSites = (param: ts.ParameterDeclaration, depth: number): string[] | null => {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const name = ts.isFunctionDeclaration(fn)
      ? fn.name
      : ts.isVariableDeclaration(fn.parent)
        ? fn.parent.name
        : undefined;
    if (!name || index < 0) return null;
    const fnSymbol = symbolOf(name);
    if (!fnSymbol) return null;
    const values: string[] = [];
    let found = 0;
    for (const c of allCalls) {
      if (symbolOf(c.expression) !== fnSymbol) continue;
      const arg = c.arguments[index];
      if (!arg) return null;
      const v = evaluate(arg, depth + 1);
      if (v === null) return null;
      values.push(...v);
      found++;
    }
    return found > 0 ? values : null;
  };

  /** Path templates an expression may be; null when it cannot be told. */
  function evaluate(node: ts.Expression, depth = 0): string[] | null {
    if (depth > 12) return null;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))
      return evaluate(node.expression, depth + 1);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node)) {
      let acc = [node.head.text];
      for (const span of node.templateSpans) {
        const inner = evaluate(span.expression, depth + 1) ?? [':id'];
        acc = acc.flatMap((a) => inner.map((v) => `${a}${v}${span.literal.text}`));
      }
      return acc;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = evaluate(node.left, depth + 1);
      const r = evaluate(node.right, depth + 1);
      return l && r ? l.flatMap((a) => r.map((b) => a + b)) : null;
    }
    if (ts.isConditionalExpression(node)) {
      const a = evaluate(node.whenTrue, depth + 1);
      const b = evaluate(node.whenFalse, depth + 1);
      return a && b ? [...a, ...b] : null;
    }
    const literals = literalValues(node);
    if (literals) return literals;
    if (ts.isIdentifier(node)) {
      const decl = symbolOf(node)?.valueDeclaration;
      if (!decl) return null;
      if (ts.isVariableDeclaration(decl) && decl.initializer)
        return evaluate(decl.initializer, depth + 1);
      if (ts.isParameter(decl)) return fromCallSites(decl, depth);
      return null;
    }
    if (ts.isCallExpression(node)) {
      const decl = symbolOf(node.expression)?.valueDeclaration;
      const fn = decl ? functionOf(decl) : undefined;
      const body = fn ? returned(fn) : undefined;
      return body ? evaluate(body, depth + 1) : null;
    }
    return null;
  }

  /** `get(path, …) { return inner.get(path, …) }` in a wrapper client: it adds no endpoint. */
  const forwards = (call: ts.CallExpression, name: string): boolean => {
    const arg = call.arguments[0];
    const decl = arg && ts.isIdentifier(arg) ? symbolOf(arg)?.valueDeclaration : undefined;
    if (!decl || !ts.isParameter(decl)) return false;
    const fn = decl.parent;
    const owner = ts.isMethodDeclaration(fn) ? fn : fn.parent;
    const ownerName =
      ts.isMethodDeclaration(owner) || ts.isPropertyAssignment(owner)
        ? owner.name.getText()
        : undefined;
    return ownerName === name;
  };

  const normalize = (path: string): string =>
    path
      .replace(/\?.*$/, '')
      .replace(/(.)\/$/, '$1')
      .replace(/\/:id(?=\/|$)/g, '/:id');

  const calls: ClientCall[] = [];
  const unresolved: string[] = [];
  const forwarders: string[] = [];
  for (const file of ours) {
    const visit = (node: ts.Node): void => {
      ts.forEachChild(node, visit);
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const name = node.expression.name.text;
      if (!clientMethods.includes(name)) return;
      if (!isClientType(checker.getTypeAtLocation(node.expression.expression), checker)) return;
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      const site = `${relative(root, file.fileName)}:${String(line + 1)}`;
      if (forwards(node, name)) {
        forwarders.push(site);
        return;
      }
      let method = methodOf[name] ?? null;
      let pathArg = node.arguments[0];
      if (name === 'request') {
        const arg = node.arguments[0];
        const props = arg && ts.isObjectLiteralExpression(arg) ? arg.properties : undefined;
        const prop = (key: string) =>
          props?.find(
            (p): p is ts.PropertyAssignment =>
              ts.isPropertyAssignment(p) && p.name.getText() === key,
          )?.initializer;
        const m = prop('method');
        const mv = m ? evaluate(m) : null;
        method = mv?.length === 1 ? (mv[0] as HttpMethod) : null;
        pathArg = prop('path');
      }
      const paths = pathArg ? evaluate(pathArg) : null;
      if (!method || !paths || paths.some((p) => !p.startsWith('/api/'))) {
        unresolved.push(site);
        return;
      }
      for (const path of paths) calls.push({ method, path: normalize(path), site });
    };
    visit(file);
  }
  return { calls, unresolved, forwarders };
}
