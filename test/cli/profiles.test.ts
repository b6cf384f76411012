/** The vendor CLIs' profile files, read in-process: malformed files give a usage error naming the file, never a crash. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit.js';
import { kooCliConfigPath, readAliyunProfile, readKooCliProfile } from '../../src/cli/profiles.js';

const home = mkdtempSync(join(tmpdir(), 'metacollect-profiles-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const SECRET = 'very-secret-sk-value';

function kooFile(content: string): NodeJS.ProcessEnv {
  const file = join(home, `koo-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return { HOME: home, HW_SHARED_CONFIG_FILE: file };
}

/** The error `fn` throws (a usage error is expected), or undefined when it returns. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('KooCLI profiles', () => {
  it('the file is HW_SHARED_CONFIG_FILE, else $HOME/.hcloud/config.json', () => {
    expect(kooCliConfigPath({ HOME: '/h' })).toBe(join('/h', '.hcloud', 'config.json'));
    expect(kooCliConfigPath({ HOME: '/h', HW_SHARED_CONFIG_FILE: '/x/c.json' })).toBe('/x/c.json');
  });

  it('no file: nothing read, no error; a named profile without a file: usage error', () => {
    const skipped: string[] = [];
    expect(readKooCliProfile(undefined, { HOME: join(home, 'none') }, (w) => skipped.push(w))).toBeUndefined();
    expect(skipped).toEqual([]);
    const e = thrown(() => readKooCliProfile('p', { HOME: join(home, 'none') }, () => {}));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(/^profile p: .*config\.json cannot be read$/);
  });

  it.each([
    ['not JSON', '{"current": '],
    ['an array', '[]'],
    ['a string', '"x"'],
    ['null', 'null'],
  ])('a file that is %s is a usage error naming it', (_what, content) => {
    const env = kooFile(content);
    const e = thrown(() => readKooCliProfile(undefined, env, () => {}));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(`${env.HW_SHARED_CONFIG_FILE} is not a JSON object`);
  });

  it.each([
    ['profiles is not an array', { current: 'a', profiles: { a: {} } }],
    ['entries that are not objects', { current: 'a', profiles: [null, 3, 'a', ['a']] }],
    ['no current, no default profile', { profiles: [{ name: 'other' }] }],
  ])('%s: no profile found (nothing read, no crash)', (_what, config) => {
    expect(readKooCliProfile(undefined, kooFile(JSON.stringify(config)), () => {})).toBeUndefined();
  });

  it('keys that are missing, empty or not strings: refused without quoting any value', () => {
    for (const profile of [
      { name: 'a', accessKeyId: 'AK' },
      { name: 'a', accessKeyId: '', secretAccessKey: SECRET },
      { name: 'a', accessKeyId: 12, secretAccessKey: SECRET },
    ]) {
      const env = kooFile(JSON.stringify({ current: 'a', profiles: [profile] }));
      const skipped: string[] = [];
      expect(readKooCliProfile(undefined, env, (w) => skipped.push(w))).toBeUndefined();
      expect(skipped).toEqual([`profile a in ${env.HW_SHARED_CONFIG_FILE} lacks accessKeyId or secretAccessKey`]);
      const e = thrown(() => readKooCliProfile('a', env, () => {}));
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).not.toContain(SECRET);
    }
  });

  it('encrypted (authEncrypt true or "true"): skipped with the reason, a usage error when named', () => {
    for (const authEncrypt of [true, 'true']) {
      const env = kooFile(JSON.stringify({ authEncrypt, current: 'a', profiles: [{ name: 'a' }] }));
      const skipped: string[] = [];
      expect(readKooCliProfile(undefined, env, (w) => skipped.push(w))).toBeUndefined();
      expect(skipped[0]).toContain('hcloud configure set --cli-auth-encrypt=false');
      expect(thrown(() => readKooCliProfile('a', env, () => {}))).toBeInstanceOf(UsageError);
    }
  });

  it('reads an AKSK profile (mode absent means AKSK); HW_PROFILE picks it', () => {
    const env = kooFile(
      JSON.stringify({
        authEncrypt: 'false',
        current: 'a',
        profiles: [
          { name: 'a', mode: 'AKSK', accessKeyId: 'AK1', secretAccessKey: SECRET, region: 'cn-north-4' },
          { name: 'b', accessKeyId: 'AK2', secretAccessKey: SECRET, securityToken: 'tok', projectId: 'p'.repeat(32) },
        ],
      }),
    );
    expect(readKooCliProfile(undefined, env, () => {})).toEqual({
      name: 'a',
      ak: 'AK1',
      sk: SECRET,
      region: 'cn-north-4',
    });
    expect(readKooCliProfile(undefined, { ...env, HW_PROFILE: 'b' }, () => {})).toEqual({
      name: 'b',
      ak: 'AK2',
      sk: SECRET,
      securityToken: 'tok',
      projectId: 'p'.repeat(32),
    });
  });
});

describe('Alibaba CLI profiles', () => {
  it('a malformed ~/.aliyun/config.json is a usage error naming it', () => {
    const aliHome = join(home, 'ali');
    mkdirSync(join(aliHome, '.aliyun'), { recursive: true });
    writeFileSync(join(aliHome, '.aliyun', 'config.json'), '[1, 2]');
    const e = thrown(() => readAliyunProfile(undefined, { HOME: aliHome }));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(`${join(aliHome, '.aliyun', 'config.json')} is not a JSON object`);
  });
});
