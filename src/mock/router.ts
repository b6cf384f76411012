import type { MockRoute, MockService } from './types.js';

interface CompiledRoute {
  service: MockService;
  route: MockRoute;
  method: string;
  /** One entry per segment: a literal, or a parameter name. */
  segments: ({ literal: string } | { param: string })[];
}

export interface RouteMatch {
  service: MockService;
  route: MockRoute;
  params: Record<string, string>;
}

export type RouteLookup =
  | { kind: 'hit'; match: RouteMatch }
  /** The path matched a route, but not with this method (answered as a route miss, see Router.lookup). */
  | { kind: 'method-miss'; service: MockService }
  | { kind: 'miss' };

function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

function compile(service: MockService, route: MockRoute, prefix = ''): CompiledRoute {
  const segments = splitPath(prefix + route.path).map((s) => {
    const m = /^\{([^}]+)\}$/.exec(s);
    return m ? { param: m[1] as string } : { literal: s };
  });
  return { service, route, method: route.method.toUpperCase(), segments };
}

function safeDecode(segment: string): string {
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
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(service: MockService, routes: readonly MockRoute[], prefix = ''): void {
    for (const route of routes) this.routes.push(compile(service, route, prefix));
  }

  lookup(method: string, rawPath: string): RouteLookup {
    const parts = splitPath(rawPath);
    if (parts.some((p) => p === '')) return { kind: 'miss' };
    let best: { compiled: CompiledRoute; params: Record<string, string>; score: number[] } | undefined;
    let pathOnly: MockService | undefined;
    const upper = method.toUpperCase();
    for (const compiled of this.routes) {
      if (compiled.segments.length !== parts.length) continue;
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
        pathOnly ??= compiled.service;
        continue;
      }
      if (best === undefined || compareScores(score, best.score) > 0) best = { compiled, params, score };
    }
    if (best)
      return {
        kind: 'hit',
        match: { service: best.compiled.service, route: best.compiled.route, params: best.params },
      };
    if (pathOnly) return { kind: 'method-miss', service: pathOnly };
    return { kind: 'miss' };
  }
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
