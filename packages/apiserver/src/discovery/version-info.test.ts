import { describe, expect, it } from 'vitest';
import { defaultKubernetesVersion } from './kubernetes-version.js';
import { versionInfo } from './version-info.js';

describe('versionInfo', () => {
  it('derives major and minor from the version', () => {
    const info = versionInfo('v1.33.1');
    expect(info).toMatchObject({
      major: '1',
      minor: '33',
      gitVersion: 'v1.33.1',
      gitTreeState: 'clean',
      compiler: 'gc',
      platform: 'linux/amd64',
    });
    expect(info.gitCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(info.buildDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(info.goVersion).toMatch(/^go1\.\d+/);
  });

  it('is stable per version', () => {
    expect(versionInfo('v1.29.0')).toEqual(versionInfo('v1.29.0'));
    expect(versionInfo('v1.29.0').gitCommit).not.toBe(versionInfo('v1.30.0').gitCommit);
    expect(versionInfo('v1.27.16').minor).toBe('27');
  });

  it('accepts pre-release and build suffixes', () => {
    expect(versionInfo('v1.34.0-rc.1')).toMatchObject({ major: '1', minor: '34', gitVersion: 'v1.34.0-rc.1' });
    expect(versionInfo('v1.30.2+k3s1').minor).toBe('30');
  });

  it.each(['', '1.33.1', 'v1.33', 'v1.33.x', 'v01.33.1', 'v1.33.1 ', 'latest', 'v1.33.1-'])(
    'rejects %j',
    (input) => {
      expect(() => versionInfo(input)).toThrow(Error);
    },
  );

  it('defaults to v1.33.1', () => {
    expect(defaultKubernetesVersion).toBe('v1.33.1');
    expect(versionInfo(defaultKubernetesVersion).minor).toBe('33');
  });
});
