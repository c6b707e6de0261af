// CP_AUTH for a test file or one step of a test, restored afterwards: single-user mode (the
// default) has no accounts since projects (commit 7f3f0d5), so registering, signing in, sessions
// and tokens need accounts mode.
import { afterAll, beforeAll } from "vitest";

function setMode(mode: string | undefined): void {
  if (mode === undefined) delete process.env.CP_AUTH;
  else process.env.CP_AUTH = mode;
}

/** The file's tests run with CP_AUTH=accounts; the previous value comes back after them. */
export function useAccountsMode(): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.CP_AUTH;
    process.env.CP_AUTH = "accounts";
  });
  afterAll(() => setMode(saved));
}

/** Runs `step` in single-user mode (no accounts: every request acts as the local researcher). */
export async function inSingleUserMode<T>(step: () => Promise<T>): Promise<T> {
  const saved = process.env.CP_AUTH;
  delete process.env.CP_AUTH;
  try {
    return await step();
  } finally {
    setMode(saved);
  }
}
