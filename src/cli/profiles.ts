/**
 * Credentials kept for the vendors' own CLIs. Read: the Alibaba Cloud CLI's `~/.aliyun/config.json` (profiles in AK
 * and StsToken mode). Not read: Huawei KooCLI's profiles, whose secrets KooCLI stores encrypted by default in a form
 * it does not document.
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

/**
 * The profile named `wanted` (else `ALIBABA_CLOUD_PROFILE`, else the file's `current`); undefined when the file
 * does not exist and no profile was asked for. A named profile that is missing, or of a mode this CLI cannot sign
 * with (RamRoleArn, EcsRamRole, …), is a usage error naming it, never quoting a secret.
 */
export function readAliyunProfile(wanted: string | undefined, env: NodeJS.ProcessEnv): AliyunProfile | undefined {
  const path = aliyunConfigPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    if (wanted !== undefined) throw new UsageError(`profile ${wanted}: ${path} cannot be read`);
    return undefined;
  }
  let config: { current?: unknown; profiles?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    throw new UsageError(`${path} is not valid JSON`);
  }
  const name = wanted ?? str(env.ALIBABA_CLOUD_PROFILE) ?? str(config.current) ?? 'default';
  const profiles = Array.isArray(config.profiles) ? (config.profiles as RawProfile[]) : [];
  const raw = profiles.find((p) => p && p.name === name);
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
