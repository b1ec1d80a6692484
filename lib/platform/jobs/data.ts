import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db/client";

/** What a job's owner sees of it; the uploaded file and the lease stay on the server. */
export const JobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"]),
  params: z.record(z.string(), z.unknown()),
  progress: z.number(),
  stage: z.string(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z
    .object({ message: z.string(), problems: z.array(z.string()).optional(), field: z.string().nullable().optional() })
    .nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export type JobView = z.infer<typeof JobViewSchema>;

/** The user's own jobs of these kinds, newest first. */
export async function listJobsOf(userId: string, kinds: readonly string[], take = 10): Promise<JobView[]> {
  const jobs = await db().job.findMany({
    where: { userId, kind: { in: [...kinds] } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      status: true,
      params: true,
      progress: true,
      stage: true,
      result: true,
      error: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  return jobs.map((job) => JobViewSchema.parse(job));
}
