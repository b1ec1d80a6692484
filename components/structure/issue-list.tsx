"use client";

import { TextField } from "@/components/structure/field";
import { type StructureKind, StructureList } from "@/components/structure/structure-list";
import {
  addIssueAction,
  archiveIssueAction,
  renameIssueAction,
  reorderIssuesAction,
  unarchiveIssueAction,
} from "@/lib/structure/actions";
import type { StructureIssue } from "@/lib/structure/data";
import { ISSUE_DESCRIPTION_MAX, ISSUE_TITLE_MAX } from "@/lib/structure/schema";

const ISSUES: StructureKind<StructureIssue> = {
  noun: "issue",
  place: "row",
  nameField: "title",
  listLabel: "Issues, in matrix row order",
  emptyText: "No issues yet: add the first one above.",
  archivedHeading: "Archived issues",
  labelOf: (issue) => issue.title,
  actions: {
    add: addIssueAction,
    rename: renameIssueAction,
    archive: archiveIssueAction,
    unarchive: unarchiveIssueAction,
    reorder: reorderIssuesAction,
  },
  summary: (issue) => (
    <>
      <p className="font-medium">{issue.title}</p>
      {issue.description ? <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{issue.description}</p> : null}
    </>
  ),
  archivedSummary: (issue) => <p className="text-slate-700">{issue.title}</p>,
  fields: (issue, idPrefix, errors) => (
    <>
      <TextField
        id={`${idPrefix}-title`}
        name="title"
        label="Title"
        defaultValue={issue?.title}
        maxLength={ISSUE_TITLE_MAX}
        errors={errors?.title}
        autoFocus={issue !== null}
      />
      <TextField
        id={`${idPrefix}-description`}
        name="description"
        label="Description"
        defaultValue={issue?.description}
        maxLength={ISSUE_DESCRIPTION_MAX}
        errors={errors?.description}
        required={false}
        multiline
      />
    </>
  ),
  readFields: (form) => ({
    title: String(form.get("title") ?? ""),
    description: String(form.get("description") ?? ""),
  }),
};

/** The matrix's rows: add, rename, reorder, archive and bring back. */
export function IssueList({ workspaceSlug, issues }: { workspaceSlug: string; issues: StructureIssue[] }) {
  return <StructureList kind={ISSUES} workspaceSlug={workspaceSlug} items={issues} />;
}
