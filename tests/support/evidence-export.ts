import { randomUUID } from "node:crypto";
import type { TextAnchor } from "@/lib/evidence/anchor";
import type { AnnotatedEvidence } from "@/lib/exports/model";
import type { Position } from "@/lib/generated/prisma/enums";

type LinkedStatement = AnnotatedEvidence["links"][number]["statement"];

/** A statement of Russia's on guarantees, as a quote's link carries it in the evidence export. */
export function linkedStatement(position: Position, summary: string): LinkedStatement {
  return {
    id: randomUUID(),
    issueId: randomUUID(),
    partyId: randomUUID(),
    issue: "Guarantees",
    party: "Russia",
    position,
    summary,
    statedOn: "2022-01-10",
    amendment: null,
  };
}

/** The minister's words at `quote`, a direct quote from a wire report, as the evidence export carries them. */
export function exportedQuote(
  quote: TextAnchor,
  creator: AnnotatedEvidence["creator"],
  links: AnnotatedEvidence["links"],
): AnnotatedEvidence {
  return {
    id: randomUUID(),
    ...quote,
    kind: "DIRECT_QUOTE",
    saidOn: "2022-01-10",
    note: "Checked against the video.",
    createdAt: "2022-01-12T08:00:00.000Z",
    creator,
    speaker: { name: "Ann", role: "Minister", affiliation: "Russia" },
    document: {
      id: randomUUID(),
      title: "Talks end",
      outlet: "Wire",
      url: "https://example.org/a",
      publishedOn: "2022-01-11",
      revision: 2,
      revisionId: randomUUID(),
      language: "en",
    },
    links,
  };
}
