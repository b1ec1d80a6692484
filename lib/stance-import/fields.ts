// The columns a sheet of stances may have; shared by the server and the import form.

export const IMPORT_FIELDS = ["issue", "party", "position", "summary", "date", "source", "quote"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS = ["issue", "party", "position", "summary", "date"] as const satisfies ImportField[];

export const FIELD_LABELS: Record<ImportField, string> = {
  issue: "Issue",
  party: "Party",
  position: "Position",
  summary: "Summary",
  date: "Date",
  source: "Source URL",
  quote: "Quote",
};
