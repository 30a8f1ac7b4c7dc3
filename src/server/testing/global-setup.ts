import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let server: ThrowawayPostgres | undefined;

/**
 * Starts one PostgreSQL server for the whole run (or uses CAIRN_TEST_DATABASE_URL);
 * each test file then creates and drops its own database on it.
 */
export async function setup(project: TestProject) {
  const external = process.env.CAIRN_TEST_DATABASE_URL;
  if (external) {
    project.provide('pgAdminUrl', external);
    return;
  }
  server = await startThrowawayPostgres();
  project.provide('pgAdminUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
