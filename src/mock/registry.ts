/**
 * The registered services of one engine: built from their factories (a later one of the same name replaces an
 * earlier), indexed for routing (REST by method and path, RPC by action), and saved or restored together.
 */
import type { CredentialStore } from './credentials.js';
import { renderError } from './gateways.js';
import type { Prepared } from './render.js';
import { Router } from './router.js';
import type {
  MockGateway,
  MockRequest,
  MockResponse,
  MockRoute,
  MockService,
  MockServiceFactory,
  RpcProtocol,
  ServiceContext,
} from './types.js';

/** An RPC service with its routes by action. */
export interface RpcEntry {
  service: MockService;
  protocol: RpcProtocol;
  byAction: Map<string, MockRoute[]>;
}

/** Where routing led: a route of a service, or the answer to a miss (and which service, if any, gave it). */
export type Routed =
  | { service: MockService; route: MockRoute; params: Record<string, string> }
  | { missedBy: MockService | undefined; res: MockResponse };

export class ServiceRegistry {
  readonly list: MockService[] = [];
  /** Seed routes of every service under `/__mock/<service>/` (the engine adds its own). */
  readonly controlRouter = new Router<null>();
  /** The service holding the credential store; its state is saved as `MockSnapshot.accounts`. */
  readonly credentialHolder: MockService;
  readonly credentials: CredentialStore;
  /** Answers requests that reach no RPC service: the gateway of the first REST service. */
  readonly restGateway: MockGateway;
  private readonly router = new Router<MockService>();
  private readonly rpc: RpcEntry[] = [];

  constructor(factories: readonly MockServiceFactory[], ctx: () => ServiceContext) {
    for (const factory of factories) {
      const service = factory(ctx());
      const existing = this.list.findIndex((s) => s.name === service.name);
      if (existing >= 0) this.list[existing] = service;
      else this.list.push(service);
    }
    for (const service of this.list) {
      const { protocol } = service;
      if (protocol.style === 'rpc') {
        const byAction = new Map<string, MockRoute[]>();
        for (const route of service.routes) {
          byAction.set(route.operation, [...(byAction.get(route.operation) ?? []), route]);
        }
        this.rpc.push({ service, protocol, byAction });
      } else this.router.add(service, service.routes);
      this.controlRouter.add(
        null,
        service.controlRoutes.map((r) =>
          r.path.startsWith('/__mock/') ? r : { ...r, path: `/__mock/${service.name}${r.path}` },
        ),
      );
    }
    const holder = this.list.find((s) => s.credentials !== undefined);
    if (holder?.credentials === undefined) throw new Error('createMock: no service provides the credential store');
    this.credentialHolder = holder;
    this.credentials = holder.credentials;
    const rest = this.list.find((s) => s.protocol.style === 'rest') ?? this.list[0];
    if (rest === undefined) throw new Error('createMock: no service registered');
    this.restGateway = rest.gateway;
  }

  names(): string[] {
    return this.list.map((s) => s.name);
  }

  /**
   * The gateway in front of a request that could not be parsed far enough to route: an RPC service's when it targets
   * `/` and names an action (header or query), else the REST services'.
   */
  gatewayFor(target: string, namesAction: boolean): MockGateway {
    const rpc = this.rpc[0];
    const atRoot = target === '/' || target.startsWith('/?');
    const action = namesAction || /[?&]Action=/.test(target);
    return rpc !== undefined && atRoot && action ? rpc.service.gateway : this.restGateway;
  }

  /** The RPC service a request at `/` names by its action (the first that recognises one), and that action. */
  claim(path: string, headers: Headers, query: URLSearchParams): { rpc: RpcEntry; action: string } | undefined {
    if (path !== '/') return undefined;
    for (const rpc of this.rpc) {
      const action = rpc.protocol.actionOf(headers, query);
      if (action !== null) return { rpc, action };
    }
    return undefined;
  }

  /** Routes a prepared request: by action for a claimed RPC request, else by method and path. */
  route(p: Prepared, claim: { rpc: RpcEntry; action: string } | undefined, bare: MockRequest): Routed {
    if (claim) {
      const { service, protocol, byAction } = claim.rpc;
      const candidates = byAction.get(claim.action);
      const version = protocol.versionOf(p.headers, p.url.searchParams);
      if (candidates === undefined || version !== protocol.version) {
        const answer = protocol.unknownAction(claim.action, version, candidates !== undefined);
        return { missedBy: service, res: renderError(service, answer, bare) };
      }
      const route = candidates.find((r) => r.method.toUpperCase() === p.method) ?? (candidates[0] as MockRoute);
      return { service, route, params: {} };
    }
    const found = this.router.lookup(p.method, p.path);
    if (found.kind === 'hit')
      return { service: found.match.owner, route: found.match.route, params: found.match.params };
    const { status, code, message } = this.restGateway.routeMiss;
    return { missedBy: undefined, res: this.restGateway.errorResponse(status, code, message, bare) };
  }

  /** Each service's state: the credential holder's as `accounts`, the others' by name. */
  snapshot(): { accounts: unknown; services: Record<string, unknown> } {
    const services: Record<string, unknown> = {};
    for (const service of this.list) {
      if (service !== this.credentialHolder) services[service.name] = service.snapshot();
    }
    return { accounts: this.credentialHolder.snapshot(), services };
  }

  /** Restores {@link ServiceRegistry.snapshot}; a service missing from `services` is reset. */
  restore(accounts: unknown, services: Record<string, unknown>): void {
    this.credentialHolder.restore(accounts);
    for (const service of this.list) {
      if (service === this.credentialHolder) continue;
      if (service.name in services) service.restore(services[service.name]);
      else service.reset();
    }
  }
}
