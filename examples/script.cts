/**
 * A CommonJS script, as a user runs it with ts-node in a CommonJS project:  npx ts-node script.cts
 * (CI does exactly that with the packed package.) Inside this repository, a `"type": "module"` package where ts-node 10
 * cannot start a `.cts` entry, `npm run example:cjs` builds the package and runs this file with tsx, resolving
 * `metacollect` to the built CommonJS entry as in a user's project (examples/tsconfig.package.json has no `paths`).
 * Without METACOLLECT_ENDPOINT it starts the embedded mock; with it, it talks to that server (for example
 * `metacollect-mock` started in another terminal), reading the mock's default credentials from /__mock/defaults.
 */
import { DscClient, isApiError } from 'metacollect';
import { createMock, startMockServer } from 'metacollect/mock';

async function main(): Promise<void> {
  const explicit = process.env['METACOLLECT_ENDPOINT'];
  const server = explicit ? undefined : await startMockServer({ mock: createMock({ clock: 'manual', seed: 7 }) });
  const endpoint = explicit ?? server!.url;
  const defaults = (await (await fetch(`${endpoint}/__mock/defaults`)).json()) as { projectId: string; token: string };

  const dsc = new DscClient({ endpoint, projectId: defaults.projectId, auth: { token: defaults.token } });
  try {
    const created = await dsc.createScanTask({
      task_name: 'orders-nightly',
      data_sources: [{ db_type: 'MySQL', ins_id: 'mysql-orders-01' }],
      schedule_type: 'DAY',
    });
    console.log(`created scan task ${created.id}`);
    const page = await dsc.listScanTasks({ task_name: 'orders' });
    for (const t of page.result) console.log(`- ${t.id} ${t.task_name} (${t.schedule_type})`);
  } catch (error) {
    if (isApiError(error)) console.error(`API error ${error.status} ${error.errorCode}: ${error.errorMessage}`);
    throw error;
  } finally {
    dsc.close();
    await server?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
