import type { TestProject } from "vitest/node";
import { useAppServer } from "../support/app-server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    serverLog: string;
  }
}

/**
 * The app server for the Vitest end-to-end files (tests/support/app-server.mjs): the one
 * `npm test` started for this shard, or, run alone, one started here. Its address reaches the
 * tests through `inject`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stop = await useAppServer();
  project.provide("baseUrl", required("PARLEY_E2E_BASE_URL"));
  project.provide("adminEmail", required("PARLEY_E2E_ADMIN_EMAIL"));
  project.provide("adminPassword", required("PARLEY_E2E_ADMIN_PASSWORD"));
  project.provide("serverLog", required("PARLEY_E2E_SERVER_LOG"));
  return stop;
}

function required(key: string): string {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set: tests/support/app-server.mjs sets it with the server`);
  return value;
}
