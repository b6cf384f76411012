import { describe, expect, it } from 'vitest';
import { createMock } from '../../../src/mock/index.js';
import { huaweiRequest, iamToken } from '../../support/mock.js';

const projectsPath = '/v3/projects';

describe('IAM state: the credential store', () => {
  it('is saved as snapshot.accounts; a snapshot of the earlier format (services.iam = {}) still restores', async () => {
    const mock = createMock({ seed: 3 });
    const issued = await iamToken(mock);
    const snap = mock.snapshot();
    expect(snap.accounts.tokens.map((t) => t.token)).toContain(issued);
    expect(snap.services).not.toHaveProperty('iam');

    const other = createMock({ seed: 99 });
    other.restore({ ...snap, services: { ...snap.services, iam: {} } });
    expect(other.defaults).toEqual(mock.defaults);
    const r = await huaweiRequest(other, {
      path: projectsPath,
      token: issued,
      origin: 'https://iam.myhuaweicloud.com',
    });
    expect(r.status).toBe(200);
  });

  it('reset drops tokens issued by password login and keeps the configured credentials', async () => {
    const mock = createMock();
    const issued = await iamToken(mock);
    const configured = mock.issueToken();
    mock.reset();
    const origin = 'https://iam.myhuaweicloud.com';
    expect((await huaweiRequest(mock, { path: projectsPath, token: issued, origin })).status).toBe(401);
    expect((await huaweiRequest(mock, { path: projectsPath, token: configured, origin })).status).toBe(200);
    expect((await huaweiRequest(mock, { path: projectsPath, origin })).status).toBe(200);
  });
});
