/**
 * Where a command's configuration comes from, in order: explicit flags, then environment variables (the SDK's own
 * credential variables, `METACOLLECT_*` for the rest), then profiles (KooCLI's for DSC and DataArts, the Alibaba
 * CLI's for DataWorks; an explicit `--profile` wins over the environment's keys). Against a metacollect mock with
 * no credentials configured, the mock's default account (`GET /__mock/defaults`).
 */
import {
  type AlibabaAuthConfig,
  DataArtsCatalogClient,
  DataWorksClient,
  DscClient,
  type HuaweiAuthConfig,
  type Logger,
} from '../index.js';
import { UsageError } from './exit.js';
import { readAliyunProfile, readKooCliProfile } from './profiles.js';

/** The options every command accepts (set before or after the subcommand). */
export interface GlobalOptions {
  endpoint?: string;
  region?: string;
  projectId?: string;
  workspace?: string;
  profile?: string;
  output?: string;
  quiet?: boolean;
  debug?: boolean;
  requestTimeout?: string;
}

export type OutputFormat = 'table' | 'json' | 'ndjson';

/** What the mock's `GET /__mock/defaults` answers (the fields used here). */
interface MockDefaults {
  region: string;
  projectId: string;
  workspace: string;
  ak: string;
  sk: string;
}

const HUAWEI_ENV = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'];
const ALIBABA_ENV = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'];

/** One command's configuration and its clients, made on first use. */
export class Context {
  readonly format: OutputFormat;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly #opts: GlobalOptions;
  #mock: Promise<MockDefaults | undefined> | undefined;

  constructor(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env) {
    this.#opts = opts;
    this.env = env;
    this.quiet = opts.quiet === true;
    this.debug = opts.debug === true;
    const output = opts.output ?? (process.stdout.isTTY ? 'table' : 'json');
    if (output !== 'table' && output !== 'json' && output !== 'ndjson') {
      throw new UsageError(`--output: expected table, json or ndjson, got ${output}`);
    }
    this.format = output;
  }

  /** A line on stderr. */
  note(line: string): void {
    process.stderr.write(`${line}\n`);
  }

  get endpoint(): string | undefined {
    return this.#opts.endpoint ?? (this.env.METACOLLECT_ENDPOINT || undefined);
  }

  /** The DataArts workspace, or the DataWorks workspace (its numeric `ProjectId`). */
  get workspace(): string | undefined {
    return this.#opts.workspace ?? (this.env.METACOLLECT_WORKSPACE || undefined);
  }

  #region(): string | undefined {
    return this.#opts.region ?? (this.env.METACOLLECT_REGION || undefined);
  }

  #common() {
    const endpoint = this.endpoint;
    const timeout = this.#opts.requestTimeout;
    const timeoutMs = timeout === undefined ? undefined : Number(timeout);
    if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
      throw new UsageError(`--request-timeout: expected a positive number of milliseconds, got ${timeout}`);
    }
    if (this.debug && endpoint) this.note(`[metacollect] endpoint ${endpoint}`);
    return {
      ...(endpoint ? { endpoint } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      logger: stderrLogger,
      logLevel: this.debug ? ('debug' as const) : undefined,
      env: this.env,
    };
  }

  /**
   * The mock's default account, when no credentials are configured and the endpoint answers `/__mock/defaults`
   * like a metacollect mock; said once on stderr. Undefined otherwise (the client then reports what is missing).
   */
  async #mockDefaults(): Promise<MockDefaults | undefined> {
    const endpoint = this.endpoint;
    if (!endpoint) return undefined;
    this.#mock ??= (async () => {
      try {
        const res = await fetch(new URL('/__mock/defaults', endpoint), { signal: AbortSignal.timeout(5_000) });
        if (!res.ok) return undefined;
        const d = (await res.json()) as Partial<MockDefaults>;
        if (typeof d.ak !== 'string' || typeof d.sk !== 'string' || typeof d.projectId !== 'string') return undefined;
        this.note(
          `metacollect: no credentials configured; using the mock's default account (project ${d.projectId}) from ${endpoint}/__mock/defaults`,
        );
        return d as MockDefaults;
      } catch {
        return undefined;
      }
    })();
    return this.#mock;
  }

  async #huawei(): Promise<{ auth?: HuaweiAuthConfig; region?: string; projectId?: string; workspace?: string }> {
    const projectId = this.#opts.projectId;
    const region = this.#region();
    // Without `auth`, the client reads the SDK's environment variables itself.
    const fromFlagsAndEnv = { region, projectId, workspace: this.workspace };
    const fromEnv = HUAWEI_ENV.every((k) => this.env[k]);
    if (fromEnv && this.#opts.profile === undefined) return fromFlagsAndEnv;
    const profile = readKooCliProfile(this.#opts.profile, this.env, (why) => this.note(`metacollect: ${why}`));
    if (profile) {
      const { name: _name, region: profileRegion, ...auth } = profile;
      return { ...fromFlagsAndEnv, auth, region: region ?? profileRegion };
    }
    if (fromEnv) return fromFlagsAndEnv;
    const mock = await this.#mockDefaults();
    if (!mock) return fromFlagsAndEnv;
    return {
      auth: { ak: mock.ak, sk: mock.sk },
      region: region ?? mock.region,
      projectId: projectId ?? mock.projectId,
      workspace: this.workspace ?? mock.workspace,
    };
  }

  async dsc(): Promise<DscClient> {
    const h = await this.#huawei();
    return new DscClient({ ...this.#common(), ...defined({ auth: h.auth, region: h.region, projectId: h.projectId }) });
  }

  async dataarts(): Promise<DataArtsCatalogClient> {
    const h = await this.#huawei();
    if (!h.workspace) throw new UsageError('DataArts Catalog needs a workspace: --workspace or METACOLLECT_WORKSPACE');
    return new DataArtsCatalogClient({
      ...this.#common(),
      ...defined({ auth: h.auth, region: h.region, projectId: h.projectId }),
      workspace: h.workspace,
    });
  }

  async dataworks(): Promise<DataWorksClient> {
    let auth: AlibabaAuthConfig | undefined;
    let regionId = this.#region() ?? (this.env.ALIBABA_CLOUD_REGION_ID || undefined);
    // An explicit --profile wins over the environment; otherwise the SDK's variables come before profiles.
    if (this.#opts.profile !== undefined || !ALIBABA_ENV.every((k) => this.env[k])) {
      const profile = readAliyunProfile(this.#opts.profile, this.env);
      if (profile) {
        const { name: _name, regionId: profileRegion, ...keys } = profile;
        auth = keys;
        regionId ??= profileRegion;
      } else {
        const mock = await this.#mockDefaults();
        if (mock) auth = { accessKeyId: mock.ak, accessKeySecret: mock.sk };
      }
    }
    return new DataWorksClient({ ...this.#common(), ...defined({ auth, regionId }) });
  }
}

/** Drops undefined fields (the clients' options are exact). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

/** The SDK's log lines (already free of secrets) go to stderr, never stdout. */
const stderrLogger: Logger = {
  debug: (m: string) => process.stderr.write(`${m}\n`),
  info: (m: string) => process.stderr.write(`${m}\n`),
  warn: (m: string) => process.stderr.write(`${m}\n`),
  error: (m: string) => process.stderr.write(`${m}\n`),
};
