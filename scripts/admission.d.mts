import type { IncomingMessage, ServerResponse } from "node:http";

export function isExempt(url: string): boolean;

export type AdmissionGate = {
  admit(req: IncomingMessage, res: ServerResponse, run: () => unknown): unknown;
  stats(): { running: number; queued: number; shedTotal: number };
};

export function createAdmissionGate(options: {
  concurrency: number;
  maxQueued: number;
  maxWaitMs: number;
  onShed?: (reason: string) => void;
}): AdmissionGate;
