import { describe, expect, it } from "vitest";
import { classifyDatabaseError, databaseFailureAnswer } from "@/lib/db-errors";

// Shapes as Prisma 6.19 with adapter-pg reports them (seen in tests/integration/races.test.ts
// and db-outage.test.ts): the SQLSTATE sits in the driver adapter error's cause.
const adapterError = (cause: Record<string, unknown>, code?: string) =>
  Object.assign(new Error("Invalid invocation"), { code, meta: { modelName: "X", driverAdapterError: { cause } } });

describe("classifyDatabaseError", () => {
  it("reads a unique violation and the name of the index that refused it", () => {
    const err = adapterError({ kind: "UniqueConstraintViolation", originalCode: "23505", originalMessage: 'duplicate key value violates unique constraint "Cluster_projectId_name_key"' }, "P2002");
    expect(classifyDatabaseError(err)).toEqual({ kind: "unique", constraint: "Cluster_projectId_name_key" });
    expect(databaseFailureAnswer(err)).toEqual({ status: 409, message: "A cluster with this name already exists in this project (someone may have just made it). Reload to see it." });
  });

  it("reads a guard's refusal (23514, a CHECK or a trigger naming its rule) as a 409 saying the rule", () => {
    const err = adapterError({ kind: "postgres", code: "23514", originalCode: "23514", originalMessage: 'new row violates check constraint "ClaimLink_project_check" (a link joins claims of one project)' });
    expect(classifyDatabaseError(err)).toEqual({ kind: "check", constraint: "ClaimLink_project_check" });
    expect(databaseFailureAnswer(err)).toEqual({ status: 409, message: "A link joins two claims of one project" });
    const unnamed = adapterError({ kind: "postgres", code: "23514", originalCode: "23514", originalMessage: "something else" });
    expect(databaseFailureAnswer(unnamed)).toEqual({ status: 409, message: "This would break a rule of the data; nothing was saved." });
  });

  it("treats an exclusion constraint's refusal as a unique violation", () => {
    const err = Object.assign(new Error('conflicting key value violates exclusion constraint "Booking_overlap"'), { cause: { originalCode: "23P01" } });
    expect(databaseFailureAnswer(err)).toEqual({ status: 409, message: "This already exists (someone may have just made it). Reload to see it." });
  });

  it("answers 404 for a foreign key to a row deleted meanwhile", () => {
    const err = adapterError({ kind: "ForeignKeyConstraintViolation", originalCode: "23503", originalMessage: 'insert or update on table "ClusterMember" violates foreign key constraint "ClusterMember_clusterId_fkey"' }, "P2003");
    expect(databaseFailureAnswer(err)).toEqual({ status: 404, message: "The cluster does not exist or was just deleted" });
  });

  it("answers 503 for lost connections, whatever layer reports them", () => {
    for (const err of [
      adapterError({ kind: "DatabaseNotReachable" }),
      adapterError({ originalCode: "57P01", originalMessage: "terminating connection due to administrator command" }),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    ]) {
      expect(databaseFailureAnswer(err)).toEqual({ status: 503, message: "The database cannot be reached right now; nothing was saved. Try again in a moment." });
    }
  });

  it("answers 503 'too busy' when no connection came in time", () => {
    expect(databaseFailureAnswer(new Error("timeout exceeded when trying to connect"))?.message).toMatch(/too busy/);
    expect(databaseFailureAnswer(Object.assign(new Error("Transaction API error"), { code: "P2028" }))?.status).toBe(503);
  });

  it("leaves other errors alone (the route logs them as a 500)", () => {
    expect(classifyDatabaseError(new TypeError("x is undefined"))).toBeNull();
    expect(classifyDatabaseError("a string")).toBeNull();
  });
});
