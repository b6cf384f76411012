/** IAM's route table: password login (IAM checks the password itself) and the project list. */
import type { MockRoute, ServiceContext } from '../../types.js';
import * as requests from './requests.js';
import type { IamState } from './state.js';
import * as views from './views.js';

export function iamRoutes(state: IamState, ctx: ServiceContext): MockRoute[] {
  return [
    {
      operation: 'KeystoneCreateUserTokenByPassword',
      method: 'POST',
      path: '/v3/auth/tokens',
      auth: 'iam-password',
      handler: (req) => {
        const login = state.signIn(requests.parsePasswordLogin(req), ctx.clock.now());
        return {
          status: 201,
          headers: { 'X-Subject-Token': login.token.token },
          body: views.tokenView(login, req.url.origin, requests.wantsCatalog(req)),
        };
      },
    },
    {
      operation: 'KeystoneListProjects',
      method: 'GET',
      path: '/v3/projects',
      auth: 'huawei',
      handler: (req) => {
        const { caller, name } = requests.parseListProjects(req);
        return { status: 200, body: views.projectsView(state.listProjects(caller.domainId, name), req.url.origin) };
      },
    },
  ];
}
