/**
 * Credentials kept for the vendors' own CLIs:
 * - the Alibaba Cloud CLI's `~/.aliyun/config.json`: profiles in AK and StsToken mode;
 * - Huawei KooCLI's `~/.hcloud/config.json` (or the file `HW_SHARED_CONFIG_FILE` names): AKSK profiles, when KooCLI
 *   stores them unencrypted (`hcloud configure set --cli-auth-encrypt=false`). This is the form Huawei's own
 *   Terraform provider reads (`current`, and `profiles[]` with `name`, `mode`, `accessKeyId`, `secretAccessKey`,
 *   `securityToken`, `region`, `projectId`), with the same `HW_SHARED_CONFIG_FILE` and `HW_PROFILE` variables.
 *   KooCLI's default, encrypted form is not documented, so such a file is not read: the CLI says so and how to
 *   change it.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './exit.js';

/** What an Alibaba CLI profile gives the DataWorks client. */
export interface AliyunProfile {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  regionId?: string;
}

interface RawProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
  sts_token?: unknown;
  region_id?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The file the Alibaba CLI writes (`$HOME/.aliyun/config.json`). */
export function aliyunConfigPath(env: NodeJS.ProcessEnv): string {
  return join(env.HOME || homedir(), '.aliyun', 'config.json');
}

/** The text of a profile file; undefined when it cannot be read and no profile was asked for by name. */
function readProfileFile(path: string, wanted: string | undefined): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    if (wanted !== undefined) throw new UsageError(`profile ${wanted}: ${path} cannot be read`);
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`${path} is not a JSON object`);
}

/** The profile called `name` in a file's `profiles` array. */
function findProfile(config: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const profiles = Array.isArray(config.profiles) ? (config.profiles as unknown[]) : [];
  return profiles.find(
    (p): p is Record<string, unknown> => typeof p === 'object' && p !== null && (p as RawProfile).name === name,
  );
}

/** What a KooCLI profile gives the DSC and DataArts clients. */
export interface KooCliProfile {
  name: string;
  ak: string;
  sk: string;
  securityToken?: string;
  projectId?: string;
  region?: string;
}

/** KooCLI's file: `HW_SHARED_CONFIG_FILE`, else `$HOME/.hcloud/config.json`. */
export function kooCliConfigPath(env: NodeJS.ProcessEnv): string {
  return str(env.HW_SHARED_CONFIG_FILE) ?? join(env.HOME || homedir(), '.hcloud', 'config.json');
}

/**
 * The KooCLI profile named `wanted` (else `HW_PROFILE`, else the file's `current`). Undefined when the file does not
 * exist, or holds no such profile, and no profile was asked for by name. Encrypted credentials, a profile of a mode
 * other than AKSK (ecsAgency, SSO, …) or one without its keys: a usage error when the profile was asked for by name,
 * otherwise `onSkip` is told why (never quoting a secret) and undefined is returned.
 */
export function readKooCliProfile(
  wanted: string | undefined,
  env: NodeJS.ProcessEnv,
  onSkip: (why: string) => void,
): KooCliProfile | undefined {
  const path = kooCliConfigPath(env);
  const asked = wanted ?? str(env.HW_PROFILE);
  const config = readProfileFile(path, asked);
  if (config === undefined) return undefined;
  const name = asked ?? str(config.current) ?? 'default';
  const refuse = (why: string): undefined => {
    if (asked !== undefined) throw new UsageError(why);
    onSkip(why);
    return undefined;
  };
  if (config.authEncrypt === true || config.authEncrypt === 'true') {
    return refuse(
      `${path} holds KooCLI credentials encrypted, in a form KooCLI does not document, so they are not read; ` +
        '`hcloud configure set --cli-auth-encrypt=false` stores them readable by other tools, or set ' +
        'HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
    );
  }
  const raw = findProfile(config, name);
  if (raw === undefined) return asked !== undefined ? refuse(`profile ${name} not found in ${path}`) : undefined;
  const mode = str(raw.mode) ?? 'AKSK';
  if (mode !== 'AKSK') return refuse(`profile ${name} in ${path} uses mode ${mode}; only AKSK profiles are read`);
  const ak = str(raw.accessKeyId);
  const sk = str(raw.secretAccessKey);
  if (!ak || !sk) return refuse(`profile ${name} in ${path} lacks accessKeyId or secretAccessKey`);
  const securityToken = str(raw.securityToken);
  const projectId = str(raw.projectId);
  const region = str(raw.region);
  return {
    name,
    ak,
    sk,
    ...(securityToken ? { securityToken } : {}),
    ...(projectId ? { projectId } : {}),
    ...(region ? { region } : {}),
  };
}

/**
 * The profile named `wanted` (else `ALIBABA_CLOUD_PROFILE`, else the file's `current`); undefined when the file
 * does not exist and no profile was asked for. A named profile that is missing, or of a mode this CLI cannot sign
 * with (RamRoleArn, EcsRamRole, …), is a usage error naming it, never quoting a secret.
 */
export function readAliyunProfile(wanted: string | undefined, env: NodeJS.ProcessEnv): AliyunProfile | undefined {
  const path = aliyunConfigPath(env);
  const config = readProfileFile(path, wanted);
  if (config === undefined) return undefined;
  const name = wanted ?? str(env.ALIBABA_CLOUD_PROFILE) ?? str(config.current) ?? 'default';
  const raw = findProfile(config, name) as RawProfile | undefined;
  if (raw === undefined) {
    if (wanted !== undefined || env.ALIBABA_CLOUD_PROFILE) throw new UsageError(`profile ${name} not found in ${path}`);
    return undefined;
  }
  const mode = str(raw.mode) ?? 'AK';
  if (mode !== 'AK' && mode !== 'StsToken') {
    throw new UsageError(`profile ${name} in ${path} uses mode ${mode}; only AK and StsToken profiles are read`);
  }
  const accessKeyId = str(raw.access_key_id);
  const accessKeySecret = str(raw.access_key_secret);
  if (!accessKeyId || !accessKeySecret) {
    throw new UsageError(`profile ${name} in ${path} lacks access_key_id or access_key_secret`);
  }
  const securityToken = str(raw.sts_token);
  if (mode === 'StsToken' && !securityToken)
    throw new UsageError(`profile ${name} in ${path} (StsToken) lacks sts_token`);
  const regionId = str(raw.region_id);
  return {
    name,
    accessKeyId,
    accessKeySecret,
    ...(mode === 'StsToken' && securityToken ? { securityToken } : {}),
    ...(regionId ? { regionId } : {}),
  };
}
