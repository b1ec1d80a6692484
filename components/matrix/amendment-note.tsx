import { CalendarDate } from "@/components/ui/calendar-date";
import { LocalTime } from "@/components/ui/local-time";
import { RELATION_LABELS } from "@/lib/evidence/labels";
import type { LinkChanges } from "@/lib/matrix/amendments";
import { displayName } from "@/lib/users/display-name";

type Link = { relation: "SUPPORTS" | "CONTRADICTS" | "CONTEXT"; evidence: { id: string; exact: string } };
type Wording = { position: string; summary: string; statedOn: string };

type Props = {
  labels: Record<string, string>;
  statement: Wording;
  amendment: {
    kind: "CORRECTED" | "RETRACTED";
    reason: string;
    amendedAt: Date;
    amendedBy: { name: string; email: string } | null;
  };
  correction: { replacement: Wording & { id: string }; links: LinkChanges<Link> } | null;
};

const clip = (text: string) => (text.length > 90 ? `${text.slice(0, 88)}…` : text);

function QuoteList({ title, links, testId }: { title: string; links: Link[]; testId: string }) {
  if (links.length === 0) return null;
  return (
    <div data-testid={testId}>
      <dt className="font-medium text-slate-700">{title}</dt>
      <dd>
        <ul className="ml-4 list-disc">
          {links.map((link) => (
            <li key={link.evidence.id}>
              <span className="font-serif">“{clip(link.evidence.exact)}”</span> ({RELATION_LABELS[link.relation]})
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

/** Who amended a statement, when and why; for a correction, the wording and quotes before and after. */
export function AmendmentNote({ labels, statement, amendment, correction }: Props) {
  const who = amendment.amendedBy ? displayName(amendment.amendedBy) : "someone";
  const changes = correction?.links;
  const unchanged = changes && !changes.added.length && !changes.removed.length && !changes.relationChanged.length;
  return (
    <div
      data-testid="amendment"
      className="mt-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p>
        <strong>{amendment.kind === "CORRECTED" ? "Corrected" : "Retracted"}</strong> by {who} on{" "}
        <LocalTime iso={amendment.amendedAt.toISOString()} />: “{amendment.reason}”
      </p>
      {correction ? (
        <dl className="mt-2 space-y-1">
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-700">Was</dt>
              <dd>
                {labels[statement.position]} — {statement.summary} (<CalendarDate value={statement.statedOn} />)
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-700">Now</dt>
              <dd>
                <a href={`#statement-${correction.replacement.id}`} className="text-indigo-700 underline">
                  {labels[correction.replacement.position]} — {correction.replacement.summary} (
                  <CalendarDate value={correction.replacement.statedOn} />)
                </a>
              </dd>
            </div>
          </div>
          {unchanged ? (
            <p data-testid="quotes-unchanged">Quotes: unchanged.</p>
          ) : (
            <>
              <QuoteList title="Quotes added" links={changes!.added} testId="quotes-added" />
              <QuoteList title="Quotes removed" links={changes!.removed} testId="quotes-removed" />
              {changes!.relationChanged.length > 0 ? (
                <div data-testid="quotes-relinked">
                  <dt className="font-medium text-slate-700">Quotes relinked</dt>
                  <dd>
                    <ul className="ml-4 list-disc">
                      {changes!.relationChanged.map(({ before, after }) => (
                        <li key={after.evidence.id}>
                          <span className="font-serif">“{clip(after.evidence.exact)}”</span>:{" "}
                          {RELATION_LABELS[before.relation]} → {RELATION_LABELS[after.relation]}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </>
          )}
        </dl>
      ) : null}
    </div>
  );
}
