// The seeded corpus's project: the single-user e2e server opens it at / (its only project).
import { projectPath } from "../../lib/roles";

export const PROJECT = "csto";

/** A page of the seeded project: at("/claims") is "/p/csto/claims". */
export const at = (rest = "") => projectPath(PROJECT, rest);

/** A collection endpoint of the seeded project: withProject("/api/claims", { sourceId }) is
 *  "/api/claims?project=csto&sourceId=…". */
export const withProject = (path: string, params: Record<string, string> = {}) => `${path}?${new URLSearchParams({ project: PROJECT, ...params })}`;
