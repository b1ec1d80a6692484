import { describe, expect, it } from "vitest";
import { type ActivityNames, activitySentence } from "@/lib/activity/sentences";
import { DEFAULT_POSITION_LABELS } from "@/lib/matrix/positions";

const names: ActivityNames = {
  issues: new Map([
    ["i1", "Offensive weapons"],
    ["i2", "NATO non-expansion"],
  ]),
  parties: new Map([["p1", "Russia"]]),
  people: new Map([["s1", "Sergei Lavrov"]]),
  documents: new Map([["d1", "TASS, 17 Feb"]]),
  users: new Map([["u2", "Bea"]]),
  statements: new Map([["st1", { issueId: "i1", partyId: "p1" }]]),
  positions: DEFAULT_POSITION_LABELS,
};
const event = (action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) => ({
  action,
  subjectType,
  subjectId,
  before,
  after,
  actor: "Ana",
});

describe("the activity log in sentences", () => {
  it("names an event added, changed or deleted, with its day, linking to the events page", () => {
    const added = activitySentence(
      "talks",
      event("event.created", "event", "e1", null, {
        title: "Geneva round",
        occurredOn: "2022-01-10",
        description: "Bilateral talks.",
      }),
      names,
    );
    expect(`${added.actor} ${added.text}`).toBe("Ana added the event “Geneva round” (2022-01-10)");
    expect(added.detail).toBe("Bilateral talks.");
    expect(added.href).toBe("/w/talks/events");
    const deleted = activitySentence(
      "talks",
      event("event.deleted", "event", "e1", { title: "Geneva round", occurredOn: "2022-01-10" }, null),
      names,
    );
    expect(deleted.text).toBe("deleted the event “Geneva round” (2022-01-10)");
  });

  it("names a linkage drawn or removed between two issues, with the party insisting on it", () => {
    const link = {
      kind: "SEQUENCING",
      firstIssueId: "i2",
      secondIssueId: "i1",
      partyId: "p1",
      holdsFrom: "2022-01-27",
      note: "Secondary issues.",
    };
    const linked = activitySentence("talks", event("issue_link.created", "issue_link", "l1", null, link), names);
    expect(`${linked.actor} ${linked.text}`).toBe(
      "Ana linked “NATO non-expansion” before “Offensive weapons”, insisted on by Russia from 2022-01-27",
    );
    expect(linked.detail).toBe("Secondary issues.");
    expect(linked.href).toBe("/w/talks/settings#issue-links");
    const unlinked = activitySentence(
      "talks",
      event(
        "issue_link.deleted",
        "issue_link",
        "l1",
        { ...link, kind: "PACKAGE", partyId: null, holdsFrom: null },
        null,
      ),
      names,
    );
    expect(unlinked.text).toBe("unlinked “NATO non-expansion” and “Offensive weapons” as a package deal");
  });

  it("names a coding round started and closed, linking to the round", () => {
    const started = activitySentence(
      "talks",
      event("coding.started", "coding_round", "r1", null, { title: "January quotes", units: 10, coders: 2 }),
      names,
    );
    expect(`${started.actor} ${started.text}`).toBe(
      "Ana started the coding round “January quotes”: 10 quotes, 2 coders",
    );
    expect(started.href).toBe("/w/talks/review/rounds/r1");
    const closedEarly = activitySentence(
      "talks",
      event("coding.closed", "coding_round", "r1", null, { title: "January quotes", complete: false }),
      names,
    );
    expect(closedEarly.text).toBe("closed the coding round “January quotes”");
    const completed = activitySentence(
      "talks",
      event("coding.closed", "coding_round", "r1", null, { title: "January quotes", complete: true }),
      names,
    );
    expect(completed.text).toBe("coded the last quote of “January quotes”, which closed the round");
  });

  it("names the cell, the positions before and after, and the reason of a correction", () => {
    const sentence = activitySentence(
      "talks",
      event(
        "stance.corrected",
        "stance_statement",
        "st1",
        { position: "DEMANDS", summary: "Old wording" },
        { position: "OPPOSES", summary: "New wording", reason: "misread the source" },
      ),
      names,
    );
    expect(`${sentence.actor} ${sentence.text}`).toBe(
      `Ana corrected Russia on Offensive weapons: ${DEFAULT_POSITION_LABELS.DEMANDS} → ${DEFAULT_POSITION_LABELS.OPPOSES}, “misread the source”`,
    );
    expect(sentence.detail).toBe("New wording");
    expect(sentence.href).toBe("/w/talks/cells/i1/p1");
  });

  it("tells proposals and decisions on them, with their rationale", () => {
    const opened = activitySentence(
      "talks",
      event("proposal.opened", "stance_proposal", "pr1", null, {
        issueId: "i1",
        partyId: "p1",
        kind: "RECORD",
        position: "CONDITIONAL",
        summary: "Would if others do.",
        rationale: "Stated in one breath.",
      }),
      names,
    );
    expect(`${opened.actor} ${opened.text}`).toBe(
      `Ana proposed ${DEFAULT_POSITION_LABELS.CONDITIONAL} on Russia on Offensive weapons for review`,
    );
    expect(opened.detail).toBe("Would if others do. Rationale: Stated in one breath.");
    const accepted = activitySentence(
      "talks",
      event("proposal.accepted", "stance_proposal", "pr1", null, { issueId: "i1", partyId: "p1", rationale: "Clear." }),
      names,
    );
    expect(`${accepted.actor} ${accepted.text}`).toBe("Ana accepted a proposal on Russia on Offensive weapons");
    expect(accepted.href).toBe("/w/talks/cells/i1/p1");
  });

  it("tells an imported stance by its source, and sums up the import", () => {
    const recorded = activitySentence(
      "talks",
      event("stance.recorded", "stance_statement", "st1", null, {
        position: "SUPPORTS",
        summary: "Backs a moratorium.",
        source: "https://example.org/a",
        quote: "We propose a moratorium",
      }),
      names,
    );
    expect(recorded.detail).toBe("Backs a moratorium. Source: “We propose a moratorium” — https://example.org/a");
    const imported = activitySentence(
      "talks",
      event("stances.imported", "workspace", "w1", null, { fileName: "matrix.xlsx", created: 12, refused: 1 }),
      names,
    );
    expect(`${imported.actor} ${imported.text}`).toBe("Ana imported 12 stances from “matrix.xlsx”");
    expect(imported.detail).toBe("1 row was refused.");
    expect(imported.href).toBe("/w/talks");
  });

  it("says who was quoted from where, and links the quote", () => {
    const sentence = activitySentence(
      "talks",
      event("evidence.created", "evidence", "e1", null, { documentId: "d1", speakerId: "s1", exact: "We are open." }),
      names,
    );
    expect(sentence.text).toBe("saved a quote of Sergei Lavrov from TASS, 17 Feb");
    expect(sentence.detail).toBe("“We are open.”");
    expect(sentence.href).toBe("/w/talks/evidence/e1");
  });

  it("tells of translations: a document's language and original, and a quote paired or unpaired", () => {
    const names2 = { ...names, documents: new Map([...names.documents, ["d2", "TASS in English"]]) };
    const language = activitySentence(
      "talks",
      event("document.language_set", "document", "d2", { language: "ru" }, { language: "en", translationOfId: "d1" }),
      names2,
    );
    expect(language.text).toBe("set “TASS in English” to language en, a translation of “TASS, 17 Feb”");
    expect(language.href).toBe("/w/talks/documents/d2");
    const paired = activitySentence(
      "talks",
      event("evidence.paired", "evidence", "e2", null, {
        documentId: "d2",
        translationOfId: "e1",
        exact: "We will not.",
      }),
      names2,
    );
    expect([paired.text, paired.detail, paired.href]).toEqual([
      "paired a quote with its translation in TASS in English",
      "“We will not.”",
      "/w/talks/evidence/e2",
    ]);
    const unpaired = activitySentence(
      "talks",
      event("evidence.unpaired", "evidence", "e2", { documentId: "d2" }, { documentId: "d2", exact: "We will not." }),
      names2,
    );
    expect(unpaired.text).toBe("unpaired a quote from its translation in TASS in English");
  });

  it("reads role changes and structure changes as words, and never shows raw JSON or ids", () => {
    const role = activitySentence(
      "talks",
      event("member.role_changed", "membership", "u2", { role: "VIEWER" }, { role: "EDITOR" }),
      names,
    );
    expect(role.text).toBe("changed Bea's role: viewer → editor");
    const renamed = activitySentence(
      "talks",
      event("issue.renamed", "issue", "i1", { title: "Strike weapons" }, { title: "Offensive weapons" }),
      names,
    );
    expect(renamed.text).toBe("renamed the issue “Strike weapons” to “Offensive weapons”");
    const unknown = activitySentence("talks", event("share_link.created", "share_link", "x9", null, {}), names);
    expect(unknown.text).toBe("created a share link");
    for (const s of [role, renamed, unknown]) expect(s.text).not.toMatch(/[{}]|x9|u2/);
  });
});
