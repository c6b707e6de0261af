import type { ClaimKind } from "@/lib/types";

export const KIND_LABELS: Record<ClaimKind, string> = { FACT: "Fact", OPINION: "Opinion", PREDICTION: "Prediction" };

export const kindLabel = (kind: ClaimKind) => KIND_LABELS[kind];
