import type { MockRoute } from './types.js';

interface CompiledRoute<O> {
  /** Whoever registered the route (the service, for the public router). */
  owner: O;
  route: MockRoute;
  method: string;
  /** One entry per segment: a literal, or a parameter name. */
  segments: ({ literal: string } | { param: string })[];
}

export interface RouteMatch<O> {
  owner: O;
  route: MockRoute;
  params: Record<string, string>;
}

export type RouteLookup<O> =
  | { kind: 'hit'; match: RouteMatch<O> }
  /** The path matched a route, but not with this method (answered as a route miss, see Router.lookup). */
  | { kind: 'method-miss' }
  | { kind: 'miss' };

/** The path's segments, leading and trailing slashes ignored (a scan instead of two regex replaces: hot path). */
function splitPath(path: string): string[] {
  let start = 0;
  let end = path.length;
  while (start < end && path.charCodeAt(start) === 47) start++;
  while (end > start && path.charCodeAt(end - 1) === 47) end--;
  return start === end ? [] : path.slice(start, end).split('/');
}

function compile<O>(owner: O, route: MockRoute): CompiledRoute<O> {
  const segments = splitPath(route.path).map((s) => {
    const m = /^\{([^}]+)\}$/.exec(s);
    return m ? { param: m[1] as string } : { literal: s };
  });
  return { owner, route, method: route.method.toUpperCase(), segments };
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment; // nothing to decode
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Path router. Precedence: a literal segment beats a `{param}` segment at the first position where two candidate
 * routes differ (DSC `task-templates` over `{type}`, DataArts `create`/`search` over `{task_id}`); among equals the
 * first registered wins. A trailing slash is ignored. Empty segments never match a parameter.
 */
export class Router<O> {
  /**
   * The routes grouped by segment count, in registration order: a lookup only looks at routes of the path's
   * length, and rejects a route on its first differing literal before allocating anything.
   */
  private readonly byLength = new Map<number, CompiledRoute<O>[]>();

  add(owner: O, routes: readonly MockRoute[]): void {
    for (const route of routes) {
      const compiled = compile(owner, route);
      const group = this.byLength.get(compiled.segments.length);
      if (group) group.push(compiled);
      else this.byLength.set(compiled.segments.length, [compiled]);
    }
  }

  lookup(method: string, rawPath: string): RouteLookup<O> {
    const parts = splitPath(rawPath);
    if (parts.some((p) => p === '')) return { kind: 'miss' };
    let best: { compiled: CompiledRoute<O>; params: Record<string, string>; score: number[] } | undefined;
    let pathOnly = false;
    const upper = method.toUpperCase();
    for (const compiled of this.byLength.get(parts.length) ?? []) {
      if (!literalsMatch(compiled, parts)) continue;
      const params: Record<string, string> = {};
      const score: number[] = [];
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = compiled.segments[i]!;
        const part = parts[i]!;
        if ('literal' in seg) {
          if (seg.literal !== part) {
            ok = false;
            break;
          }
          score.push(1);
        } else {
          params[seg.param] = safeDecode(part);
          score.push(0);
        }
      }
      if (!ok) continue;
      if (compiled.method !== upper) {
        pathOnly = true;
        continue;
      }
      if (best === undefined || compareScores(score, best.score) > 0) best = { compiled, params, score };
    }
    if (best)
      return {
        kind: 'hit',
        match: { owner: best.compiled.owner, route: best.compiled.route, params: best.params },
      };
    if (pathOnly) return { kind: 'method-miss' };
    return { kind: 'miss' };
  }
}

/** Whether every literal segment of `compiled` equals the path part at its position (same length assumed). */
function literalsMatch(compiled: CompiledRoute<unknown>, parts: string[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    const seg = compiled.segments[i] as { literal?: string };
    if (seg.literal !== undefined && seg.literal !== parts[i]) return false;
  }
  return true;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
